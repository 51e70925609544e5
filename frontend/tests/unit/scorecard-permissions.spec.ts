import { describe, expect, it } from 'vitest'
import { SCORECARD_ROLES, canScore, isReadOnly, nextSteps } from '@/modules/scorecard/logic'
import scorecard from '@/modules/scorecard'
import { menuFor } from '@/shared/registry'
import type { IndicatorDef, Round } from '@/modules/scorecard/types'

const base: Round = {
  id: 7,
  title: 'r',
  kind: 'self',
  cutoff_date: '2026-10-31',
  plan: '',
  third_party: '',
  working_group: [],
  self_declared_stage: '',
  status: 'scoring',
  snapshot: { '7.1.2.2': { score: 0, na: false, no_data: false } },
  report: null,
  baseline_at: null,
  approved_by: '',
  closed_at: null,
}
const internal = { id: '7.1.1.2', layer: '内部治理' } as IndicatorDef
const business = { id: '8.1.1.4', layer: '业务治理' } as IndicatorDef
const auto = { id: '7.1.2.2', layer: '内部治理' } as IndicatorDef

describe('scorecard permissions (mirroring policy.csv)', () => {
  it('lets the working group score and the board approve', () => {
    expect(SCORECARD_ROLES.score).toEqual(['evaluator'])
    expect(SCORECARD_ROLES.approve).toEqual(['board'])
    expect(SCORECARD_ROLES.create).toEqual(['board', 'evaluator'])
    expect(SCORECARD_ROLES.updateAction).not.toContain('evaluator')
  })
  it('offers each role only its next step', () => {
    expect(nextSteps({ ...base, status: 'planning' }, ['evaluator'])).toEqual(['snapshot'])
    expect(nextSteps({ ...base, status: 'planning' }, ['board'])).toEqual([])
    expect(nextSteps(base, ['evaluator'])).toEqual(['baseline'])
    expect(nextSteps({ ...base, baseline_at: '2026-11-01T00:00:00Z' }, ['evaluator'])).toEqual(['submit'])
    expect(nextSteps({ ...base, status: 'submitted' }, ['evaluator'])).toEqual([])
    expect(nextSteps({ ...base, status: 'submitted' }, ['board'])).toEqual(['approve'])
    expect(nextSteps({ ...base, status: 'approved' }, ['board'])).toEqual(['close'])
    expect(nextSteps({ ...base, status: 'closed' }, ['board', 'evaluator', 'admin'])).toEqual([])
    expect(nextSteps({ ...base, status: 'submitted' }, ['supervisor', 'secretariat'])).toEqual([])
  })
  it('keeps a closed round read-only and the business layer behind the baseline', () => {
    expect(isReadOnly({ status: 'closed' })).toBe(true)
    expect(isReadOnly({ status: 'scoring' })).toBe(false)
    expect(canScore(base, internal, '内部治理', ['evaluator'])).toBe(true)
    expect(canScore(base, business, '内部治理', ['evaluator'])).toBe(false)
    expect(canScore({ ...base, baseline_at: '2026-11-01T00:00:00Z' }, business, '内部治理', ['evaluator'])).toBe(true)
    expect(canScore(base, auto, '内部治理', ['evaluator'])).toBe(false)
    expect(canScore(base, internal, '内部治理', ['board'])).toBe(false)
    expect(canScore({ ...base, status: 'closed' }, internal, '内部治理', ['evaluator'])).toBe(false)
  })
  it('puts the dashboard in the board area for everyone there and in the console for the office only', () => {
    const mods = [scorecard]
    expect(menuFor(mods, ['evaluator'], 'board').map((m) => m.path)).toEqual([
      '/board/scorecard',
      '/board/scorecard/rounds',
      '/board/scorecard/actions',
    ])
    expect(menuFor(mods, ['secretariat'], 'console').map((m) => m.path)).toEqual([
      '/console/scorecard',
      '/console/scorecard/rounds',
      '/console/scorecard/actions',
    ])
    expect(menuFor(mods, ['member'], 'portal')).toEqual([])
    for (const r of scorecard.routes ?? []) {
      expect(r.path.startsWith(`/${r.meta?.area}/scorecard`)).toBe(true)
    }
  })
})
