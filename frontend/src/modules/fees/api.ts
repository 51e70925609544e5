import { api, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import { downloadFile } from '@/shared/api/download'
import { idempotencyKeeper, type IdempotencyKeeper } from './idempotency'
import type {
  Bill,
  BranchRef,
  Disclosure,
  ExpenseBody,
  FeeFinding,
  FeeStandard,
  Feedback,
  FeedbackKind,
  FundEntry,
  FundSummary,
  GenerateResult,
  MemberRef,
  Notice,
  Payment,
  PaymentBody,
  Receipt,
  ResolutionRef,
  StandardBody,
  TierRef,
} from './types'

type Items<T> = { items: T[] }

export const standardsApi = {
  list: (year: number | undefined, opts?: RequestOptions) =>
    api.get<Items<FeeStandard>>('/fee-standards', year ? { year } : undefined, opts),
  create: (body: StandardBody) => api.post<FeeStandard>('/fee-standards', body, { quiet: true }),
}

export const billsApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Bill>>('/bills', params, opts),
  generate: (year: number) => api.post<GenerateResult>('/bills/generate', { year }, { quiet: true }),
  issue: (member_id: number, year: number, issuer_id: number) =>
    api.post<Bill>('/bills', { member_id, year, issuer_id }, { quiet: true }),
  cancel: (id: number, reason: string) => api.post<Bill>(`/bills/${id}/cancel`, { reason }, { quiet: true }),
}

/**
 * createPayment records a payment with the keeper's Idempotency-Key: a retry of the
 * same body after an unknown outcome reuses the key and gets the same payment back.
 */
export async function createPayment(body: PaymentBody, keeper: IdempotencyKeeper): Promise<Payment> {
  const key = keeper.keyFor(body)
  const p = await api.post<Payment>('/payments', body, { quiet: true, headers: { 'Idempotency-Key': key } })
  keeper.succeeded()
  return p
}

export { idempotencyKeeper }

export const paymentsApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Payment>>('/payments', params, opts),
  reverse: (id: number, reason: string) => api.post<Payment>(`/payments/${id}/reverse`, { reason }, { quiet: true }),
  receipt: (id: number, opts?: RequestOptions) => api.get<Receipt>(`/payments/${id}/receipt`, undefined, opts),
  receiptXlsx: (id: number, receiptNo: string) =>
    downloadFile(`/payments/${id}/receipt.xlsx`, undefined, `receipt-${receiptNo || id}.xlsx`, { quiet: true }),
}

export const fundApi = {
  summary: (year: number, opts?: RequestOptions) => api.get<FundSummary>('/fund-ledger/summary', { year }, opts),
  setKeeper: (keeper: string) => api.put<FundSummary>('/fund-ledger/keeper', { keeper }, { quiet: true }),
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<FundEntry>>('/fund-ledger', params, opts),
  postExpense: (body: ExpenseBody) => api.post<FundEntry>('/fund-ledger', body, { quiet: true }),
  reverse: (id: number, reason: string) => api.post<FundEntry>(`/fund-ledger/${id}/reverse`, { reason }, { quiet: true }),
}

export const disclosuresApi = {
  list: (opts?: RequestOptions) => api.get<Items<Disclosure>>('/disclosures', undefined, opts),
  get: (year: number, version?: number, opts?: RequestOptions) =>
    api.get<Disclosure>(`/disclosures/${year}`, version ? { version } : undefined, opts),
  draft: (year: number) => api.post<Disclosure>('/disclosures', { year }, { quiet: true }),
  step: (year: number, step: 'verify' | 'approve' | 'publish') =>
    api.post<Disclosure>(`/disclosures/${year}/${step}`, {}, { quiet: true }),
  revise: (year: number, change_note: string) =>
    api.post<Disclosure>(`/disclosures/${year}/revise`, { change_note }, { quiet: true }),
  exportXlsx: (year: number) =>
    downloadFile(`/disclosures/${year}/export.xlsx`, undefined, `fee-disclosure-${year}.xlsx`, { quiet: true }),
  feedback: (year: number, opts?: RequestOptions) => api.get<Items<Feedback>>(`/disclosures/${year}/feedback`, undefined, opts),
  reply: (id: number, reply: string) => api.post<Feedback>(`/disclosure-feedback/${id}/reply`, { reply }, { quiet: true }),
}

export const portalFeesApi = {
  bills: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Bill>>('/portal/bills', params, opts),
  payments: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Payment>>('/portal/payments', params, opts),
  receipt: (id: number, opts?: RequestOptions) => api.get<Receipt>(`/portal/payments/${id}/receipt`, undefined, opts),
  disclosures: (opts?: RequestOptions) => api.get<Items<Disclosure>>('/portal/disclosures', undefined, opts),
  disclosure: (year: number, version?: number, opts?: RequestOptions) =>
    api.get<Disclosure>(`/portal/disclosures/${year}`, version ? { version } : undefined, opts),
  feedback: (year: number, opts?: RequestOptions) =>
    api.get<Items<Feedback>>(`/portal/disclosures/${year}/feedback`, undefined, opts),
  sendFeedback: (year: number, kind: FeedbackKind, text: string) =>
    api.post<Feedback>(`/portal/disclosures/${year}/feedback`, { kind, text }, { quiet: true }),
  notices: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Notice>>('/portal/notices', params, opts),
  readNotice: (id: number) => api.post<void>(`/portal/notices/${id}/read`, undefined, { quiet: true }),
}

/** Look-ups in other contexts that the dues pages cite. */
export const refsApi = {
  tiers: (opts?: RequestOptions) => api.get<Items<TierRef>>('/member-tiers', undefined, opts),
  feeResolutions: (opts?: RequestOptions) =>
    api.get<ListResponse<ResolutionRef>>(
      '/resolutions',
      { kind: 'fee_standard', body_kind: 'general_assembly', status: 'passed', page_size: 100 },
      opts,
    ),
  branches: (opts?: RequestOptions) => api.get<ListResponse<BranchRef>>('/branches', { page_size: 200 }, opts),
  members: (q: string, opts?: RequestOptions) =>
    api.get<ListResponse<MemberRef>>('/members', { q: q || undefined, page_size: 20 }, opts),
  member: (id: number, opts?: RequestOptions) => api.get<MemberRef>(`/members/${id}`, undefined, opts),
  findings: (opts?: RequestOptions) =>
    api.get<ListResponse<FeeFinding>>('/findings', { module: 'fee', status: 'open', page_size: 50 }, opts),
}
