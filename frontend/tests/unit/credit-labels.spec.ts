import { describe, expect, it } from 'vitest'
import { CATEGORIES, LISTS, OUTCOMES, PUBLIC_LISTS, categoryPolarity, polarityFor } from '@/modules/credit/labels'
import { CREDIT_ROLES, canCredit } from '@/modules/credit/permissions'
import credit from '@/modules/credit'
import messages from '@/modules/credit/i18n'

type Tree = { [k: string]: string | Tree }
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}

describe('credit labels', () => {
  it('has every key in Chinese and English', () => {
    expect(keys(messages.en as unknown as Tree)).toEqual(keys(messages['zh-CN'] as unknown as Tree))
  })
  it('names every list, category and status in Chinese', () => {
    const zh = messages['zh-CN'].credit
    for (const l of LISTS) expect(zh.list[l]).toMatch(/名单$/)
    for (const c of [...CATEGORIES.positive, ...CATEGORIES.negative]) expect(zh.category[c as keyof typeof zh.category]).toBeTruthy()
    for (const s of [...OUTCOMES.appeal, ...OUTCOMES.repair, 'pending']) expect(zh.appealStatus[s as keyof typeof zh.appealStatus]).toBeTruthy()
    expect(zh.list.black).toBe('失信黑名单')
  })
  it('sides categories and lists with the right polarity', () => {
    expect(categoryPolarity('court_judgment')).toBe('negative')
    expect(categoryPolarity('integrity_commitment')).toBe('positive')
    expect(categoryPolarity('nonsense')).toBeNull()
    expect(polarityFor('black')).toBe('negative')
    expect(polarityFor('red')).toBe('positive')
    expect(polarityFor('white')).toBe('positive')
    expect(PUBLIC_LISTS).toEqual(['red', 'black'])
  })
})

describe('credit permissions (configs/policy.csv)', () => {
  it('lets the secretariat propose and the board alone decide', () => {
    expect(canCredit(['secretariat'], 'propose')).toBe(true)
    expect(canCredit(['admin'], 'propose')).toBe(false)
    expect(canCredit(['board'], 'decide')).toBe(true)
    expect(canCredit(['secretariat'], 'decide')).toBe(false)
    expect(canCredit(['supervisor'], 'decide')).toBe(false)
  })
  it('lets secretariat and board review, members file, finance only read the lists', () => {
    expect(canCredit(['secretariat'], 'review')).toBe(true)
    expect(canCredit(['board'], 'review')).toBe(true)
    expect(canCredit(['admin'], 'review')).toBe(false)
    expect(canCredit(['member'], 'portal')).toBe(true)
    expect(canCredit(['finance'], 'readEntries')).toBe(true)
    expect(canCredit(['finance'], 'readRecords')).toBe(false)
    expect(CREDIT_ROLES.export).toEqual(['admin', 'secretariat', 'board'])
  })
  it('routes the public list outside the layout and every page to its area', () => {
    expect(credit.bareRoutes?.map((r) => [r.path, r.meta?.public])).toEqual([['/credit-lists', true]])
    for (const r of credit.routes ?? []) expect(r.path.startsWith(`/${r.meta?.area}/`)).toBe(true)
  })
})
