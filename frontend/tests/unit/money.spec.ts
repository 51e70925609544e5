import { describe, expect, it } from 'vitest'
import { formatFen, parseYuan } from '@/shared/format/money'

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-5, '-¥0.05'],
    [-123456, '-¥1,234.56'],
    [-100, '-¥1.00'],
  ])('formats %s fen as %s', (fen, want) => {
    expect(formatFen(fen)).toBe(want)
  })

  it('keeps exact cents where floats would round (0.1 + 0.2 territory)', () => {
    // 1.005 yuan style values: fen arithmetic never goes through a float.
    expect(formatFen(100_5)).toBe('¥10.05')
    expect(formatFen(29)).toBe('¥0.29')
    expect(formatFen(57)).toBe('¥0.57')
  })

  it('handles amounts past 2^53 given as strings or bigint', () => {
    expect(formatFen('922337203685477580')).toBe('¥9,223,372,036,854,775.80')
    expect(formatFen(-922337203685477580n)).toBe('-¥9,223,372,036,854,775.80')
  })

  it('supports signed and symbol-less output', () => {
    expect(formatFen(2500, { signed: true })).toBe('+¥25.00')
    expect(formatFen(0, { signed: true })).toBe('¥0.00')
    expect(formatFen(-2500, { signed: true })).toBe('-¥25.00')
    expect(formatFen(123456, { symbol: false })).toBe('1,234.56')
  })

  it('shows a dash for missing values and refuses non-integers', () => {
    expect(formatFen(null)).toBe('—')
    expect(formatFen(undefined)).toBe('—')
    expect(() => formatFen(1.5)).toThrow(RangeError)
    expect(() => formatFen('12.3')).toThrow(RangeError)
    expect(() => formatFen(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError)
  })
})

describe('parseYuan', () => {
  it.each([
    ['1,234.56', 123456n],
    ['¥1234.5', 123450n],
    ['0.01', 1n],
    ['-0.05', -5n],
    ['12', 1200n],
    ['12.', 1200n],
    [' 1 000 ', 100000n],
    ['0.29', 29n],
  ])('parses %s', (input, want) => {
    expect(parseYuan(input)).toBe(want)
  })

  it.each(['', 'abc', '1.234', '1.2.3', '--1', '1e3'])('rejects %s', (input) => {
    expect(parseYuan(input)).toBeNull()
  })
})
