import { describe, expect, it } from 'vitest'
import { dateOfInstant, formatDate, formatDuration, formatInstant, todayInShanghai } from '@/shared/format/date'

describe('formatInstant (Asia/Shanghai)', () => {
  it('shifts UTC to UTC+8, crossing midnight and year', () => {
    expect(formatInstant('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30:00')
    expect(formatInstant('2026-11-25T07:50:57.82788Z')).toBe('2026-11-25 15:50:57')
  })

  it('honours explicit offsets in the input', () => {
    expect(formatInstant('2026-03-01T08:00:00+08:00')).toBe('2026-03-01 08:00:00')
    expect(formatInstant('2026-03-01T00:00:00-05:00')).toBe('2026-03-01 13:00:00')
  })

  it('uses 24-hour time with minute precision on request', () => {
    expect(formatInstant('2026-06-01T04:00:00Z', 'minute')).toBe('2026-06-01 12:00')
    expect(formatInstant('2026-06-01T16:05:09Z', 'minute')).toBe('2026-06-02 00:05')
  })

  it('does not depend on the browser time zone', () => {
    // China has no daylight saving time: the same UTC offset all year.
    expect(formatInstant('2026-07-01T00:00:00Z')).toBe('2026-07-01 08:00:00')
    expect(formatInstant('2026-01-01T00:00:00Z')).toBe('2026-01-01 08:00:00')
  })

  it('handles empty and invalid values', () => {
    expect(formatInstant(null)).toBe('—')
    expect(formatInstant('')).toBe('—')
    expect(formatInstant('not a date')).toBe('not a date')
  })

  it('accepts epoch milliseconds and Date objects', () => {
    expect(formatInstant(0)).toBe('1970-01-01 08:00:00')
    expect(formatInstant(new Date(Date.UTC(2026, 0, 1, 15, 59, 59)))).toBe('2026-01-01 23:59:59')
  })
})

describe('dates', () => {
  it('keeps civil dates as they are', () => {
    expect(formatDate('2026-02-28')).toBe('2026-02-28')
    expect(formatDate(null)).toBe('—')
  })

  it('gives the Shanghai calendar date of an instant', () => {
    expect(dateOfInstant('2026-02-28T17:00:00Z')).toBe('2026-03-01')
    expect(todayInShanghai(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01')
  })
})

describe('formatDuration', () => {
  it.each([
    [0, 'zh-CN', '0 秒'],
    [59, 'zh-CN', '59 秒'],
    [60, 'zh-CN', '1 分钟'],
    [61, 'zh-CN', '2 分钟'],
    [900, 'zh-CN', '15 分钟'],
    [3600, 'zh-CN', '1 小时'],
    [3720, 'zh-CN', '1 小时 2 分钟'],
    [1, 'en', '1 second'],
    [900, 'en', '15 minutes'],
    [3660, 'en', '1 hour 1 minute'],
  ])('%i s in %s is %s', (s, locale, want) => {
    expect(formatDuration(s, locale)).toBe(want)
  })
})
