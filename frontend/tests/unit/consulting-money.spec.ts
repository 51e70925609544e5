import { describe, expect, it } from 'vitest'
import { fenToYuanInput, positiveFen, spentShare, sumFen, yuan, yuanToFen } from '@/modules/consulting/money'

describe('consulting money: yuan typed, fen on the wire', () => {
  it.each([
    ['500000', 50000000],
    ['500,000.00', 50000000],
    ['0.07', 7],
    ['0.1', 10],
    ['19.99', 1999],
    ['1.005', null], // three decimals are not an amount
    ['4000.01', 400001],
    ['¥ 1,234.56', 123456],
    ['', null],
    ['abc', null],
    ['1e3', null],
  ])('yuanToFen(%j) = %s', (input, want) => {
    expect(yuanToFen(input)).toBe(want)
  })

  it('converts exactly where a float would not (0.29 × 100 = 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29)
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('1.15')).toBe(115)
    expect(yuanToFen('4.35')).toBe(435)
  })

  it('refuses amounts a JSON number cannot carry exactly', () => {
    expect(yuanToFen('90071992547409.91')).toBe(9007199254740991)
    expect(yuanToFen('90071992547409.92')).toBeNull()
  })

  it('positiveFen accepts only amounts above zero', () => {
    expect(positiveFen('0')).toBeNull()
    expect(positiveFen('0.00')).toBeNull()
    expect(positiveFen('-1')).toBeNull()
    expect(positiveFen('0.01')).toBe(1)
    expect(positiveFen(undefined)).toBeNull()
  })

  it('shows fen as yuan with two decimals, and back into an input', () => {
    expect(yuan(50000000)).toBe('¥500,000.00')
    expect(yuan(400001)).toBe('¥4,000.01')
    expect(yuan(null)).toBe('—')
    expect(fenToYuanInput(123456)).toBe('1234.56')
    expect(fenToYuanInput(7)).toBe('0.07')
    expect(fenToYuanInput(undefined)).toBe('')
    expect(yuanToFen(fenToYuanInput(987654321))).toBe(987654321)
  })

  it('adds fen exactly and reports the share spent', () => {
    expect(sumFen([20000000, 30000000])).toBe(50000000)
    expect(sumFen([])).toBe(0)
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError)
    expect(spentShare(600000, 1000000)).toBe(60)
    expect(spentShare(1, 3)).toBe(33.3)
    expect(spentShare(5, 0)).toBe(0)
  })
})
