import { api as defaultClient, type ApiClient, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import { downloadFile } from '@/shared/api/download'
import type {
  Appeal,
  AppealBody,
  AppealKind,
  CreditList,
  CreditRecord,
  DecideBody,
  Entry,
  ListRule,
  PortalCredit,
  Proposal,
  ProposalBody,
  RecordBody,
  ReviewBody,
} from './types'

/** Paths of the credit endpoints (api/server.go), in one place for the tests. */
export const CREDIT_PATHS = {
  records: '/credit/records',
  proposals: '/credit/proposals',
  decide: (id: number) => `/credit/proposals/${id}/decide`,
  entries: '/credit/entries',
  /** appeals or repairs */
  applications: (kind: AppealKind) => (kind === 'appeal' ? '/credit/appeals' : '/credit/repairs'),
  review: (kind: AppealKind, id: number) => `${kind === 'appeal' ? '/credit/appeals' : '/credit/repairs'}/${id}/review`,
  exportJson: '/credit/export',
  exportXlsx: '/credit/export.xlsx',
  portal: '/portal/credit',
  file: (kind: AppealKind) => (kind === 'appeal' ? '/portal/credit/appeals' : '/portal/credit/repairs'),
  publicLists: '/public/credit-lists',
  publicRules: '/public/credit-rules',
} as const

/** createCreditApi binds the credit endpoints to a client (the app's, or a test's). */
export function createCreditApi(client: ApiClient) {
  const P = CREDIT_PATHS
  return {
    records: (params: ListParams, opts?: RequestOptions) => client.get<ListResponse<CreditRecord>>(P.records, params, opts),
    createRecord: (body: RecordBody) => client.post<CreditRecord>(P.records, body, { quiet: true }),
    proposals: (params: ListParams, opts?: RequestOptions) => client.get<ListResponse<Proposal>>(P.proposals, params, opts),
    propose: (body: ProposalBody) => client.post<Proposal>(P.proposals, body, { quiet: true }),
    decide: (id: number, body: DecideBody) => client.post<Proposal>(P.decide(id), body, { quiet: true }),
    entries: (params: ListParams, opts?: RequestOptions) => client.get<ListResponse<Entry>>(P.entries, params, opts),
    applications: (kind: AppealKind, status = '', opts?: RequestOptions) =>
      client.get<{ items: Appeal[] }>(P.applications(kind), status ? { status } : undefined, opts),
    review: (kind: AppealKind, id: number, body: ReviewBody) => client.post<Appeal>(P.review(kind, id), body, { quiet: true }),
    exportJson: (since: string) => client.get<unknown>(P.exportJson, since ? { since } : undefined, { quiet: true }),
    portal: (opts?: RequestOptions) => client.get<PortalCredit>(P.portal, undefined, opts),
    file: (kind: AppealKind, body: AppealBody) => client.post<Appeal>(P.file(kind), body, { quiet: true }),
    publicLists: (list: CreditList, params: ListParams, opts?: RequestOptions) =>
      client.get<ListResponse<Entry>>(P.publicLists, { ...params, list }, { allowUnauthenticated: true, ...opts }),
    publicRules: (opts?: RequestOptions) =>
      client.get<{ items: ListRule[] }>(P.publicRules, undefined, { allowUnauthenticated: true, ...opts }),
  }
}

export type CreditApi = ReturnType<typeof createCreditApi>

/** The credit endpoints on the application's client. */
export const creditApi = createCreditApi(defaultClient)

/** exportFileName names a government export: credit-lists[-since-YYYY-MM-DD].json|xlsx. */
export function exportFileName(format: 'json' | 'xlsx', since: string): string {
  return `credit-lists${since ? `-since-${since}` : ''}.${format}`
}

/** downloadExport saves the government export (8.4.1.6) as .xlsx or JSON. */
export function downloadExport(format: 'json' | 'xlsx', since: string): Promise<string> {
  const query = since ? { since } : undefined
  return format === 'xlsx'
    ? downloadFile(CREDIT_PATHS.exportXlsx, query, exportFileName('xlsx', since), { quiet: true })
    : downloadFile(CREDIT_PATHS.exportJson, query, exportFileName('json', since), { quiet: true, accept: 'application/json' })
}
