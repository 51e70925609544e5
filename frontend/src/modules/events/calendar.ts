import { dateOfInstant } from '@/shared/format/date'

/**
 * Month calendar helpers. Days are civil dates (YYYY-MM-DD) in Asia/Shanghai: an
 * event starting at 2026-12-19T17:00Z is on 20 December, whatever the browser's zone.
 */

/** civil turns YYYY-MM-DD into a UTC midnight Date for day arithmetic. */
function civil(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(date: string, n: number): string {
  const d = civil(date)
  d.setUTCDate(d.getUTCDate() + n)
  return iso(d)
}

/** shiftMonth('2026-12', 1) === '2027-01'. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return iso(d).slice(0, 7)
}

export function isMonth(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v)
}

/** Day of the week with Monday = 0. */
function weekdayMon0(date: string): number {
  return (civil(date).getUTCDay() + 6) % 7
}

/**
 * monthGrid lists the 42 days (six Monday-first weeks) that show `month`
 * ('YYYY-MM') with the tail of the month before and the head of the next.
 */
export function monthGrid(month: string): string[] {
  const first = `${month}-01`
  const start = addDays(first, -weekdayMon0(first))
  return Array.from({ length: 42 }, (_, i) => addDays(start, i))
}

interface Dated {
  starts_at: string
  ends_at: string
}

/** The Shanghai days an event covers, first to last (at most `cap` of them). */
export function daysOf(e: Dated, cap = 62): string[] {
  const first = dateOfInstant(e.starts_at)
  // An event ending exactly at midnight does not occupy the next day.
  const endInstant = new Date(new Date(e.ends_at).getTime() - 1)
  let last = dateOfInstant(Number.isNaN(endInstant.getTime()) ? e.starts_at : endInstant)
  if (last < first) last = first
  const out: string[] = []
  for (let d = first; d <= last && out.length < cap; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * groupByDay files events under every Shanghai day they cover, each day's list
 * ordered by start; `within` limits the days kept (e.g. the visible grid).
 */
export function groupByDay<T extends Dated>(events: readonly T[], within?: readonly string[]): Map<string, T[]> {
  const keep = within ? new Set(within) : null
  const out = new Map<string, T[]>()
  const sorted = [...events].sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
  for (const e of sorted) {
    for (const day of daysOf(e)) {
      if (keep && !keep.has(day)) continue
      const list = out.get(day)
      if (list) list.push(e)
      else out.set(day, [e])
    }
  }
  return out
}

/**
 * toInstant turns a Shanghai wall-clock time ('YYYY-MM-DD HH:mm') into RFC 3339
 * with the +08:00 offset; fromInstant does the reverse. China keeps no summer time.
 */
export function toInstant(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec(local)
  if (!m) return ''
  return `${m[1]}T${m[2]}:${m[3]}:00+08:00`
}

export function fromInstant(instant: string | null | undefined): string {
  if (!instant) return ''
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return ''
  const shifted = new Date(d.getTime() + 8 * 3600_000)
  return shifted.toISOString().slice(0, 16).replace('T', ' ')
}

/** daysUntil counts whole Shanghai days from today to an instant's day (negative when past). */
export function daysUntil(instant: string, today: string): number {
  return Math.round((civil(dateOfInstant(instant)).getTime() - civil(today).getTime()) / 86_400_000)
}
