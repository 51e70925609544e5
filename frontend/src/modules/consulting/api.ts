import { api, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import { downloadFile } from '@/shared/api/download'
import type {
  Budget,
  BudgetLine,
  ClientBody,
  ComplianceReview,
  ConsultClient,
  ConsultService,
  Contract,
  ContractBody,
  ContractWithStages,
  Expense,
  ExpenseBody,
  Receipt,
  ReceiptBody,
  ServiceBody,
  SignBody,
  StageBody,
  StageRecord,
} from './types'

/** Paths of the consulting API, relative to /api/v1 (exported for tests). */
export const consultingPaths = {
  services: '/consulting/services',
  service: (id: number) => `/consulting/services/${id}`,
  clients: '/consulting/clients',
  contracts: '/consulting/contracts',
  export: '/consulting/contracts/export.xlsx',
  contract: (id: number) => `/consulting/contracts/${id}`,
  stages: (id: number) => `/consulting/contracts/${id}/stages`,
  compliance: (id: number) => `/consulting/contracts/${id}/compliance-review`,
  sign: (id: number) => `/consulting/contracts/${id}/sign`,
  deliverable: (id: number, index: number) => `/consulting/contracts/${id}/deliverables/${index}`,
  budget: (id: number) => `/consulting/contracts/${id}/budget`,
  expenses: (id: number) => `/consulting/contracts/${id}/expenses`,
  receipts: (id: number) => `/consulting/contracts/${id}/receipts`,
}

const P = consultingPaths

/** Writes are quiet: the pages show the refusal (and its clause) inline. */
export const servicesApi = {
  list: (opts?: RequestOptions) => api.get<{ items: ConsultService[] }>(P.services, undefined, opts),
  create: (body: ServiceBody) => api.post<ConsultService>(P.services, body, { quiet: true }),
  update: (id: number, body: ServiceBody) => api.put<ConsultService>(P.service(id), body, { quiet: true }),
}

export const clientsApi = {
  list: (opts?: RequestOptions) => api.get<{ items: ConsultClient[] }>(P.clients, undefined, opts),
  create: (body: ClientBody) => api.post<ConsultClient>(P.clients, body, { quiet: true }),
}

export const contractsApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Contract>>(P.contracts, params, opts),
  get: (id: number, opts?: RequestOptions) => api.get<ContractWithStages>(P.contract(id), undefined, opts),
  create: (body: ContractBody) => api.post<Contract>(P.contracts, body, { quiet: true }),
  update: (id: number, body: ContractBody) => api.put<Contract>(P.contract(id), body, { quiet: true }),
  addStage: (id: number, body: StageBody) => api.post<{ items: StageRecord[] }>(P.stages(id), body, { quiet: true }),
  review: (id: number, body: ComplianceReview) => api.put<Contract>(P.compliance(id), body, { quiet: true }),
  sign: (id: number, body: SignBody) => api.post<Contract>(P.sign(id), body, { quiet: true }),
  /** Records a deliverable as delivered (or not); this is what clears its overdue flag (8.2.2.3). */
  markDeliverable: (id: number, index: number, done: boolean) =>
    api.put<Contract>(P.deliverable(id, index), { done }, { quiet: true }),
  budget: (id: number, opts?: RequestOptions) => api.get<Budget>(P.budget(id), undefined, opts),
  addLine: (id: number, body: { name: string; amount_fen: number }) =>
    api.post<BudgetLine>(P.budget(id), body, { quiet: true }),
  addExpense: (id: number, body: ExpenseBody) => api.post<Expense>(P.expenses(id), body, { quiet: true }),
  receipts: (id: number, opts?: RequestOptions) => api.get<{ items: Receipt[] }>(P.receipts(id), undefined, opts),
  addReceipt: (id: number, body: ReceiptBody) => api.post<Receipt>(P.receipts(id), body, { quiet: true }),
}

/** exportContracts downloads the contract register (合同台账) with stage and budget-versus-actual. */
export function exportContracts(): Promise<string> {
  return downloadFile(P.export, undefined, 'consulting-contracts.xlsx')
}

/** The association's registered business scope, which the catalogue must stay within (8.2.2.1). */
export async function businessScope(opts?: RequestOptions): Promise<string[]> {
  const res = await api.get<{ configured: boolean; association?: { business_scope?: string[] } }>(
    '/association',
    undefined,
    opts,
  )
  return res.configured ? (res.association?.business_scope ?? []) : []
}
