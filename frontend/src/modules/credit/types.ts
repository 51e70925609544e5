/** Shapes of the credit-list API (8.4.1.5, 8.4.1.6); see api/credit.go. */

export type Polarity = 'positive' | 'negative'
export type CreditList = 'red' | 'white' | 'black'
export type Severity = 'low' | 'medium' | 'high'
export type ProposalAction = 'add' | 'remove'
export type ProposalStatus = 'pending' | 'approved' | 'rejected'
export type EntryStatus = 'active' | 'expired' | 'lifted'
/** Appeals are upheld or overturned; repairs approved or rejected. */
export type AppealStatus = 'pending' | 'upheld' | 'overturned' | 'approved' | 'rejected'
export type AppealKind = 'appeal' | 'repair'

export interface CreditRecord {
  id: number
  member_id: number
  member_name: string
  polarity: Polarity
  category: string
  occurred_on: string
  source: string
  severity: Severity
  summary: string
  evidence: string[]
  recorded_by: string
  created_at: string
}

export interface RecordBody {
  member_id: number | null
  polarity: Polarity
  category: string
  occurred_on: string
  source: string
  severity: Severity
  summary: string
  evidence: string[]
}

export interface Proposal {
  id: number
  member_id: number
  member_name: string
  list: CreditList
  action: ProposalAction
  reason_category: string
  public_summary: string
  record_ids: number[]
  valid_until: string
  proposed_by: string
  proposed_at: string
  status: ProposalStatus
  decided_by: string
  decision_ref: string
  decided_at: string | null
  note: string
  entry_id: number | null
}

export interface ProposalBody {
  member_id: number | null
  list: CreditList
  action: ProposalAction
  reason_category: string
  public_summary: string
  record_ids: number[]
  valid_until: string
}

export interface DecideBody {
  approve: boolean
  meeting_ref: string
  note: string
}

export interface Entry {
  id: number
  member_id: number
  member_name: string
  uscc: string
  list: CreditList
  reason_category: string
  public_summary: string
  valid_from: string
  valid_until: string
  decision_ref?: string
  status: EntryStatus
  ended_at: string | null
  end_reason: string
}

export interface ListRule {
  list: CreditList
  criteria: string
  deciding_body: string
  validity_months: number
  public: boolean
  appeal_days: number
}

export interface Appeal {
  id: number
  entry_id: number
  member_id: number
  text: string
  evidence: string[]
  filed_by: string
  filed_at: string
  status: AppealStatus
  reviewer: string
  reviewed_at: string | null
  reasons: string
}

export interface AppealBody {
  entry_id: number
  text: string
  evidence: string[]
}

export interface ReviewBody {
  grant: boolean
  reasons: string
}

export interface PortalCredit {
  entries: Entry[]
  appeals: Appeal[]
  repairs: Appeal[]
  rules: ListRule[]
}

export interface CreditExport {
  format: string
  association: string
  association_uscc: string
  generated_at: string
  since?: string
  current: Entry[]
  changes: Entry[]
}
