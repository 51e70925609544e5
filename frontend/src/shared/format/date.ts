/**
 * Instants are stored UTC and shown in China Standard Time whatever the browser's
 * own zone; calendar dates (YYYY-MM-DD) are civil dates and are never shifted.
 */

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function toDate(input: string | number | Date): Date | null {
  const d = input instanceof Date ? input : new Date(input)
  return Number.isNaN(d.getTime()) ? null : d
}

function shanghaiParts(d: Date): Parts {
  const out: Partial<Parts> = {}
  for (const p of partsFormatter.formatToParts(d)) {
    if (p.type in { year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1 }) {
      out[p.type as keyof Parts] = p.value
    }
  }
  return out as Parts
}

/** formatInstant('2025-01-01T16:30:00Z') === '2025-01-02 00:30:00' (Asia/Shanghai). */
export function formatInstant(
  input: string | number | Date | null | undefined,
  precision: 'second' | 'minute' = 'second',
): string {
  if (input === null || input === undefined || input === '') return '—'
  const d = toDate(input)
  if (!d) return String(input)
  const p = shanghaiParts(d)
  const time = precision === 'second' ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`
  return `${p.year}-${p.month}-${p.day} ${time}`
}

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function dateOfInstant(input: string | number | Date): string {
  const d = toDate(input)
  if (!d) return String(input)
  const p = shanghaiParts(d)
  return `${p.year}-${p.month}-${p.day}`
}

/** formatDate shows a civil date as-is (validating its shape), '—' when empty. */
export function formatDate(input: string | null | undefined): string {
  if (!input) return '—'
  return /^\d{4}-\d{2}-\d{2}$/.test(input) ? input : formatInstant(input).slice(0, 10)
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return dateOfInstant(now)
}

/**
 * formatDuration renders a wait such as a lockout's retry_after: 59 → "59 秒",
 * 900 → "15 分钟", 3720 → "1 小时 2 分钟" (or the English equivalents).
 */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(0, Math.ceil(seconds))
  const en = locale.startsWith('en')
  const unit = (n: number, zh: string, enOne: string) =>
    en ? `${n} ${enOne}${n === 1 ? '' : 's'}` : `${n} ${zh}`
  if (s < 60) return unit(s, '秒', 'second')
  const totalMinutes = Math.ceil(s / 60)
  const h = Math.floor(totalMinutes / 60)
  const m = totalMinutes % 60
  if (h === 0) return unit(m, '分钟', 'minute')
  return m === 0 ? unit(h, '小时', 'hour') : `${unit(h, '小时', 'hour')} ${unit(m, '分钟', 'minute')}`
}
