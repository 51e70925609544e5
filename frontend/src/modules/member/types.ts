/** Payload types of the member registry API (8.1.1.1, 8.1.2). */

export const STATUSES = ['applicant', 'active', 'suspended', 'withdrawn', 'expelled'] as const
export type MemberStatus = (typeof STATUSES)[number]

/** Legal persons that may join (8.1.2.1). */
export const ELIGIBLE_UNIT_TYPES = [
  'company',
  'public_institution',
  'social_organisation',
  'private_non_enterprise',
  'cooperative',
] as const
/** Forms the server refuses with 422 (8.1.2.1): not legal persons, or state organs. */
export const REFUSED_UNIT_TYPES = [
  'branch_company',
  'partnership',
  'sole_proprietorship',
  'individual_business',
  'state_organ',
] as const
export type UnitType = (typeof ELIGIBLE_UNIT_TYPES)[number] | (typeof REFUSED_UNIT_TYPES)[number]

export const CHANNELS = ['paper', 'portal', 'email', 'import'] as const
export type Channel = (typeof CHANNELS)[number]

export const RISK_LEVELS = ['low', 'medium', 'high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]

export const LIST_SORTS = ['name', 'joined_on', 'member_no', 'applied_on'] as const

export interface Tier {
  id: number
  name: string
  rank: number
  annual_fee_fen: number
  services: string[]
  rights: string
  obligations: string
  active: boolean
}

export type TierBody = Omit<Tier, 'id'>

export interface Person {
  name: string
  phone: string
}

export interface Contact {
  name: string
  title: string
  phone: string
  email: string
}

export interface Profile {
  legal: string
  business: string
  credit: string
  brand: string
  capability: string
}

export const PROFILE_KEYS = ['legal', 'business', 'credit', 'brand', 'capability'] as const

export interface Warning {
  text: string
  level: RiskLevel
  date: string
  source: string
  cleared_on: string | null
}

export interface Member {
  id: number
  member_no: string
  name: string
  uscc: string
  unit_type: UnitType
  tier_id: number
  tier_name: string
  status: MemberStatus
  council_unit: boolean
  address: string
  legal_representative: Person
  member_representative: Person
  council_representative: Person | null
  contacts: Contact[]
  industry: string
  chain_segment: string
  region: string
  channel: Channel
  application_ref: string
  applied_on: string
  joined_on: string | null
  left_on: string | null
  leave_reason: string
  profile: Profile | null
  warnings: Warning[]
  risk_level: RiskLevel | ''
  last_reviewed_at: string
  /** Field names shown masked at the viewer's clearance (8.1.2.3 密级). */
  masked: string[]
}

/** POST /members: staff record an application (the result is an applicant). */
export interface CreateMemberBody {
  name: string
  uscc: string
  tier_id: number
  unit_type: UnitType
  charter_accepted: boolean
  overseas?: boolean
  council_unit?: boolean
  channel: Channel
  application_ref?: string
  applied_on?: string
  address?: string
  legal_representative?: Person
  member_representative?: Person
  council_representative?: Person | null
  contacts?: Contact[]
  industry?: string
  chain_segment?: string
  region?: string
}

/** PATCH /members/:id: any subset. */
export interface EditMemberBody {
  name?: string
  address?: string
  legal_representative?: Person
  member_representative?: Person
  council_representative?: Person | null
  contacts?: Contact[]
  industry?: string
  chain_segment?: string
  region?: string
  tier_id?: number
  council_unit?: boolean
  profile?: Profile
  warnings?: Warning[]
}

/** The roster fields a unit may ask to change from the portal. */
export const PORTAL_FIELDS = [
  'address',
  'legal_representative',
  'member_representative',
  'council_representative',
  'contacts',
  'industry',
  'chain_segment',
  'region',
] as const
export type PortalField = (typeof PORTAL_FIELDS)[number]

export type ChangeRequestBody = Partial<Pick<EditMemberBody, PortalField>> & { note?: string }

export type ChangeRequestStatus = 'pending' | 'applied' | 'rejected'

export interface ChangeRequest {
  id: number
  member_id: number
  member_name: string
  fields: string[]
  changes: Record<string, unknown>
  note: string
  status: ChangeRequestStatus
  requested_by: string
  requested_at: string
  decided_by: string
  decided_at: string | null
  decision_note: string
}

export interface HistoryEvent {
  at: string
  from_status: MemberStatus | ''
  to_status: MemberStatus
  reason: string
  ref: string
  actor_name: string
}

export interface CountRow {
  key: string
  label: string
  count: number
}

export interface MemberStats {
  by_status: CountRow[]
  by_tier: CountRow[]
  by_region: CountRow[]
  by_industry: CountRow[]
  by_chain_segment: CountRow[]
  trend: { year: number; joined: number; left: number }[]
  coverage: { industry_total_units: number | null; current: number; rate: number | null }
  review_due: number
  review_months: number
  with_risk: number
}

export interface DirectoryEntry {
  id: number
  member_no: string
  name: string
  tier_name: string
  region: string
  industry: string
  chain_segment: string
}

export type LifecycleAction = 'approve' | 'suspend' | 'reinstate' | 'withdraw' | 'expel'

export interface TransitionBody {
  reason?: string
  note?: string
  approver?: string
  /** A passed expulsion resolution of the council or general assembly (required to expel). */
  resolution_id?: number
  date?: string
}

/** A passed expulsion resolution offered when expelling a unit. */
export interface ExpulsionResolution {
  id: number
  title: string
  held_on: string
  body_kind: string
}

/** One problem of a refused import (422 member.import_rejected). */
export interface ImportProblem {
  row: number
  column: string
  field: string
  code: string
  message: string
}

export interface ImportResult {
  created: number
  ids: number[]
}
