import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/shared/api'
import { scorecardApi, scorecardPaths } from '@/modules/scorecard/api'

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function stub(responses: Response[]) {
  const calls: { url: string; method: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined })
      const r = responses.shift()
      if (!r) throw new Error('no more responses')
      return r
    }),
  )
  return calls
}

afterEach(() => vi.unstubAllGlobals())

describe('scorecard API paths', () => {
  it('names every endpoint of API.md under /api/v1/scorecard', () => {
    expect(scorecardPaths.indicators).toBe('/scorecard/indicators')
    expect(scorecardPaths.live).toBe('/scorecard/live')
    expect(scorecardPaths.round(4)).toBe('/scorecard/rounds/4')
    expect(scorecardPaths.step(4, 'approve')).toBe('/scorecard/rounds/4/approve')
    expect(scorecardPaths.scores(4)).toBe('/scorecard/rounds/4/scores')
    expect(scorecardPaths.report(4)).toBe('/scorecard/rounds/4/report.xlsx')
    expect(scorecardPaths.action(9)).toBe('/scorecard/actions/9')
  })

  it('sends a score with PUT and advances a round with POST', async () => {
    const calls = stub([new Response(null, { status: 204 }), json(200, { id: 4, status: 'submitted' })])
    await scorecardApi.score(4, { indicator_id: '7.1.1.2', score: 70, na: false, justification: '', evidence: ['DA-1'], comment: '' })
    await scorecardApi.advance(4, 'submit')
    expect(calls[0]).toMatchObject({ url: '/api/v1/scorecard/rounds/4/scores', method: 'PUT' })
    expect(calls[0].body).toMatchObject({ indicator_id: '7.1.1.2', score: 70, evidence: ['DA-1'] })
    expect(calls[1]).toMatchObject({ url: '/api/v1/scorecard/rounds/4/submit', method: 'POST' })
  })

  it('filters actions by status and patches one', async () => {
    const calls = stub([json(200, { items: [] }), json(200, { id: 9, status: 'closed' })])
    await scorecardApi.actions('open')
    await scorecardApi.updateAction(9, { close: true, evidence: '会议纪要 2026-12' })
    expect(calls[0].url).toBe('/api/v1/scorecard/actions?status=open')
    expect(calls[1]).toMatchObject({ url: '/api/v1/scorecard/actions/9', method: 'PATCH', body: { close: true } })
  })

  it('surfaces the refusal of a score without evidence with its clause', async () => {
    stub([json(422, { error: { code: 'scorecard.no_evidence', message: '评分须附证据（10.1.3）', clause: '10.1.3' } })])
    const err = await scorecardApi
      .score(4, { indicator_id: '7.1.1.2', score: 70, na: false, justification: '', evidence: [], comment: '' })
      .catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('scorecard.no_evidence')
    expect(err.clause).toBe('10.1.3')
    expect(err.message).toContain('证据')
  })
})
