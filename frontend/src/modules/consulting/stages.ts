import { STAGES, type Contract, type Stage, type StageRecord } from './types'

/**
 * The lifecycle rules of 7.3.1.1 as the server applies them (domain/consult Advance),
 * so the stepper can say beforehand what a new record needs. The server still decides.
 */

export function stageIndex(s: string): number {
  return (STAGES as readonly string[]).indexOf(s)
}

export function isStage(s: unknown): s is Stage {
  return typeof s === 'string' && stageIndex(s) >= 0
}

/** lastIndex is the position of the furthest stage recorded (or passed over), -1 when none. */
export function lastIndex(records: readonly StageRecord[]): number {
  return records.reduce((m, r) => Math.max(m, stageIndex(r.stage)), -1)
}

/** nextStage is the stage that would follow in order, or null once 绩效评价 is recorded. */
export function nextStage(records: readonly StageRecord[]): Stage | null {
  return STAGES[lastIndex(records) + 1] ?? null
}

/** Stages a new record may be for: any stage after the furthest one (forward only). */
export function reachableStages(records: readonly StageRecord[]): Stage[] {
  return STAGES.slice(lastIndex(records) + 1)
}

/** skippedBy lists the stages that recording `target` now would pass over. */
export function skippedBy(records: readonly StageRecord[], target: Stage): Stage[] {
  const from = lastIndex(records) + 1
  const to = stageIndex(target)
  return to > from ? STAGES.slice(from, to) : []
}

/** Why a record for `target` would be refused, as the code the server would answer with; null when allowed. */
export type StageBlock =
  | 'contract.stage_backward'
  | 'contract.stage_skipped'
  | 'contract.unsigned'
  | 'contract.no_acceptance'
  | 'contract.not_closed'

export function stageBlock(
  contract: Pick<Contract, 'signed_on'>,
  records: readonly StageRecord[],
  target: Stage,
  skipReason = '',
): StageBlock | null {
  if (stageIndex(target) <= lastIndex(records)) return 'contract.stage_backward'
  const skipped = skippedBy(records, target)
  if (skipped.length > 0 && skipReason.trim() === '') return 'contract.stage_skipped'
  const recorded = new Set(records.filter((r) => !r.skip_reason).map((r) => r.stage))
  if (target === 'implementation' && !contract.signed_on) return 'contract.unsigned'
  if (target === 'closure' && !recorded.has('acceptance')) return 'contract.no_acceptance'
  if (target === 'performance_evaluation' && !recorded.has('closure')) return 'contract.not_closed'
  return null
}

export type StepState = 'done' | 'skipped' | 'next' | 'pending'

/** stepState says how the stepper draws a stage. */
export function stepState(records: readonly StageRecord[], stage: Stage): StepState {
  const rec = records.find((r) => r.stage === stage)
  if (rec) return rec.skip_reason ? 'skipped' : 'done'
  return nextStage(records) === stage ? 'next' : 'pending'
}

/** The record of a stage, if any. */
export function recordOf(records: readonly StageRecord[], stage: Stage): StageRecord | undefined {
  return records.find((r) => r.stage === stage)
}

/** currentStage is the furthest stage reached, or null before 需求分析 is recorded. */
export function currentStage(records: readonly StageRecord[]): Stage | null {
  return STAGES[lastIndex(records)] ?? null
}

/**
 * namedStages puts stage names into a server message in place of their codes (the
 * message of contract.stage_skipped carries the code, e.g. “feasibility”).
 */
export function namedStages(message: string, label: (s: Stage) => string): string {
  return message.replace(/[a-z]+(?:_[a-z]+)*/g, (word) => (isStage(word) ? label(word) : word))
}
