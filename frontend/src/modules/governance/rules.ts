/**
 * Client mirrors of the server's governance arithmetic (domain/governance), in
 * integers so the form shows exactly the verdict the server will reach. The server
 * still decides: these only preview the quorum and the resolution's threshold.
 */
import type { Attendee, ResolutionKind, Rules, Ratio } from './types'

/** The charter defaults: two thirds present, a majority of them, two thirds for special resolutions. */
export const DEFAULT_RULES: Rules = {
  quorum: { num: 2, den: 3 },
  majority: { num: 1, den: 2 },
  special: { num: 2, den: 3 },
}

/** A ratio in (0, 1], as the server accepts it. */
export function validRatio(r: Ratio): boolean {
  return Number.isInteger(r.num) && Number.isInteger(r.den) && r.den > 0 && r.num > 0 && r.num <= r.den
}

/** reached: part/whole ≥ ratio, i.e. part·den ≥ whole·num (never with nothing to count). */
export function reached(r: Ratio, part: number, whole: number): boolean {
  return whole > 0 && part * r.den >= whole * r.num
}

/** exceeded: part/whole > ratio (a strict majority for 1/2). */
export function exceeded(r: Ratio, part: number, whole: number): boolean {
  return whole > 0 && part * r.den > whole * r.num
}

/** The smallest part with part/whole ≥ r (⌈whole·num/den⌉). */
export function minReaching(r: Ratio, whole: number): number {
  return whole <= 0 ? 0 : Math.floor((whole * r.num + r.den - 1) / r.den)
}

/** The smallest part with part/whole > r (⌊whole·num/den⌋ + 1). */
export function minExceeding(r: Ratio, whole: number): number {
  return Math.floor((whole * r.num) / r.den) + 1
}

/** attendingOf counts the seats present in person or by proxy. */
export function attendingOf(attendees: readonly Pick<Attendee, 'status'>[]): number {
  return attendees.filter((a) => a.status === 'present' || a.status === 'proxy').length
}

export interface QuorumState {
  seats: number
  attending: number
  /** Attendance needed for a quorum. */
  needed: number
  quorate: boolean
}

/** quorum: the meeting is quorate when attending·den ≥ seats·num. */
export function quorum(rules: Rules, attending: number, seats: number): QuorumState {
  return {
    seats,
    attending,
    needed: seats > 0 ? minReaching(rules.quorum, seats) : 0,
    quorate: reached(rules.quorum, attending, seats),
  }
}

/** Fee standards and charter amendments need the special majority (7.3.3.1 / the charter). */
export function isSpecialKind(kind: ResolutionKind): boolean {
  return kind === 'fee_standard' || kind === 'charter_amendment'
}

export interface Threshold {
  /** Which rule applies. */
  rule: 'majority' | 'special'
  ratio: Ratio
  /** Strictly more than the ratio (majority) or at least it (special). */
  strict: boolean
  /** Votes for needed to pass, of those attending. */
  needed: number
}

/** threshold: the rule a resolution of `kind` is decided by, and the votes it needs. */
export function threshold(rules: Rules, kind: ResolutionKind, attending: number): Threshold {
  if (isSpecialKind(kind)) {
    return { rule: 'special', ratio: rules.special, strict: false, needed: minReaching(rules.special, attending) }
  }
  return { rule: 'majority', ratio: rules.majority, strict: true, needed: minExceeding(rules.majority, attending) }
}

/**
 * passes mirrors Decide: ordinary resolutions need for/attending > majority
 * (for·2 > attending by default); special ones for/attending ≥ special (for·3 ≥ attending·2).
 */
export function passes(rules: Rules, kind: ResolutionKind, votesFor: number, attending: number): boolean {
  return isSpecialKind(kind)
    ? reached(rules.special, votesFor, attending)
    : exceeded(rules.majority, votesFor, attending)
}

export type VoteProblem = 'negative' | 'exceeds' | null

/** voteProblem mirrors the server's 400s: no negative counts, no more votes than attendees. */
export function voteProblem(votesFor: number, against: number, abstain: number, attending: number): VoteProblem {
  if (votesFor < 0 || against < 0 || abstain < 0) return 'negative'
  if (votesFor + against + abstain > attending) return 'exceeds'
  return null
}

/** ratioText shows 1/2 as 1/2; the caller words it (过半数 / 2/3 以上). */
export function ratioText(r: Ratio): string {
  return `${r.num}/${r.den}`
}

// ---- dates ----

const DAY_MS = 86_400_000

function civil(d: string): number {
  const [y, m, day] = d.split('-').map(Number)
  return Date.UTC(y, (m ?? 1) - 1, day ?? 1)
}

/** daysBetween counts calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((civil(to) - civil(from)) / DAY_MS)
}

/** The 换届 reminder opens this many days before a term ends (R-7.3.3.1-b). */
export const ELECTION_WARN_DAYS = 90

export type TermPhase = 'running' | 'due' | 'ended'

/** termPhase: how a body's term stands on `today` (reminder window of 90 days). */
export function termPhase(termEnd: string, today: string): TermPhase {
  const left = daysBetween(today, termEnd)
  if (left < 0) return 'ended'
  return left <= ELECTION_WARN_DAYS ? 'due' : 'running'
}

/** termProgress: the share of the term elapsed on `today`, 0–1. */
export function termProgress(termStart: string, termEnd: string, today: string): number {
  const total = daysBetween(termStart, termEnd)
  if (total <= 0) return 1
  return Math.min(1, Math.max(0, daysBetween(termStart, today) / total))
}

/** termEndAfter: the last day of a term of `years` years starting on `start`. */
export function termEndAfter(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number)
  const t = new Date(Date.UTC(y + years, m - 1, d) - DAY_MS)
  return t.toISOString().slice(0, 10)
}

// ---- unified social credit code (GB 32100-2015), as the server validates it ----

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type USCCProblem = 'length' | 'charset' | 'check' | null

/** checkUSCC: 18 characters of the code alphabet with a correct check character. */
export function checkUSCC(raw: string): USCCProblem {
  const code = raw.trim().toUpperCase()
  if (code.length !== 18) return 'length'
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const v = USCC_CHARS.indexOf(code[i])
    if (v < 0) return 'charset'
    if (i < 17) sum += v * USCC_WEIGHTS[i]
  }
  const check = (31 - (sum % 31)) % 31
  return USCC_CHARS[check] === code[17] ? null : 'check'
}
