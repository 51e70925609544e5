import { describe, expect, it } from 'vitest'
import {
  PASS_MARK,
  STAGES,
  areaSeries,
  evidenceList,
  formatScore,
  lastReported,
  layersOf,
  progress,
  radarValues,
  scoreLevel,
  stageIndex,
  stageKey,
  stageTagType,
  trendPoints,
  verdict,
} from '@/modules/scorecard/logic'
import messages from '@/modules/scorecard/i18n'
import type { AreaDef, IndicatorDef, Round } from '@/modules/scorecard/types'

const AREAS: AreaDef[] = [
  { area: '法人治理', area_en: 'Legal-person governance', clause: '7.1', weight: 12, layer: '内部治理' },
  { area: '战略规划', area_en: 'Strategic planning', clause: '7.2', weight: 7, layer: '内部治理' },
  { area: '会员管理服务', area_en: 'Member management & services', clause: '8.1', weight: 15, layer: '业务治理' },
]

function round(p: Partial<Round>): Round {
  return {
    id: 1,
    title: 'r',
    kind: 'self',
    cutoff_date: '2026-01-01',
    plan: '',
    third_party: '',
    working_group: [],
    self_declared_stage: '',
    status: 'planning',
    snapshot: {},
    report: null,
    baseline_at: null,
    approved_by: '',
    closed_at: null,
    ...p,
  }
}
const report = (total: number | null, areas: Record<string, number | null> = {}) => ({
  areas,
  layers: {},
  total,
  stage: '发展期',
  self_declared_stage: '',
  red_lines: [],
  strengths: [],
  gaps: [],
  generated_at: '2026-01-01T00:00:00Z',
})

describe('stage bands', () => {
  it('maps the four stages of clause 9 to labels in both languages, lowest first', () => {
    expect(STAGES.map(stageKey)).toEqual(['startup', 'development', 'integration', 'excellence'])
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3])
    for (const key of ['startup', 'development', 'integration', 'excellence', 'unknown']) {
      expect(messages['zh-CN'].scorecard.stage).toHaveProperty(key)
      expect(messages.en.scorecard.stage).toHaveProperty(key)
    }
    expect(messages['zh-CN'].scorecard.stage.integration).toBe('优化与融合期')
  })
  it('treats an unknown or empty stage as unrated', () => {
    expect(stageKey('')).toBeNull()
    expect(stageKey(undefined)).toBeNull()
    expect(stageKey('黄金期')).toBeNull()
    expect(stageIndex('黄金期')).toBe(-1)
    expect(stageTagType('黄金期')).toBe('info')
    expect(stageTagType('卓越期')).toBe('success')
  })
  it('colours scores by band and formats them', () => {
    expect(scoreLevel(null)).toBe('none')
    expect(scoreLevel(59.9)).toBe('low')
    expect(scoreLevel(60)).toBe('mid')
    expect(scoreLevel(75)).toBe('high')
    expect(formatScore(72.5)).toBe('72.5')
    expect(formatScore(80)).toBe('80')
    expect(formatScore(null)).toBe('—')
  })
})

describe('area aggregation for the charts', () => {
  it('lines scores up with the catalogue order and counts areas with data', () => {
    const s = areaSeries(AREAS, { 会员管理服务: 80, 法人治理: 62.5, 战略规划: null, 其他: 10 })
    expect(s.names).toEqual(['法人治理', '战略规划', '会员管理服务'])
    expect(s.values).toEqual([62.5, null, 80])
    expect(s.withData).toBe(2)
    expect(s.layers).toEqual(['内部治理', '内部治理', '业务治理'])
    expect(radarValues(s)).toEqual([62.5, 0, 80])
  })
  it('uses English area names when asked and copes with no scores', () => {
    const s = areaSeries(AREAS, null, true)
    expect(s.labels[0]).toBe('Legal-person governance')
    expect(s.withData).toBe(0)
    expect(layersOf(AREAS)).toEqual(['内部治理', '业务治理'])
  })
  it('picks the newest reported round for comparison and orders the trend', () => {
    const rs = [
      round({ id: 1, cutoff_date: '2024-12-31', status: 'closed', report: report(61) }),
      round({ id: 2, cutoff_date: '2025-12-31', status: 'approved', report: report(70.5) }),
      round({ id: 3, cutoff_date: '2026-12-31', status: 'scoring' }),
    ]
    expect(lastReported(rs)?.id).toBe(2)
    expect(trendPoints([...rs].reverse())).toEqual([
      { label: '2024-12-31', total: 61 },
      { label: '2025-12-31', total: 70.5 },
    ])
    expect(lastReported([rs[2]])).toBeNull()
  })
})

describe('live indicators and scoring progress', () => {
  it('gives a verdict without inventing numbers', () => {
    expect(verdict({ score: PASS_MARK, na: false, no_data: false })).toBe('pass')
    expect(verdict({ score: 50, na: false, no_data: false })).toBe('fail')
    expect(verdict({ score: null, na: true, no_data: false })).toBe('na')
    expect(verdict({ score: null, na: false, no_data: true })).toBe('noData')
  })
  it('counts per layer the indicators left to the working group', () => {
    const items = [
      { id: '7.1.1.1', layer: '内部治理' },
      { id: '7.1.2.2', layer: '内部治理' },
      { id: '7.2.1.1', layer: '内部治理' },
      { id: '8.1.1.4', layer: '业务治理' },
    ] as IndicatorDef[]
    const snap = { '7.1.2.2': { score: 100, na: false, no_data: false } }
    const scores = [{ indicator_id: '7.1.1.1', score: 70, na: false, justification: '', evidence: ['a'], comment: '', scored_by: 'e' }]
    expect(progress(items, snap, scores, ['内部治理', '业务治理'])).toEqual([
      { layer: '内部治理', scored: 1, total: 2 },
      { layer: '业务治理', scored: 0, total: 1 },
    ])
  })
  it('splits the evidence box into references', () => {
    expect(evidenceList(' DA-1 规则.pdf \n\nDA-2；DA-3; ')).toEqual(['DA-1 规则.pdf', 'DA-2', 'DA-3'])
    expect(evidenceList('  ')).toEqual([])
  })
})
