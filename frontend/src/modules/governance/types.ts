/** Types of the governance register API (clauses 7.1.2 and 7.3.3.1 of the standard). */

export interface Association {
  full_name: string
  short_name: string
  uscc: string
  business_scope: string[]
  registration_authority: string
  registered_on: string
}

export type AssociationState = { configured: false } | { configured: true; association: Association }

export type BodyKind = 'general_assembly' | 'council' | 'standing_council' | 'supervisory_board' | 'president_office'

/** The bodies in the order the charter lists them. */
export const BODY_KINDS: readonly BodyKind[] = [
  'general_assembly',
  'council',
  'standing_council',
  'supervisory_board',
  'president_office',
]

/** The core bodies 7.1.2.2 requires (R-7.1.2.2-a). */
export const CORE_BODY_KINDS: readonly BodyKind[] = ['general_assembly', 'council', 'supervisory_board']

/** A fraction such as two thirds. */
export interface Ratio {
  num: number
  den: number
}

export interface Rules {
  /** Share of seats that must attend (in person or by proxy). */
  quorum: Ratio
  /** Share of attendees voting for, strictly more than, for ordinary resolutions. */
  majority: Ratio
  /** Share of attendees voting for, at least, for fee standards and charter amendments. */
  special: Ratio
}

/** A seat of a body: a member unit or a named person (exactly one of the two). */
export interface Seat {
  member_id?: number
  person_name?: string
}

export interface Body {
  id: number
  kind: BodyKind
  name: string
  term_no: number
  term_start: string
  term_end: string
  members: Seat[]
  rules: Rules
  powers: string
  formation_method: string
  removal_method: string
}

export type BodyInput = Omit<Body, 'id'>

export type MeetingKind = 'regular' | 'election' | 'extraordinary'
export const MEETING_KINDS: readonly MeetingKind[] = ['regular', 'election', 'extraordinary']

export type Presence = 'present' | 'proxy' | 'absent'
export const PRESENCES: readonly Presence[] = ['present', 'proxy', 'absent']

export interface Attendee extends Seat {
  status: Presence
}

export interface Meeting {
  id: number
  body_id: number
  kind: MeetingKind
  title: string
  held_on: string
  place: string
  agenda: string
  minutes: string
  attendees: Attendee[]
  /** Seats of the body when the meeting was held. */
  seats: number
  /** Present or by proxy. */
  attending: number
}

export interface MeetingInput {
  body_id: number
  kind: MeetingKind
  title: string
  held_on: string
  place: string
  agenda: string
  minutes: string
  attendees: Attendee[]
}

/** GET /meetings/:id and POST /meetings answer a meeting with its quorum verdict. */
export interface MeetingView {
  meeting: Meeting
  quorate: boolean
  body_name: string
}

export type ResolutionKind = 'fee_standard' | 'charter_amendment' | 'election' | 'expulsion' | 'credit_decision' | 'other'
export const RESOLUTION_KINDS: readonly ResolutionKind[] = [
  'fee_standard',
  'charter_amendment',
  'election',
  'expulsion',
  'credit_decision',
  'other',
]

export type Outcome = 'passed' | 'failed'
export type ResolutionStatus = 'passed' | 'failed' | 'superseded'

export interface Resolution {
  id: number
  meeting_id: number
  body_id: number
  body_kind: BodyKind
  held_on: string
  title: string
  text: string
  kind: ResolutionKind
  votes_for: number
  votes_against: number
  votes_abstain: number
  outcome: Outcome
  status: ResolutionStatus
  supersedes_id: number | null
  superseded_by: number | null
}

export interface ResolutionInput {
  title: string
  text: string
  kind: ResolutionKind
  votes_for: number
  votes_against: number
  votes_abstain: number
  supersedes_id?: number
}

export type PositionTitle =
  | 'president'
  | 'vice_president'
  | 'secretary_general'
  | 'deputy_secretary_general'
  | 'chief_supervisor'
  | 'director'
  | 'supervisor'

/** The positions in rank order. */
export const TITLES: readonly PositionTitle[] = [
  'president',
  'vice_president',
  'secretary_general',
  'deputy_secretary_general',
  'chief_supervisor',
  'director',
  'supervisor',
]

export interface PositionType {
  title: PositionTitle
  powers: string
  appointment_method: string
  removal_method: string
  term_years: number
  defined: boolean
}

export type PositionTypeInput = Omit<PositionType, 'title' | 'defined'>

export interface Tenure {
  id: number
  title: PositionTitle
  person_name: string
  member_id: number | null
  full_time: boolean
  term_no: number
  term_start: string
  term_end: string
  resolution_id: number | null
}

export type TenureInput = Omit<Tenure, 'id'>

/** One officer of GET /public/leadership. */
export interface Leader {
  title: PositionTitle
  person_name: string
  term_no: number
  term_start: string
  term_end: string
}

export type BranchKind = 'branch' | 'representative_office'
export type BranchStatus = 'pending_review' | 'established' | 'active' | 'rejected' | 'dissolved'

export interface Review {
  by: string
  at: string
  reason: string
}

export interface Branch {
  id: number
  kind: BranchKind
  name: string
  scope: string[]
  head: string
  resolution_id: number | null
  status: BranchStatus
  suffix_listed: boolean
  suffix_review: Review | null
  place_review: Review | null
}

export interface BranchInput {
  kind: BranchKind
  name: string
  scope: string[]
  head: string
  resolution_id: number | null
  regional?: boolean
  own_charter?: boolean
}

/** A member unit as the pickers need it. */
export interface MemberOption {
  id: number
  name: string
  member_no?: string
}
