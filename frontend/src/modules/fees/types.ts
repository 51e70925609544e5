/** Dues (会费, 8.1.1): the shapes of the fee API. Money is integer fen everywhere. */

export interface FeeStandard {
  id: number
  tier_id: number
  tier_name: string
  year: number
  amount_fen: number
  resolution_id: number
}

export interface StandardBody {
  tier_id: number
  year: number
  amount_fen: number
  resolution_id: number
}

export const BILL_STATUSES = ['unpaid', 'partial', 'paid', 'cancelled'] as const
export type BillStatus = (typeof BILL_STATUSES)[number]
/** Filter values of GET /bills?status= (the statuses plus two views). */
export const BILL_FILTERS = ['outstanding', 'overdue', ...BILL_STATUSES] as const

export interface Bill {
  id: number
  bill_no: string
  member_id: number
  member_name: string
  year: number
  tier_id: number
  tier_name: string
  amount_fen: number
  paid_fen: number
  outstanding_fen: number
  status: BillStatus
  overdue: boolean
  /** 0 = the association itself, else a branch id. */
  issuer_id: number
  due_on: string
}

export interface GenerateResult {
  year: number
  created: number
  already_billed: number
  no_standard: number
  /** Tier name → units left unbilled for want of a standard. */
  no_standard_by_tier: Record<string, number>
}

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'wechat', 'alipay', 'cheque'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export interface Payment {
  id: number
  receipt_no: string
  bill_id: number
  member_id: number
  amount_fen: number
  method: PaymentMethod
  paid_on: string
  reference: string
  reversal_of: number | null
  reversed_by: number | null
  reason: string
  created_by: string
  created_at: string
}

export interface PaymentBody {
  bill_id: number
  amount_fen: number
  method: PaymentMethod
  paid_on: string
  reference: string
}

export interface Receipt {
  association: string
  receipt_no: string
  member_name: string
  bill_no: string
  year: number
  tier_name: string
  amount_fen: number
  amount_yuan: string
  method: PaymentMethod
  paid_on: string
  reference: string
  created_by: string
  reversal_of: number | null
  reversed_by: number | null
}

export const EXPENSE_CATEGORIES = ['member_service', 'business_activity', 'administration', 'other'] as const
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]
/** The categories that count as the fund's main use (8.1.1.3). */
export const MAIN_USE_CATEGORIES: readonly ExpenseCategory[] = ['member_service', 'business_activity']

export type ExpensesByCategory = Partial<Record<ExpenseCategory, number>>

export interface FundSummary {
  keeper: string
  year: number
  income_fen: number
  expense_fen: number
  expenses_by_category: ExpensesByCategory
  balance_fen: number
  /** Parts per ten thousand; null when nothing was spent. */
  main_use_share_bp: number | null
}

export interface FundEntry {
  id: number
  direction: 'income' | 'expense'
  amount_fen: number
  /** An expense category, or "dues" for income. */
  category: string
  year: number
  posted_on: string
  description: string
  responsible: string
  keeper: string
  payment_id: number | null
  reversal_of: number | null
  created_by: string
}

export interface ExpenseBody {
  amount_fen: number
  category: ExpenseCategory
  posted_on: string
  description: string
  responsible: string
}

export const DISCLOSURE_STATUSES = ['draft', 'verified', 'approved', 'published', 'replaced'] as const
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number]

export interface TierFigures {
  tier_id: number
  tier_name: string
  units: number
  billed_fen: number
  collected_fen: number
}

export interface Disclosure {
  year: number
  version: number
  status: DisclosureStatus
  tiers: TierFigures[]
  billed_fen: number
  collected_fen: number
  collection_rate_bp: number
  income_fen: number
  expense_fen: number
  expenses_by_category: ExpensesByCategory
  brought_forward_fen: number
  carried_forward_fen: number
  main_use_share_bp: number | null
  change_note: string
  author: string
  verifier: string
  approver: string
  published_at: string | null
}

export type FeedbackKind = 'question' | 'objection'

export interface Feedback {
  id: number
  year: number
  version: number
  member_id: number
  kind: FeedbackKind
  text: string
  author: string
  reply: string
  replied_by: string
  created_at: string
  replied_at: string | null
}

export interface Notice {
  id: number
  kind: string
  title: string
  body: string
  created_at: string
  read_at: string | null
}

/** A passed fee-standard resolution of the general assembly (GET /resolutions). */
export interface ResolutionRef {
  id: number
  meeting_id: number
  body_id: number
  body_kind: string
  held_on: string
  title: string
  kind: string
  status: string
}

export interface TierRef {
  id: number
  name: string
  rank: number
  annual_fee_fen: number
  active: boolean
}

export interface BranchRef {
  id: number
  kind: string
  name: string
  status: string
}

export interface MemberRef {
  id: number
  member_no: string | null
  name: string
  tier_id: number
  tier_name: string
  status: string
}

export interface FeeFinding {
  id: number
  rule_id: string
  clause: string
  object_id: string | number | null
  object_label: string
  severity: 'info' | 'warning' | 'critical'
  message: string
  opened_at: string
}
