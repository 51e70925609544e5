import { describe, expect, it, vi } from 'vitest'
import { ApiClient, ApiError, type ClientHooks } from '@/shared/api/client'
import {
  cleanSeats,
  createGovApi,
  localizedFinding,
  refusalOf,
  seatKey,
  toAssociationPayload,
  toBodyPayload,
  toBranchPayload,
  toMeetingPayload,
  toResolutionPayload,
  toTenurePayload,
} from '@/modules/governance/api'
import { DEFAULT_RULES } from '@/modules/governance/rules'

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function setup(responses: Response[]) {
  const calls: { url: string; method: string; body: unknown }[] = []
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const r = responses.shift()
    if (!r) throw new Error('no more responses')
    return r
  })
  const hooks: ClientHooks = {
    csrfToken: () => 'tok',
    locale: () => 'zh-CN',
    onSessionLost: vi.fn(),
    onError: vi.fn(),
    networkMessage: () => '网络错误',
  }
  return { gov: createGovApi(new ApiClient('/api/v1', hooks, fetchFn as unknown as typeof fetch)), calls, hooks }
}

describe('request mapping', () => {
  it('keys seats like the server and keeps one of member_id and person_name', () => {
    expect(seatKey({ member_id: 29 })).toBe('m:29')
    expect(seatKey({ person_name: ' 周监事长 ' })).toBe('p:周监事长')
    expect(cleanSeats([{ person_name: ' 张三 ' }, { person_name: '张三' }, { person_name: '  ' }, { member_id: 3, person_name: 'x' }, { member_id: 3 }])).toEqual([
      { person_name: '张三' },
      { member_id: 3 },
    ])
  })

  it('trims a body and sends its rules as integers', () => {
    const out = toBodyPayload({
      kind: 'council',
      name: ' 第一届理事会 ',
      term_no: 1,
      term_start: '2026-01-01',
      term_end: '2030-12-31',
      members: [{ person_name: '李四 ' }, { person_name: '' }],
      rules: { ...DEFAULT_RULES, quorum: { num: 2.0, den: 3 } },
      powers: ' 执行大会决议 ',
      formation_method: '大会选举',
      removal_method: '大会罢免',
      ...({ id: 9 } as object),
    })
    expect(out).toEqual({
      kind: 'council',
      name: '第一届理事会',
      term_no: 1,
      term_start: '2026-01-01',
      term_end: '2030-12-31',
      members: [{ person_name: '李四' }],
      rules: DEFAULT_RULES,
      powers: '执行大会决议',
      formation_method: '大会选举',
      removal_method: '大会罢免',
    })
    expect(out).not.toHaveProperty('id')
  })

  it('sends attendees with their status, seats cleaned', () => {
    expect(
      toMeetingPayload({
        body_id: 2,
        kind: 'regular',
        title: ' 理事会会议 ',
        held_on: '2026-03-01',
        place: '',
        agenda: '',
        minutes: '',
        attendees: [
          { person_name: ' 王五', status: 'present' },
          { member_id: 7, person_name: '', status: 'proxy' },
        ],
      }).attendees,
    ).toEqual([
      { person_name: '王五', status: 'present' },
      { member_id: 7, status: 'proxy' },
    ])
  })

  it('omits supersedes_id unless correcting and makes vote counts integers', () => {
    const r = toResolutionPayload({ title: ' 会费标准 ', text: '', kind: 'fee_standard', votes_for: 14, votes_against: 6, votes_abstain: NaN })
    expect(r).toEqual({ title: '会费标准', text: '', kind: 'fee_standard', votes_for: 14, votes_against: 6, votes_abstain: 0 })
    expect(toResolutionPayload({ ...r, supersedes_id: 5 }).supersedes_id).toBe(5)
  })

  it('maps tenures, branches and the profile', () => {
    expect(
      toTenurePayload({ title: 'secretary_general', person_name: ' 陈立 ', member_id: null, full_time: true, term_no: 1, term_start: '2026-01-01', term_end: '2030-12-31', resolution_id: 3 }),
    ).toMatchObject({ person_name: '陈立', member_id: null, full_time: true, resolution_id: 3 })
    expect(toBranchPayload({ kind: 'branch', name: ' 某协会冷链分会 ', scope: [' 行业培训', '', '行业培训'], head: ' 李 ', resolution_id: 4 })).toEqual({
      kind: 'branch',
      name: '某协会冷链分会',
      scope: ['行业培训'],
      head: '李',
      resolution_id: 4,
    })
    expect(toBranchPayload({ kind: 'branch', name: 'x', scope: [], head: '', resolution_id: null, regional: true }).regional).toBe(true)
    expect(
      toAssociationPayload({ full_name: ' 协会 ', short_name: '', uscc: '51440000mjl00007q4', business_scope: ['培训', ' 培训 ', ''], registration_authority: '民政厅', registered_on: '2001-06-18' }),
    ).toEqual({ full_name: '协会', short_name: '', uscc: '51440000MJL00007Q4', business_scope: ['培训'], registration_authority: '民政厅', registered_on: '2001-06-18' })
  })
})

describe('endpoints', () => {
  it('records a meeting and a resolution on the right paths', async () => {
    const { gov, calls } = setup([
      json(201, { meeting: { id: 8, attending: 3, seats: 3 }, quorate: true, body_name: '第一届理事会' }),
      json(201, { id: 1, outcome: 'passed', status: 'passed' }),
      json(200, { items: [{ id: 1 }], total: 1, page: 1, page_size: 200 }),
    ])
    const view = await gov.recordMeeting({ body_id: 2, kind: 'regular', title: 'x', held_on: '2026-03-01', place: '', agenda: '', minutes: '', attendees: [] })
    expect(view.quorate).toBe(true)
    const r = await gov.recordResolution(8, { title: 't', text: '', kind: 'other', votes_for: 2, votes_against: 1, votes_abstain: 0 })
    expect(r.outcome).toBe('passed')
    expect(await gov.meetingResolutions(8)).toEqual([{ id: 1 }])
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/meetings',
      'POST /api/v1/meetings/8/resolutions',
      'GET /api/v1/meetings/8/resolutions',
    ])
    expect(calls[1].body).toEqual({ title: 't', text: '', kind: 'other', votes_for: 2, votes_against: 1, votes_abstain: 0 })
  })

  it('lists current tenures and governance findings with their filters', async () => {
    const { gov, calls } = setup([json(200, { items: [] }), json(200, { items: [], total: 0, page: 1, page_size: 200 })])
    await gov.tenures({ current: true, title: 'president' })
    await gov.findings()
    expect(calls[0].url).toBe('/api/v1/positions?title=president&current=true')
    expect(calls[1].url).toBe('/api/v1/findings?module=governance&status=open&page_size=200&sort=-opened_at')
  })

  it('sums active and suspended units as the seats of an open assembly', async () => {
    const { gov, calls } = setup([json(200, { items: [], total: 270 }), json(200, { items: [], total: 10 })])
    expect(await gov.currentMemberCount()).toBe(280)
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/members?status=active&page_size=1', '/api/v1/members?status=suspended&page_size=1'])
  })

  it('turns a 422 into a refusal citing the clause, and leaves 400s to the form', async () => {
    const { gov } = setup([
      json(422, { error: { code: 'position.term_limit', message: '专职会长、秘书长连任不得超过 2 届（7.3.3.1）', clause: '7.3.3.1' } }),
      json(400, { error: { code: 'request.invalid_field', message: '请求内容有误', fields: { resolution_id: '该决议未获通过' } } }),
    ])
    const refused = await gov
      .appoint({ title: 'secretary_general', person_name: '陈立', member_id: null, full_time: true, term_no: 3, term_start: '2026-01-01', term_end: '2030-12-31', resolution_id: 1 }, { quiet: true })
      .catch((e) => e)
    expect(refusalOf(refused)).toEqual({ code: 'position.term_limit', message: '专职会长、秘书长连任不得超过 2 届（7.3.3.1）', clause: '7.3.3.1' })
    const field = await gov.createBranch({ kind: 'branch', name: 'x', scope: ['a'], head: 'b', resolution_id: 2 }, { quiet: true }).catch((e) => e)
    expect(field).toBeInstanceOf(ApiError)
    expect(refusalOf(field)).toBeNull()
    expect((field as ApiError).fields).toEqual({ resolution_id: '该决议未获通过' })
  })

  it('shows the finding text of the UI language', () => {
    const m = '名称含地名，须审查 / a place name: review it'
    expect(localizedFinding(m, 'zh-CN')).toBe('名称含地名，须审查')
    expect(localizedFinding(m, 'en')).toBe('a place name: review it')
    expect(localizedFinding('only one', 'en')).toBe('only one')
  })
})
