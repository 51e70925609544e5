/** Event kinds of 8.2.1. */
export const KINDS = [
  'forum',
  'exhibition',
  'policy_briefing',
  'exchange',
  'matchmaking',
  'release',
  'training',
  'international',
  'other',
] as const
export type EventKind = (typeof KINDS)[number]

/** The lifecycle: planning → registration open → under way (check-in) → closed; or cancelled. */
export const STATUSES = ['draft', 'published', 'held', 'closed', 'cancelled'] as const
export type EventStatus = (typeof STATUSES)[number]

/** Fields a registration form may collect beyond name and phone (8.2.1.3). */
export const OPTIONAL_FIELDS = ['company', 'title', 'email', 'id_number'] as const
export type OptionalField = (typeof OPTIONAL_FIELDS)[number]

export const INSPECTION_ITEMS = ['evacuation_signs', 'exits_clear', 'equipment_valid'] as const
export type InspectionItem = (typeof INSPECTION_ITEMS)[number]

export const EMERGENCY_DOMAINS = ['public_safety', 'food_safety', 'medical', 'online_opinion'] as const
export type EmergencyDomain = (typeof EMERGENCY_DOMAINS)[number]

export interface TeamMember {
  name: string
  role: string
  responsibility: string
}

export interface Risk {
  risk: string
  control: string
}

export interface SafetyFiling {
  authority: string
  filing_no: string
  filed_on: string
  document: string
}

export interface Check {
  ok: boolean
  checked_by: string
  checked_at: string | null
  note: string
}

export interface EmergencyPlan {
  public_safety: string
  food_safety: string
  medical: string
  online_opinion: string
  procedure: string
  roles: TeamMember[]
  venue_agreed: boolean
  vendors_agreed: boolean
}

export interface EventItem {
  id: number
  title: string
  kind: EventKind
  starts_at: string
  ends_at: string
  venue: string
  capacity: number
  expected_attendance: number
  budget_fen: number
  lead_name: string
  team: TeamMember[]
  goals: string
  plan: string
  risks: Risk[]
  is_exhibition: boolean
  manual_large: boolean
  /** Computed by the server: exhibition, manual switch, or expected ≥ the threshold. */
  large: boolean
  status: EventStatus
  safety_filing: SafetyFiling | null
  fire_inspection: Record<InspectionItem, Check>
  emergency_plan: EmergencyPlan
  /** What a large event still lacks before it may be held (server's list). */
  gate_missing: string[]
  green_items: string[]
  registration_fields: OptionalField[]
  consent_purpose: string
  summary: string
  closed_at: string | null
  anonymised_at: string | null
}

/** Body of POST /events and PUT /events/:id. */
export interface EventBody {
  title: string
  kind: EventKind
  starts_at: string
  ends_at: string
  venue: string
  capacity: number
  expected_attendance: number
  budget_fen: number
  lead_name: string
  team: TeamMember[]
  goals: string
  plan: string
  risks: Risk[]
  is_exhibition: boolean
  manual_large: boolean
  green_items: string[]
  registration_fields: OptionalField[]
  consent_purpose: string
}

export type LifecycleAction = 'publish' | 'hold' | 'close' | 'cancel'

export interface TransitionResult {
  event: EventItem
  warnings: string[]
}

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export interface Task {
  id: number
  title: string
  owner: string
  due_on: string
  status: TaskStatus
}

export type TaskBody = Omit<Task, 'id'>

export interface Provider {
  id: number
  name: string
  service: string
  qualifications: string[]
  contract_ref: string
  contract_terms: string
  quality_guarantee: string
  engaged: boolean
}

export type ProviderBody = Omit<Provider, 'id'>

export const REG_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const
export type RegStatus = (typeof REG_STATUSES)[number]

export interface Registration {
  id: number
  event_id: number
  member_id: number | null
  member_name: string
  name: string
  phone: string
  email: string
  company: string
  title: string
  id_number: string
  consent: boolean
  purpose: string
  status: RegStatus
  /** Only for the organisers and the registrant. */
  checkin_code?: string
  checked_in_at: string | null
  score: number | null
  anonymised: boolean
  created_at: string
}

/** What a registrant fills in; only the event's configured optional fields are sent. */
export interface RegisterBody {
  name: string
  phone: string
  consent: boolean
  company?: string
  title?: string
  email?: string
  id_number?: string
}

export interface EventStats {
  registered: number
  waitlisted: number
  cancelled: number
  checked_in: number
  /** Checked-in over registered, in basis points (1/100 of a percent). */
  attendance_rate_bp: number
  /** Mean score 1–5, null before any response. */
  satisfaction: number | null
  responses: number
}

/** What guests and member contacts see of an event. */
export interface PublicEvent {
  id: number
  title: string
  kind: EventKind
  starts_at: string
  ends_at: string
  venue: string
  status: EventStatus
  registration_fields: OptionalField[]
  consent_purpose: string
  places_left: number
}
