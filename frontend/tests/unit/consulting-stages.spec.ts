import { describe, expect, it } from 'vitest'
import {
  currentStage,
  lastIndex,
  namedStages,
  nextStage,
  reachableStages,
  skippedBy,
  stageBlock,
  stepState,
} from '@/modules/consulting/stages'
import { STAGES, type Stage, type StageRecord } from '@/modules/consulting/types'

let seq = 0
const rec = (stage: Stage, skip = ''): StageRecord => ({
  id: ++seq,
  stage,
  summary: skip ? '' : `完成${stage}`,
  skip_reason: skip,
  documents: [],
  by: 'clerk',
  at: '2026-03-01T02:00:00Z',
})
const upTo = (stage: Stage) => STAGES.slice(0, STAGES.indexOf(stage) + 1).map((s) => rec(s))
const unsigned = { signed_on: null }
const signed = { signed_on: '2026-03-10' }

describe('consulting lifecycle (7.3.1.1)', () => {
  it('has the nine stages in order', () => {
    expect(STAGES).toEqual([
      'requirements',
      'feasibility',
      'planning',
      'approval',
      'implementation',
      'review',
      'acceptance',
      'closure',
      'performance_evaluation',
    ])
  })

  it('knows where a project stands', () => {
    expect(lastIndex([])).toBe(-1)
    expect(currentStage([])).toBeNull()
    expect(nextStage([])).toBe('requirements')
    const recs = upTo('approval')
    expect(currentStage(recs)).toBe('approval')
    expect(nextStage(recs)).toBe('implementation')
    expect(reachableStages(recs)).toEqual(['implementation', 'review', 'acceptance', 'closure', 'performance_evaluation'])
    expect(nextStage(upTo('performance_evaluation'))).toBeNull()
    expect(reachableStages(upTo('performance_evaluation'))).toEqual([])
  })

  it('goes forward only', () => {
    expect(stageBlock(signed, upTo('implementation'), 'feasibility')).toBe('contract.stage_backward')
    expect(stageBlock(signed, upTo('implementation'), 'implementation')).toBe('contract.stage_backward')
    expect(stageBlock(signed, upTo('implementation'), 'review')).toBeNull()
  })

  it('passes a stage over only with a reason', () => {
    const recs = [rec('requirements')]
    expect(skippedBy(recs, 'planning')).toEqual(['feasibility'])
    expect(skippedBy(recs, 'feasibility')).toEqual([])
    expect(stageBlock(unsigned, recs, 'planning')).toBe('contract.stage_skipped')
    expect(stageBlock(unsigned, recs, 'planning', '   ')).toBe('contract.stage_skipped')
    expect(stageBlock(unsigned, recs, 'planning', '委托方已提供可行性报告')).toBeNull()
  })

  it('refuses 实施 before signing', () => {
    expect(stageBlock(unsigned, upTo('approval'), 'implementation')).toBe('contract.unsigned')
    expect(stageBlock(signed, upTo('approval'), 'implementation')).toBeNull()
  })

  it('refuses 结项 without a recorded 验收, even when passing it over', () => {
    expect(stageBlock(signed, upTo('review'), 'closure', '无需验收')).toBe('contract.no_acceptance')
    expect(stageBlock(signed, [...upTo('review').slice(0, 6), rec('acceptance', '跳过')], 'closure')).toBe('contract.no_acceptance')
    expect(stageBlock(signed, upTo('acceptance'), 'closure')).toBeNull()
  })

  it('refuses 绩效评价 before 结项', () => {
    expect(stageBlock(signed, upTo('acceptance'), 'performance_evaluation', '直接评价')).toBe('contract.not_closed')
    expect(stageBlock(signed, upTo('closure'), 'performance_evaluation')).toBeNull()
  })

  it('draws each step of the stepper', () => {
    const recs = [rec('requirements'), rec('feasibility', '已有可研报告'), rec('planning')]
    expect(stepState(recs, 'requirements')).toBe('done')
    expect(stepState(recs, 'feasibility')).toBe('skipped')
    expect(stepState(recs, 'approval')).toBe('next')
    expect(stepState(recs, 'review')).toBe('pending')
  })

  it('names stage codes in a refusal message', () => {
    const zh = (s: Stage) => ({ feasibility: '可行性分析' })[s as 'feasibility'] ?? s
    expect(namedStages('跳过“feasibility”阶段须说明理由（7.3.1.1）', zh)).toBe('跳过“可行性分析”阶段须说明理由（7.3.1.1）')
    expect(namedStages('Passing over the feasibility stage needs a reason', () => 'Feasibility')).toBe(
      'Passing over the Feasibility stage needs a reason',
    )
    expect(namedStages('nothing to name here', zh)).toBe('nothing to name here')
  })
})
