import type { Disclosure, DisclosureStatus } from './types'

/**
 * The disclosure workflow (年度会费收支公示): finance drafts from the ledger, someone
 * other than the author verifies (7.3.4.3), the board approves, secretariat or finance
 * publishes. A published disclosure changes only by a revision: a new version that
 * walks the same steps while members keep seeing the published one.
 */

export const STEP_KEYS = ['draft', 'verify', 'approve', 'publish'] as const
export type StepKey = (typeof STEP_KEYS)[number]
export type StepState = 'done' | 'current' | 'waiting'

export interface StepView {
  key: StepKey
  state: StepState
  /** Who did the step (empty while not done). */
  by: string
  /** When, where the API tells (publication only). */
  at: string | null
}

export interface StepperState {
  steps: StepView[]
  /** Number of finished steps (el-steps `active`). */
  active: number
  finished: boolean
}

const DONE_COUNT: Readonly<Record<DisclosureStatus, number>> = {
  draft: 1,
  verified: 2,
  approved: 3,
  published: 4,
  replaced: 4,
}

/** disclosureSteps turns a disclosure (or none yet) into the four steps of its stepper. */
export function disclosureSteps(d: Disclosure | null | undefined): StepperState {
  const done = d ? DONE_COUNT[d.status] ?? 0 : 0
  const by: Record<StepKey, string> = {
    draft: d?.author ?? '',
    verify: d?.verifier ?? '',
    approve: d?.approver ?? '',
    publish: '',
  }
  const steps = STEP_KEYS.map((key, i): StepView => {
    const state: StepState = i < done ? 'done' : i === done ? 'current' : 'waiting'
    return {
      key,
      state,
      by: state === 'done' ? by[key] : '',
      at: key === 'publish' && state === 'done' ? d?.published_at ?? null : null,
    }
  })
  return { steps, active: done, finished: done === STEP_KEYS.length }
}

export type DisclosureAction = 'draft' | 'verify' | 'approve' | 'publish' | 'revise'

export interface ActionView {
  action: DisclosureAction
  /** Why the button is shown disabled: the author cannot verify or approve their own draft. */
  blocked?: 'author'
}

/** Who may take each step; mirrors configs/policy.csv (the server still decides). */
export const STEP_ROLES: Readonly<Record<DisclosureAction, readonly string[]>> = {
  draft: ['finance'],
  verify: ['secretariat', 'finance', 'supervisor'],
  approve: ['board'],
  publish: ['secretariat', 'finance'],
  revise: ['finance'],
}

const has = (roles: readonly string[], action: DisclosureAction) => STEP_ROLES[action].some((r) => roles.includes(r))

/**
 * disclosureActions lists what this user can do next with the year's latest version.
 * `latest` is null when the year has no disclosure yet.
 */
export function disclosureActions(latest: Disclosure | null, roles: readonly string[], username: string): ActionView[] {
  const out: ActionView[] = []
  const self = (d: Disclosure) => (d.author === username ? ({ blocked: 'author' } as const) : {})
  if (!latest) {
    if (has(roles, 'draft')) out.push({ action: 'draft' })
    return out
  }
  switch (latest.status) {
    case 'draft':
      if (has(roles, 'verify')) out.push({ action: 'verify', ...self(latest) })
      if (has(roles, 'draft')) out.push({ action: 'draft' })
      break
    case 'verified':
      if (has(roles, 'approve')) out.push({ action: 'approve', ...self(latest) })
      if (has(roles, 'draft')) out.push({ action: 'draft' })
      break
    case 'approved':
      if (has(roles, 'publish')) out.push({ action: 'publish' })
      break
    case 'published':
      if (has(roles, 'revise')) out.push({ action: 'revise' })
      break
    default:
      break
  }
  return out
}

/** latestByYear keeps the newest version of each year, newest year first. */
export function latestByYear(all: readonly Disclosure[]): Disclosure[] {
  const best = new Map<number, Disclosure>()
  for (const d of all) {
    const cur = best.get(d.year)
    if (!cur || d.version > cur.version) best.set(d.year, d)
  }
  return [...best.values()].sort((a, b) => b.year - a.year)
}

/** versionsOf lists a year's versions, newest first. */
export function versionsOf(all: readonly Disclosure[], year: number): Disclosure[] {
  return all.filter((d) => d.year === year).sort((a, b) => b.version - a.version)
}

/**
 * awaiting lists the latest versions waiting for this user's step: drafts to verify
 * (not their own) and verified ones to approve (board).
 */
export function awaiting(all: readonly Disclosure[], roles: readonly string[], username: string): Disclosure[] {
  return latestByYear(all).filter((d) =>
    disclosureActions(d, roles, username).some((a) => !a.blocked && (a.action === 'verify' || a.action === 'approve')),
  )
}

/** The publication deadline of a year's disclosure (8.1.1.3): 30 June of the next year. */
export function disclosureDeadline(year: number): string {
  return `${year + 1}-06-30`
}
