import { describe, expect, it } from 'vitest'
import { BRANCH_SUFFIXES, OFFICE_SUFFIXES, nameHints, nameProblem, placeToken, suffixListed } from '@/modules/governance/naming'

const FULL = '广东省物流行业协会'

describe('branch names mirror 7.1.2.3', () => {
  it('starts with the full name and adds a name of its own', () => {
    expect(nameProblem(FULL, 'branch', '广东省物流行业协会冷链物流专业委员会')).toBeNull()
    expect(nameProblem(FULL, 'branch', '冷链物流专业委员会')).toBe('prefix')
    expect(nameProblem(FULL, 'branch', '广东物流协会冷链物流专业委员会')).toBe('prefix')
    expect(nameProblem(FULL, 'branch', FULL)).toBe('prefix')
    expect(nameProblem(FULL, 'branch', '  ')).toBe('required')
    expect(nameProblem('', 'branch', '冷链分会')).toBe('no_profile')
  })

  it('an office ends with 代表处, 办事处 or 联络处', () => {
    expect(nameProblem(FULL, 'representative_office', '广东省物流行业协会标准化工作联络处')).toBeNull()
    expect(nameProblem(FULL, 'representative_office', '广东省物流行业协会北京办事处')).toBeNull()
    expect(nameProblem(FULL, 'representative_office', '广东省物流行业协会服务中心')).toBe('office_suffix')
    expect(OFFICE_SUFFIXES).toEqual(['代表处', '办事处', '联络处'])
  })

  it('flags a branch suffix outside the list (accepted, reviewed later)', () => {
    expect(BRANCH_SUFFIXES).toEqual(['分会', '专业委员会', '工作委员会', '专家委员会', '技术委员会'])
    for (const s of BRANCH_SUFFIXES) expect(suffixListed('branch', `${FULL}冷链${s}`)).toBe(true)
    expect(suffixListed('branch', `${FULL}冷链联盟`)).toBe(false)
    expect(suffixListed('representative_office', `${FULL}冷链联盟`)).toBe(true)
  })

  it('finds a place name after the full name only (R-7.1.2.4)', () => {
    expect(placeToken(FULL, '广东省物流行业协会佛山分会')).toBe('佛山')
    // 广东 and 省 in the full name itself are not a remit.
    expect(placeToken(FULL, '广东省物流行业协会跨境电商物流专业委员会')).toBe('')
    expect(placeToken(FULL, '广东省物流行业协会珠三角工作委员会')).toBe('珠三角')
  })

  it('gathers the hints the form shows', () => {
    expect(nameHints(FULL, 'branch', '广东省物流行业协会佛山分会')).toEqual({ problem: null, unlistedSuffix: false, place: '佛山' })
    expect(nameHints(FULL, 'branch', '广东省物流行业协会冷链联盟')).toEqual({ problem: null, unlistedSuffix: true, place: '' })
    expect(nameHints(FULL, 'branch', '冷链分会')).toEqual({ problem: 'prefix', unlistedSuffix: false, place: '' })
  })
})
