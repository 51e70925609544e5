import { api, ApiError, type ApiClient, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import type {
  Association,
  AssociationState,
  Attendee,
  Body,
  BodyInput,
  Branch,
  BranchInput,
  Leader,
  Meeting,
  MeetingInput,
  MeetingView,
  MemberOption,
  PositionType,
  PositionTypeInput,
  PositionTitle,
  Resolution,
  ResolutionInput,
  Seat,
  Tenure,
  TenureInput,
} from './types'

// ---- request mapping (pure; unit-tested) ----

/** seatKey identifies a seat the way the server does: m:<member id> or p:<name>. */
export function seatKey(seat: Seat): string {
  return seat.member_id != null ? `m:${seat.member_id}` : `p:${(seat.person_name ?? '').trim()}`
}

/** cleanSeat keeps exactly one of member_id and a trimmed person_name. */
export function cleanSeat<T extends Seat>(seat: T): Seat {
  return seat.member_id != null ? { member_id: seat.member_id } : { person_name: (seat.person_name ?? '').trim() }
}

/** cleanSeats drops blank names and repeats, keeping the first of each. */
export function cleanSeats(seats: readonly Seat[]): Seat[] {
  const seen = new Set<string>()
  const out: Seat[] = []
  for (const s of seats) {
    const c = cleanSeat(s)
    if (c.member_id == null && !c.person_name) continue
    const k = seatKey(c)
    if (seen.has(k)) continue
    seen.add(k)
    out.push(c)
  }
  return out
}

const trim = (s: string | null | undefined) => (s ?? '').trim()

/** trimList trims items and drops blanks and repeats (business scope, branch scope). */
export function trimList(items: readonly string[]): string[] {
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))]
}

export function toAssociationPayload(a: Association): Association {
  return {
    full_name: trim(a.full_name),
    short_name: trim(a.short_name),
    uscc: trim(a.uscc).toUpperCase(),
    business_scope: trimList(a.business_scope),
    registration_authority: trim(a.registration_authority),
    registered_on: a.registered_on ?? '',
  }
}

export function toBodyPayload(b: BodyInput): BodyInput {
  const ratio = (r: { num: number; den: number }) => ({ num: Math.trunc(Number(r.num)), den: Math.trunc(Number(r.den)) })
  return {
    kind: b.kind,
    name: trim(b.name),
    term_no: Math.trunc(Number(b.term_no)),
    term_start: b.term_start ?? '',
    term_end: b.term_end ?? '',
    members: cleanSeats(b.members),
    rules: { quorum: ratio(b.rules.quorum), majority: ratio(b.rules.majority), special: ratio(b.rules.special) },
    powers: trim(b.powers),
    formation_method: trim(b.formation_method),
    removal_method: trim(b.removal_method),
  }
}

export function toMeetingPayload(m: MeetingInput): MeetingInput {
  return {
    body_id: m.body_id,
    kind: m.kind,
    title: trim(m.title),
    held_on: m.held_on ?? '',
    place: trim(m.place),
    agenda: trim(m.agenda),
    minutes: trim(m.minutes),
    attendees: m.attendees.map((a): Attendee => ({ ...cleanSeat(a), status: a.status })),
  }
}

export function toResolutionPayload(r: ResolutionInput): ResolutionInput {
  const out: ResolutionInput = {
    title: trim(r.title),
    text: trim(r.text),
    kind: r.kind,
    votes_for: Math.trunc(Number(r.votes_for) || 0),
    votes_against: Math.trunc(Number(r.votes_against) || 0),
    votes_abstain: Math.trunc(Number(r.votes_abstain) || 0),
  }
  if (r.supersedes_id != null) out.supersedes_id = r.supersedes_id
  return out
}

export function toPositionTypePayload(p: PositionTypeInput): PositionTypeInput {
  return {
    powers: trim(p.powers),
    appointment_method: trim(p.appointment_method),
    removal_method: trim(p.removal_method),
    term_years: Math.trunc(Number(p.term_years) || 0),
  }
}

export function toTenurePayload(t: TenureInput): TenureInput {
  return {
    title: t.title,
    person_name: trim(t.person_name),
    member_id: t.member_id ?? null,
    full_time: !!t.full_time,
    term_no: Math.trunc(Number(t.term_no) || 0),
    term_start: t.term_start ?? '',
    term_end: t.term_end ?? '',
    resolution_id: t.resolution_id ?? null,
  }
}

export function toBranchPayload(b: BranchInput): BranchInput {
  const out: BranchInput = {
    kind: b.kind,
    name: trim(b.name),
    scope: trimList(b.scope),
    head: trim(b.head),
    resolution_id: b.resolution_id ?? null,
  }
  if (b.regional) out.regional = true
  if (b.own_charter) out.own_charter = true
  return out
}

// ---- answers ----

/**
 * refusalOf picks out a rule refusal (422) worth showing prominently: the server's
 * message and the clause it cites, if any. Field errors (400) go to the form instead.
 */
export function refusalOf(err: unknown): { code: string; message: string; clause: string } | null {
  if (!(err instanceof ApiError) || err.status !== 422) return null
  return { code: err.code, message: err.message, clause: err.clause ?? '' }
}

/**
 * localizedFinding: governance findings carry "中文 / English" messages; show the part
 * of the UI language.
 */
export function localizedFinding(message: string, locale: string): string {
  const i = message.indexOf(' / ')
  if (i < 0) return message
  return locale.startsWith('en') ? message.slice(i + 3).trim() : message.slice(0, i).trim()
}

// ---- endpoints ----

export interface GovFinding {
  id: number
  rule_id: string
  clause: string
  object_type: string
  object_id: string
  object_label: string
  severity: 'info' | 'warning' | 'critical'
  message: string
  opened_at: string
}

/** createGovApi binds the governance endpoints to a client (the app's, or a test's). */
export function createGovApi(client: ApiClient) {
  return {
    association: (opts?: RequestOptions) => client.get<AssociationState>('/association', undefined, opts),
    saveAssociation: (a: Association, opts?: RequestOptions) =>
      client.put<AssociationState>('/association', toAssociationPayload(a), opts),

    bodies: async (opts?: RequestOptions) => (await client.get<{ items: Body[] }>('/bodies', undefined, opts)).items ?? [],
    body: (id: number, opts?: RequestOptions) => client.get<Body>(`/bodies/${id}`, undefined, opts),
    createBody: (b: BodyInput, opts?: RequestOptions) => client.post<Body>('/bodies', toBodyPayload(b), opts),
    updateBody: (id: number, b: BodyInput, opts?: RequestOptions) => client.put<Body>(`/bodies/${id}`, toBodyPayload(b), opts),

    meetings: (params: ListParams, opts?: RequestOptions) => client.get<ListResponse<Meeting>>('/meetings', params, opts),
    meeting: (id: number, opts?: RequestOptions) => client.get<MeetingView>(`/meetings/${id}`, undefined, opts),
    recordMeeting: (m: MeetingInput, opts?: RequestOptions) => client.post<MeetingView>('/meetings', toMeetingPayload(m), opts),

    meetingResolutions: async (meetingId: number, opts?: RequestOptions) =>
      (await client.get<ListResponse<Resolution>>(`/meetings/${meetingId}/resolutions`, undefined, opts)).items ?? [],
    recordResolution: (meetingId: number, r: ResolutionInput, opts?: RequestOptions) =>
      client.post<Resolution>(`/meetings/${meetingId}/resolutions`, toResolutionPayload(r), opts),
    resolutions: (params: ListParams, opts?: RequestOptions) =>
      client.get<ListResponse<Resolution>>('/resolutions', params, opts),
    resolution: (id: number, opts?: RequestOptions) => client.get<Resolution>(`/resolutions/${id}`, undefined, opts),

    positionTypes: async (opts?: RequestOptions) =>
      (await client.get<{ items: PositionType[] }>('/position-types', undefined, opts)).items ?? [],
    savePositionType: (title: PositionTitle, p: PositionTypeInput, opts?: RequestOptions) =>
      client.put<PositionType>(`/position-types/${title}`, toPositionTypePayload(p), opts),
    tenures: async (params: { title?: string; person_name?: string; current?: boolean } = {}, opts?: RequestOptions) =>
      (
        await client.get<{ items: Tenure[] }>(
          '/positions',
          { title: params.title, person_name: params.person_name, current: params.current ? 'true' : undefined },
          opts,
        )
      ).items ?? [],
    appoint: (t: TenureInput, opts?: RequestOptions) => client.post<Tenure>('/positions', toTenurePayload(t), opts),
    leadership: async (opts?: RequestOptions) =>
      (await client.get<{ items: Leader[] }>('/public/leadership', undefined, { allowUnauthenticated: true, ...opts }))
        .items ?? [],

    branches: async (opts?: RequestOptions) => (await client.get<{ items: Branch[] }>('/branches', undefined, opts)).items ?? [],
    createBranch: (b: BranchInput, opts?: RequestOptions) => client.post<Branch>('/branches', toBranchPayload(b), opts),
    reviewPlace: (id: number, territorial: boolean, reason: string, opts?: RequestOptions) =>
      client.post<Branch>(`/branches/${id}/review-place`, { territorial, reason: reason.trim() }, opts),
    reviewSuffix: (id: number, reason: string, opts?: RequestOptions) =>
      client.post<Branch>(`/branches/${id}/review-suffix`, { reason: reason.trim() }, opts),
    activateBranch: (id: number, opts?: RequestOptions) => client.post<Branch>(`/branches/${id}/activate`, undefined, opts),
    dissolveBranch: (id: number, opts?: RequestOptions) => client.post<Branch>(`/branches/${id}/dissolve`, undefined, opts),

    findings: async (opts?: RequestOptions) =>
      (
        await client.get<ListResponse<GovFinding>>(
          '/findings',
          { module: 'governance', status: 'open', page_size: 200, sort: '-opened_at' },
          opts,
        )
      ).items ?? [],

    /** Member units by name or number (for seats, attendance and tenures). */
    searchMembers: async (q: string, opts?: RequestOptions): Promise<MemberOption[]> => {
      const res = await client.get<ListResponse<MemberOption>>('/members', { q: q.trim(), status: 'active', page_size: 20 }, opts)
      return (res.items ?? []).map((m) => ({ id: m.id, name: m.name, member_no: m.member_no }))
    },
    /** One page of member units (any status), for resolving seat names. */
    memberPage: async (page: number, params: ListParams = {}, opts?: RequestOptions) => {
      const res = await client.get<ListResponse<MemberOption>>('/members', { page, page_size: 200, ...params }, opts)
      return { items: (res.items ?? []).map((m) => ({ id: m.id, name: m.name, member_no: m.member_no })), total: res.total ?? 0 }
    },
    /** Current member units (active or suspended): the seats of a general assembly without a roster. */
    currentMemberCount: async (opts?: RequestOptions) => {
      const [a, s] = await Promise.all([
        client.get<ListResponse<unknown>>('/members', { status: 'active', page_size: 1 }, opts),
        client.get<ListResponse<unknown>>('/members', { status: 'suspended', page_size: 1 }, opts),
      ])
      return (a.total ?? 0) + (s.total ?? 0)
    },
  }
}

export type GovApi = ReturnType<typeof createGovApi>

/** The governance endpoints on the application's client. */
export const govApi: GovApi = createGovApi(api)
