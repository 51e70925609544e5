/** Shapes of /api/v1/consulting (see api/consulting.go). Money is integer fen. */

/** Catalogue categories (8.2.2.1), in the server's order. */
export const CATEGORIES = [
  'government',
  'finance_tax_law',
  'human_resources',
  'management',
  'information_technology',
  'quality_infrastructure',
  'intellectual_property',
  'sme_quality',
  'science_technology',
  'engineering',
  'market',
  'survey',
  'other',
] as const
export type Category = (typeof CATEGORIES)[number]

export const CLIENT_KINDS = ['member', 'organisation', 'government', 'individual'] as const
export type ClientKind = (typeof CLIENT_KINDS)[number]

/** The nine lifecycle stages of 7.3.1.1, in order. */
export const STAGES = [
  'requirements',
  'feasibility',
  'planning',
  'approval',
  'implementation',
  'review',
  'acceptance',
  'closure',
  'performance_evaluation',
] as const
export type Stage = (typeof STAGES)[number]

export interface ConsultService {
  id: number
  name: string
  category: string
  scope_item: string
  description: string
  fee_basis: string
  active: boolean
}
export type ServiceBody = Omit<ConsultService, 'id'>

export interface ConsultClient {
  id: number
  name: string
  kind: ClientKind
  foreign: boolean
  member_id: number | null
}
export type ClientBody = Omit<ConsultClient, 'id'>

export interface Deliverable {
  title: string
  due_on: string
  metric: string
  done: boolean
}

export interface Instalment {
  due_on: string
  amount_fen: number
}

export interface Declaration {
  person: string
  conflict: boolean
  note: string
}

export interface ComplianceReview {
  reviewer: string
  reviewed_on: string
  approved: boolean
  conclusion: string
}

export interface Contract {
  id: number
  contract_no: string
  client_id: number
  service_id: number
  title: string
  scope: string
  team: string[]
  fee_fen: number
  payment_plan: Instalment[]
  deliverables: Deliverable[]
  confidentiality: string
  ip_terms: string
  data_protection: string
  conflict_declarations: Declaration[]
  applicable_laws: string
  starts_on: string
  ends_on: string
  foreign_client: boolean
  special_fund: boolean
  signed_on: string | null
  signed_document: string
  compliance_review: ComplianceReview | null
}

/** What POST/PUT /consulting/contracts take (the server sets number, foreign flag, signature, review). */
export type ContractBody = Omit<
  Contract,
  'id' | 'contract_no' | 'foreign_client' | 'signed_on' | 'signed_document' | 'compliance_review'
>

export interface StageRecord {
  id: number
  stage: Stage
  summary: string
  skip_reason: string
  documents: string[]
  by: string
  at: string
}

export interface StageBody {
  stage: Stage
  summary: string
  skip_reason?: string
  documents?: string[]
}

export interface ContractWithStages {
  contract: Contract
  stages: StageRecord[]
}

export interface BudgetLine {
  id: number
  name: string
  amount_fen: number
  spent_fen: number
  left_fen: number
}

export interface Expense {
  id: number
  line_id: number
  amount_fen: number
  spent_on: string
  description: string
  by: string
}

export interface Budget {
  lines: BudgetLine[]
  expenses: Expense[]
  budget_fen: number
  spent_fen: number
}

export interface ExpenseBody {
  line_id: number
  amount_fen: number
  spent_on: string
  description: string
}

export interface Receipt {
  id: number
  amount_fen: number
  received_on: string
  reference: string
  by?: string
}

export interface ReceiptBody {
  amount_fen: number
  received_on: string
  reference: string
}

export interface SignBody {
  signed_on: string
  document: string
}
