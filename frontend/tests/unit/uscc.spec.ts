import { describe, expect, it } from 'vitest'
import {
  isValidUscc,
  normalizeUscc,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  usccCheckChar,
  usccProblem,
  usccRefusedKind,
} from '@/modules/member/uscc'

describe('unified social credit code (GB 32100-2015)', () => {
  it("accepts the standard's own example", () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(isValidUscc('91350100M000100Y43')).toBe(true)
    expect(usccProblem('91350100M000100Y43')).toBeNull()
  })

  it('uses the 31-character alphabet and the weights 3^(i-1) mod 31', () => {
    expect(USCC_ALPHABET).toHaveLength(31)
    for (const c of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(c)
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })

  it('computes check characters of other codes, including 0 and letters', () => {
    expect(usccCheckChar('91440101MA5C00000')).toBe('K')
    expect(usccCheckChar('51440000MJ0000001')).toBe('R')
    expect(usccCheckChar('12100000400000001')).toBe('0')
    expect(isValidUscc('121000004000000010')).toBe(true)
    expect(isValidUscc('53440000500000000M')).toBe(true)
  })

  it('normalises spaces and lower case before checking', () => {
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43')
    expect(isValidUscc('9135 0100 m000 100y43')).toBe(true)
  })

  it('names what is wrong, in the order the server checks', () => {
    expect(usccProblem('')).toBe('required')
    expect(usccProblem('91350100M000100Y4')).toBe('length')
    expect(usccProblem('91350100M000100Y433')).toBe('length')
    expect(usccProblem('91350100M000100I43')).toBe('charset')
    expect(usccProblem('9135010OM000100Y43')).toBe('charset')
    expect(usccProblem('913501A0M000100Y43')).toBe('division')
    expect(usccProblem('91350100M000100Y44')).toBe('check')
    // Any single changed character is caught by the check character.
    const good = '91350100M000100Y43'
    for (let i = 8; i < 17; i++) {
      const swapped = good.slice(0, i) + (good[i] === '1' ? '2' : '1') + good.slice(i + 1)
      expect(usccProblem(swapped), swapped).toBe('check')
    }
  })

  it('flags authority codes that can never join (8.1.2.1)', () => {
    expect(usccRefusedKind('11100000000000000X')).toBe('state_organ')
    expect(usccRefusedKind('92440101MA5C00000X')).toBe('individual_business')
    expect(usccRefusedKind('91350100M000100Y43')).toBeNull()
  })
})
