import { describe, expect, it, vi } from 'vitest'
import { ApiClient, ApiError, type ClientHooks } from '@/shared/api/client'
import { CREDIT_PATHS, createCreditApi, exportFileName } from '@/modules/credit/api'

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function setup(responses: Response[]) {
  const calls: { url: string; method: string; body: unknown; headers: Record<string, string> }[] = []
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    })
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
  return { credit: createCreditApi(new ApiClient('/api/v1', hooks, fetchFn as unknown as typeof fetch)), calls, hooks }
}

describe('credit API paths', () => {
  it('match the routes of the server', () => {
    expect(CREDIT_PATHS.decide(12)).toBe('/credit/proposals/12/decide')
    expect(CREDIT_PATHS.review('appeal', 3)).toBe('/credit/appeals/3/review')
    expect(CREDIT_PATHS.review('repair', 4)).toBe('/credit/repairs/4/review')
    expect(CREDIT_PATHS.applications('repair')).toBe('/credit/repairs')
    expect(CREDIT_PATHS.file('appeal')).toBe('/portal/credit/appeals')
    expect(CREDIT_PATHS.file('repair')).toBe('/portal/credit/repairs')
  })

  it('sends the proposal and the decision with the CSRF token', async () => {
    const { credit, calls } = setup([json(201, { id: 5 }), json(200, { id: 5, status: 'approved' })])
    await credit.propose({ member_id: 7, list: 'black', action: 'add', reason_category: 'r', public_summary: 's', record_ids: [1], valid_until: '' })
    await credit.decide(5, { approve: true, meeting_ref: '2026 年第 2 次会长办公会', note: '' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/credit/proposals', 'POST /api/v1/credit/proposals/5/decide'])
    expect(calls[1].body).toEqual({ approve: true, meeting_ref: '2026 年第 2 次会长办公会', note: '' })
    expect(calls[0].headers['X-CSRF-Token']).toBe('tok')
  })

  it('reads lists with filters, and the public list without a session', async () => {
    const page = { items: [], total: 0, page: 1, page_size: 20 }
    const { credit, calls } = setup([json(200, page), json(200, page), json(200, { items: [] })])
    await credit.entries({ status: 'active', list: '' })
    await credit.publicLists('black', { q: '速达', page: 1 })
    await credit.applications('appeal', 'pending')
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/credit/entries?status=active',
      `/api/v1/public/credit-lists?q=${encodeURIComponent('速达')}&page=1&list=black`,
      '/api/v1/credit/appeals?status=pending',
    ])
  })

  it('turns a refusal into an ApiError carrying the clause, without a toast', async () => {
    const { credit, hooks } = setup([
      json(422, { error: { code: 'credit.reviewer_is_proposer', message: '申诉须由提议人以外的人员复核（8.4.1.5）', clause: '8.4.1.5' } }),
    ])
    const err = await credit.review('appeal', 9, { grant: true, reasons: 'x' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).clause).toBe('8.4.1.5')
    expect((err as ApiError).code).toBe('credit.reviewer_is_proposer')
    expect(hooks.onError).not.toHaveBeenCalled()
  })

  it('names export files by format and start date', () => {
    expect(exportFileName('xlsx', '')).toBe('credit-lists.xlsx')
    expect(exportFileName('json', '2026-01-01')).toBe('credit-lists-since-2026-01-01.json')
  })
})
