import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RULES,
  attendingOf,
  checkUSCC,
  daysBetween,
  exceeded,
  minExceeding,
  minReaching,
  passes,
  quorum,
  reached,
  termEndAfter,
  termPhase,
  termProgress,
  threshold,
  validRatio,
  voteProblem,
} from '@/modules/governance/rules'
import type { Rules } from '@/modules/governance/types'

describe('quorum mirrors the server (attending·den ≥ seats·num)', () => {
  it('two thirds of 30 is 20', () => {
    expect(quorum(DEFAULT_RULES, 20, 30)).toEqual({ seats: 30, attending: 20, needed: 20, quorate: true })
    expect(quorum(DEFAULT_RULES, 19, 30).quorate).toBe(false)
    expect(quorum(DEFAULT_RULES, 21, 30).needed).toBe(20)
  })

  it('rounds the needed attendance up when seats do not divide', () => {
    // 2/3 of 40 = 26.67 → 27; of 10 = 6.67 → 7; of 3 = 2
    expect(quorum(DEFAULT_RULES, 27, 40)).toMatchObject({ needed: 27, quorate: true })
    expect(quorum(DEFAULT_RULES, 26, 40).quorate).toBe(false)
    expect(quorum(DEFAULT_RULES, 6, 10)).toMatchObject({ needed: 7, quorate: false })
    expect(quorum(DEFAULT_RULES, 2, 3)).toMatchObject({ needed: 2, quorate: true })
    expect(quorum(DEFAULT_RULES, 1, 3).quorate).toBe(false)
  })

  it('a body without seats is never quorate', () => {
    expect(quorum(DEFAULT_RULES, 0, 0)).toEqual({ seats: 0, attending: 0, needed: 0, quorate: false })
  })

  it('counts present and proxy as attending', () => {
    expect(attendingOf([{ status: 'present' }, { status: 'proxy' }, { status: 'absent' }, { status: 'present' }])).toBe(3)
  })

  it('follows a charter with other ratios (half present)', () => {
    const half: Rules = { ...DEFAULT_RULES, quorum: { num: 1, den: 2 } }
    expect(quorum(half, 15, 30)).toMatchObject({ needed: 15, quorate: true })
    expect(quorum(half, 14, 30).quorate).toBe(false)
  })
})

describe('resolution thresholds mirror Decide', () => {
  it('an ordinary resolution needs a strict majority of those attending (for·2 > attending)', () => {
    expect(passes(DEFAULT_RULES, 'other', 11, 20)).toBe(true)
    expect(passes(DEFAULT_RULES, 'other', 10, 20)).toBe(false) // a tie does not pass
    expect(passes(DEFAULT_RULES, 'election', 11, 21)).toBe(true)
    expect(passes(DEFAULT_RULES, 'election', 10, 21)).toBe(false)
    expect(threshold(DEFAULT_RULES, 'other', 20)).toEqual({ rule: 'majority', ratio: { num: 1, den: 2 }, strict: true, needed: 11 })
    expect(threshold(DEFAULT_RULES, 'expulsion', 21).needed).toBe(11)
  })

  it('fee standards and charter amendments need two thirds (for·3 ≥ attending·2)', () => {
    expect(passes(DEFAULT_RULES, 'fee_standard', 13, 20)).toBe(false)
    expect(passes(DEFAULT_RULES, 'fee_standard', 14, 20)).toBe(true)
    expect(passes(DEFAULT_RULES, 'charter_amendment', 20, 30)).toBe(true)
    expect(passes(DEFAULT_RULES, 'charter_amendment', 19, 30)).toBe(false)
    expect(threshold(DEFAULT_RULES, 'fee_standard', 20)).toEqual({ rule: 'special', ratio: { num: 2, den: 3 }, strict: false, needed: 14 })
    expect(threshold(DEFAULT_RULES, 'charter_amendment', 30).needed).toBe(20)
  })

  it('the needed count is exactly the edge of passing', () => {
    for (const kind of ['other', 'fee_standard'] as const) {
      for (let attending = 1; attending <= 60; attending++) {
        const n = threshold(DEFAULT_RULES, kind, attending).needed
        expect(passes(DEFAULT_RULES, kind, n, attending), `${kind} ${n}/${attending}`).toBe(true)
        expect(passes(DEFAULT_RULES, kind, n - 1, attending), `${kind} ${n - 1}/${attending}`).toBe(false)
      }
    }
  })

  it('nothing passes with nobody attending', () => {
    expect(passes(DEFAULT_RULES, 'other', 0, 0)).toBe(false)
    expect(passes(DEFAULT_RULES, 'fee_standard', 0, 0)).toBe(false)
  })

  it('refuses negative votes and more votes than attendees, like the server', () => {
    expect(voteProblem(15, 4, 1, 20)).toBeNull()
    expect(voteProblem(15, 6, 0, 20)).toBe('exceeds')
    expect(voteProblem(-1, 0, 0, 20)).toBe('negative')
  })

  it('ratio primitives', () => {
    expect(reached({ num: 2, den: 3 }, 20, 30)).toBe(true)
    expect(exceeded({ num: 1, den: 2 }, 15, 30)).toBe(false)
    expect(exceeded({ num: 1, den: 2 }, 16, 30)).toBe(true)
    expect(minReaching({ num: 2, den: 3 }, 31)).toBe(21)
    expect(minExceeding({ num: 1, den: 2 }, 31)).toBe(16)
    expect(validRatio({ num: 2, den: 3 })).toBe(true)
    expect(validRatio({ num: 4, den: 3 })).toBe(false)
    expect(validRatio({ num: 0, den: 3 })).toBe(false)
    expect(validRatio({ num: 1, den: 0 })).toBe(false)
  })
})

describe('terms and dates', () => {
  it('counts calendar days between civil dates', () => {
    expect(daysBetween('2026-11-25', '2026-12-25')).toBe(30)
    expect(daysBetween('2028-03-17', '2028-03-18')).toBe(1)
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2) // leap year
  })

  it('opens the 换届 reminder 90 days before the end', () => {
    expect(termPhase('2027-03-01', '2026-11-25')).toBe('running')
    expect(termPhase('2027-02-23', '2026-11-25')).toBe('due') // 90 days
    expect(termPhase('2026-11-25', '2026-11-25')).toBe('due')
    expect(termPhase('2026-11-24', '2026-11-25')).toBe('ended')
  })

  it('measures the share of the term elapsed', () => {
    expect(termProgress('2023-01-01', '2023-01-11', '2023-01-06')).toBe(0.5)
    expect(termProgress('2023-01-01', '2023-01-11', '2022-12-01')).toBe(0)
    expect(termProgress('2023-01-01', '2023-01-11', '2024-01-01')).toBe(1)
  })

  it('ends a term of n years the day before its anniversary', () => {
    expect(termEndAfter('2023-03-18', 5)).toBe('2028-03-17')
    expect(termEndAfter('2024-01-01', 4)).toBe('2027-12-31')
  })
})

describe('unified social credit code', () => {
  it('accepts a code with the right check character', () => {
    expect(checkUSCC('51440000MJL00007Q4')).toBeNull()
    expect(checkUSCC(' 51440000mjl00007q4 ')).toBeNull()
  })
  it('names what is wrong', () => {
    expect(checkUSCC('51440000MJL00007Q')).toBe('length')
    expect(checkUSCC('51440000MJL0000IQ4')).toBe('charset')
    expect(checkUSCC('51440000MJL00007Q5')).toBe('check')
  })
})
