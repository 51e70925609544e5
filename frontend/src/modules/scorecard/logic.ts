import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'
import type { AreaDef, EvidenceScore, IndicatorDef, Round, RoundStep, SnapshotScore } from './types'

/** The stages of clause 9, lowest first, as the server names them. */
export const STAGES = ['初创期', '发展期', '优化与融合期', '卓越期'] as const
export type StageKey = 'startup' | 'development' | 'integration' | 'excellence'
const STAGE_KEYS: Record<string, StageKey> = {
  初创期: 'startup',
  发展期: 'development',
  优化与融合期: 'integration',
  卓越期: 'excellence',
}

/** stageKey maps the server's stage name to the i18n key under scorecard.stage; null when unknown. */
export function stageKey(stage: string | null | undefined): StageKey | null {
  return (stage && STAGE_KEYS[stage]) || null
}

/** stageIndex is the stage's place (0 = 初创期) or -1. */
export function stageIndex(stage: string | null | undefined): number {
  return stage ? (STAGES as readonly string[]).indexOf(stage) : -1
}

/** The default bands of the catalogue (domain/scorecard DefaultBands): the total needed per stage. */
export const STAGE_FLOORS: Record<StageKey, number> = { startup: 0, development: 60, integration: 75, excellence: 90 }

/** Element Plus tag type for a stage. */
export function stageTagType(stage: string | null | undefined): 'info' | 'warning' | 'primary' | 'success' {
  return (['info', 'warning', 'primary', 'success'] as const)[Math.max(0, stageIndex(stage))]
}

/** The colour band of a 0–100 score: red under 60, amber under 75, green from 75. */
export function scoreLevel(v: number | null | undefined): 'none' | 'low' | 'mid' | 'high' {
  if (v === null || v === undefined || Number.isNaN(v)) return 'none'
  if (v < 60) return 'low'
  if (v < 75) return 'mid'
  return 'high'
}

/** formatScore shows a score with one decimal at most, or a dash. */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

export interface AreaSeries {
  /** Area names in the catalogue's order (clause 7.1 … 8.5). */
  names: string[]
  labels: string[]
  layers: string[]
  /** Scores per area; null where no applicable indicator has a score. */
  values: (number | null)[]
  /** How many areas have a score. */
  withData: number
}

/**
 * areaSeries lines the roll-up's area scores up with the catalogue's ten areas for the
 * charts; `en` picks the English names.
 */
export function areaSeries(areas: readonly AreaDef[], scores: Record<string, number | null | undefined> | null | undefined, en = false): AreaSeries {
  const values = areas.map((a) => {
    const v = scores?.[a.area]
    return typeof v === 'number' ? v : null
  })
  return {
    names: areas.map((a) => a.area),
    labels: areas.map((a) => (en ? a.area_en : a.area)),
    layers: areas.map((a) => a.layer),
    values,
    withData: values.filter((v) => v !== null).length,
  }
}

/** radarValues turns missing scores into 0 for the radar (ECharts cannot leave a gap in a polygon). */
export function radarValues(s: AreaSeries): number[] {
  return s.values.map((v) => v ?? 0)
}

/** lastReported is the newest approved or closed round with a report (the comparison on the radar). */
export function lastReported(rounds: readonly Round[]): Round | null {
  const done = rounds.filter((r) => r.report && (r.status === 'approved' || r.status === 'closed'))
  done.sort((a, b) => (a.cutoff_date < b.cutoff_date ? 1 : a.cutoff_date > b.cutoff_date ? -1 : b.id - a.id))
  return done[0] ?? null
}

/** trendPoints lists the totals of reported rounds, oldest first, for the trend line. */
export function trendPoints(rounds: readonly Round[]): { label: string; total: number }[] {
  return rounds
    .filter((r) => r.report && typeof r.report.total === 'number')
    .sort((a, b) => (a.cutoff_date < b.cutoff_date ? -1 : a.cutoff_date > b.cutoff_date ? 1 : a.id - b.id))
    .map((r) => ({ label: r.cutoff_date, total: r.report!.total as number }))
}

/** Who may do what; mirrors configs/policy.csv (the server still decides). */
export const SCORECARD_ROLES = {
  read: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
  create: ['board', 'evaluator'],
  score: ['evaluator'],
  approve: ['board'],
  updateAction: ['admin', 'secretariat', 'finance', 'board'],
} as const satisfies Record<string, readonly Role[]>

const STEP_ROLES: Record<RoundStep, readonly Role[]> = {
  snapshot: SCORECARD_ROLES.score,
  baseline: SCORECARD_ROLES.score,
  submit: SCORECARD_ROLES.score,
  approve: SCORECARD_ROLES.approve,
  close: SCORECARD_ROLES.approve,
}

/** nextSteps lists the steps the round allows now and the roles may take, in order. */
export function nextSteps(round: Pick<Round, 'status' | 'baseline_at'>, roles: readonly string[]): RoundStep[] {
  const steps: RoundStep[] = []
  switch (round.status) {
    case 'planning':
      steps.push('snapshot')
      break
    case 'scoring':
      steps.push(round.baseline_at ? 'submit' : 'baseline')
      break
    case 'submitted':
      steps.push('approve')
      break
    case 'approved':
      steps.push('close')
      break
  }
  return steps.filter((s) => hasAnyRole(roles, STEP_ROLES[s]))
}

/** isReadOnly: only a round in scoring takes scores; a closed round is archived. */
export function isReadOnly(round: Pick<Round, 'status'>): boolean {
  return round.status !== 'scoring'
}

/**
 * canScore says whether the working group may score this indicator now: the round is
 * in scoring, the indicator is not taken from the snapshot, and business-layer
 * indicators wait for the internal baseline (clause 9).
 */
export function canScore(round: Round, ind: IndicatorDef, internalLayer: string, roles: readonly string[]): boolean {
  if (round.status !== 'scoring' || !hasAnyRole(roles, SCORECARD_ROLES.score)) return false
  if (round.snapshot[ind.id]) return false
  return ind.layer === internalLayer || !!round.baseline_at
}

export interface Progress {
  layer: string
  scored: number
  total: number
}

/** progress counts, per layer, the indicators the working group must score and those done. */
export function progress(
  items: readonly IndicatorDef[],
  snapshot: Record<string, SnapshotScore>,
  scores: readonly EvidenceScore[] | undefined,
  layers: readonly string[],
): Progress[] {
  const done = new Set((scores ?? []).map((s) => s.indicator_id))
  return layers.map((layer) => {
    const todo = items.filter((i) => i.layer === layer && !snapshot[i.id])
    return { layer, total: todo.length, scored: todo.filter((i) => done.has(i.id)).length }
  })
}

/** layersOf lists the catalogue's layers in order (内部治理 first). */
export function layersOf(areas: readonly AreaDef[]): string[] {
  return [...new Set(areas.map((a) => a.layer))]
}

/** evidenceList splits the evidence box into one reference a line (archive numbers, file names). */
export function evidenceList(text: string): string[] {
  return text
    .split(/[\n;；]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** RUBRIC is the evidence rubric of clause 10 (besides N/A). */
export const RUBRIC = [0, 40, 70, 100] as const

/** The pass mark of an auto indicator on the dashboard (the lower edge of 发展期). */
export const PASS_MARK = 60

export type Verdict = 'pass' | 'fail' | 'na' | 'noData'

/** verdict of a live indicator: pass/fail against PASS_MARK, or N/A, or no data (never a fake number). */
export function verdict(i: { score: number | null; na: boolean; no_data: boolean }): Verdict {
  if (i.no_data) return 'noData'
  if (i.na || i.score === null) return 'na'
  return i.score >= PASS_MARK ? 'pass' : 'fail'
}
