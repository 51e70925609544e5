import { ApiError } from '@/shared/api'
import { categoryPolarity, polarityFor } from './labels'
import type { AppealBody, CreditList, CreditRecord, Entry, ListRule, ProposalBody, RecordBody } from './types'

/** A form problem: the field and the i18n key of its message. */
export type Problems = Record<string, string>

const blank = (s: string | null | undefined) => !s || !s.trim()

/** splitEvidence turns a textarea (one document reference a line) into a clean list. */
export function splitEvidence(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i)
}

/** checkRecord mirrors Record.Validate (domain/credit) so mistakes show before the server is asked. */
export function checkRecord(b: RecordBody, today: string): Problems {
  const p: Problems = {}
  if (!b.member_id) p.member_id = 'credit.form.required'
  if (!b.category || categoryPolarity(b.category) !== b.polarity) p.category = 'credit.form.required'
  if (blank(b.occurred_on)) p.occurred_on = 'credit.form.required'
  else if (b.occurred_on > today) p.occurred_on = 'credit.form.notFuture'
  if (blank(b.source)) p.source = 'credit.form.required'
  if (blank(b.summary)) p.summary = 'credit.form.required'
  return p
}

/**
 * checkProposal mirrors Proposal.Validate and CheckEvidence: an addition rests on at least one
 * record of the unit, of the right polarity for the list, and lasts until a future day.
 */
export function checkProposal(b: ProposalBody, records: readonly CreditRecord[], today: string): Problems {
  const p: Problems = {}
  if (!b.member_id) p.member_id = 'credit.form.required'
  if (blank(b.reason_category)) p.reason_category = 'credit.form.required'
  if (blank(b.public_summary)) p.public_summary = 'credit.form.required'
  if (b.action === 'add') {
    if (b.valid_until && b.valid_until <= today) p.valid_until = 'credit.form.future'
    if (b.record_ids.length === 0) p.record_ids = 'credit.form.evidenceRequired'
    else {
      const want = polarityFor(b.list)
      const chosen = records.filter((r) => b.record_ids.includes(r.id))
      if (chosen.some((r) => r.member_id !== b.member_id)) p.record_ids = 'credit.form.evidenceOtherUnit'
      else if (chosen.some((r) => r.polarity !== want)) p.record_ids = 'credit.form.evidencePolarity'
    }
  }
  return p
}

/** evidenceFor lists the records of a unit that may support a decision on `list`. */
export function evidenceFor(records: readonly CreditRecord[], memberId: number | null, list: CreditList): CreditRecord[] {
  if (!memberId) return []
  const want = polarityFor(list)
  return records.filter((r) => r.member_id === memberId && r.polarity === want)
}

/** checkDecision: the 会长办公会 cites its meeting or resolution (decision_ref). */
export function checkDecision(meetingRef: string): Problems {
  return blank(meetingRef) ? { meeting_ref: 'credit.form.required' } : {}
}

/** checkReview: reasons are required whether the application is granted or refused. */
export function checkReview(reasons: string): Problems {
  return blank(reasons) ? { reasons: 'credit.form.required' } : {}
}

export function checkAppeal(b: AppealBody): Problems {
  return blank(b.text) ? { text: 'credit.form.required' } : {}
}

/** addDays adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return t.toISOString().slice(0, 10)
}

/** appealDeadline is the last day to appeal an entry: its decision day plus the list's window. */
export function appealDeadline(entry: Entry, rules: readonly ListRule[]): string | null {
  const rule = rules.find((r) => r.list === entry.list)
  if (!rule || !entry.valid_from) return null
  return addDays(entry.valid_from, rule.appeal_days)
}

/** What a unit may file against one of its entries today. */
export function unitActions(entry: Entry, rules: readonly ListRule[], today: string): { appeal: boolean; repair: boolean } {
  if (entry.status !== 'active') return { appeal: false, repair: false }
  const deadline = appealDeadline(entry, rules)
  return { appeal: deadline !== null && today <= deadline, repair: entry.list === 'black' }
}

/** refusal splits an API error into what the page shows: message, clause of the standard, field messages. */
export function refusal(err: unknown): { message: string; clause: string; fields: [string, string][] } {
  if (err instanceof ApiError) return { message: err.message, clause: err.clause ?? '', fields: Object.entries(err.fields) }
  return { message: err instanceof Error ? err.message : String(err), clause: '', fields: [] }
}
