import { describe, expect, it } from 'vitest'
import { barOption, coveragePercent, gaugeOption, pieOption, statusOption, topRows, trendOption, type StatsTexts } from '@/modules/member/stats'
import type { MemberStats } from '@/modules/member/types'

const texts: StatsTexts = {
  status: (k) => `S:${k}`,
  unset: '未填写',
  others: '其他',
  count: '家',
  joined: '入会',
  left: '退会',
  coverage: '覆盖率',
}

function stats(patch: Partial<MemberStats> = {}): MemberStats {
  return {
    by_status: [
      { key: 'active', label: 'active', count: 12 },
      { key: 'applicant', label: 'applicant', count: 3 },
      { key: 'withdrawn', label: 'withdrawn', count: 2 },
    ],
    by_tier: [
      { key: '1', label: '会长单位', count: 2 },
      { key: '2', label: '理事单位', count: 4 },
      { key: '3', label: '会员单位', count: 6 },
    ],
    by_region: [
      { key: '广州', label: '广州', count: 7 },
      { key: '', label: '', count: 1 },
      { key: '深圳', label: '深圳', count: 4 },
    ],
    by_industry: [],
    by_chain_segment: [{ key: '干线运输', label: '干线运输', count: 5 }],
    trend: [
      { year: 2026, joined: 5, left: 1 },
      { year: 2024, joined: 8, left: 0 },
      { year: 2025, joined: 3, left: 2 },
    ],
    coverage: { industry_total_units: 400, current: 12, rate: 0.03 },
    review_due: 2,
    review_months: 12,
    with_risk: 1,
    ...patch,
  }
}

type Series = { type: string; data: unknown[]; name?: string }
const series = (o: unknown) => (o as { series: Series[] }).series

describe('member statistics → chart options', () => {
  it('keeps the largest groups and folds the tail into "others"', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ key: `r${i}`, label: `地区${i}`, count: i + 1 }))
    const top = topRows(rows, 3, texts)
    expect(top).toEqual([
      { name: '地区9', value: 10 },
      { name: '地区8', value: 9 },
      { name: '地区7', value: 8 },
      { name: '其他', value: 28 },
    ])
  })

  it('draws tiers as a ring with the total in the middle', () => {
    const o = pieOption(stats().by_tier, texts) as { title: { text: string } }
    expect(o.title.text).toBe('12')
    expect(series(o)[0].type).toBe('pie')
    expect(series(o)[0].data).toEqual([
      { name: '会员单位', value: 6 },
      { name: '理事单位', value: 4 },
      { name: '会长单位', value: 2 },
    ])
  })

  it('shows every lifecycle state in order, zero when absent', () => {
    const o = statusOption(stats(), texts) as { xAxis: { data: string[] } }
    expect(o.xAxis.data).toEqual(['S:applicant', 'S:active', 'S:suspended', 'S:withdrawn', 'S:expelled'])
    expect((series(o)[0].data as { value: number }[]).map((d) => d.value)).toEqual([3, 12, 0, 2, 0])
  })

  it('names blank regions and puts the biggest bar on top', () => {
    const o = barOption(stats().by_region, texts) as { yAxis: { data: string[] } }
    // Category axes draw bottom-up: the last entry is the top bar.
    expect(o.yAxis.data).toEqual(['未填写', '深圳', '广州'])
    expect(series(o)[0].data).toEqual([1, 4, 7])
  })

  it('orders the years and pairs joins with leaves', () => {
    const o = trendOption(stats(), texts) as { xAxis: { data: string[] } }
    expect(o.xAxis.data).toEqual(['2024', '2025', '2026'])
    expect(series(o).map((s) => s.name)).toEqual(['入会', '退会'])
    expect(series(o)[0].data).toEqual([8, 3, 5])
    expect(series(o)[1].data).toEqual([0, 2, 1])
  })

  it('turns the coverage rate into a percentage, or a dash without a base', () => {
    expect(coveragePercent(stats())).toBe(3)
    expect(coveragePercent(stats({ coverage: { industry_total_units: 3, current: 1, rate: 0.3333 } }))).toBe(33.3)
    const unset = stats({ coverage: { industry_total_units: null, current: 12, rate: null } })
    expect(coveragePercent(unset)).toBeNull()
    const g = series(gaugeOption(unset, texts))[0] as unknown as { data: { value: number }[]; detail: { formatter: string } }
    expect(g.data[0].value).toBe(0)
    expect(g.detail.formatter).toBe('—')
    const set = series(gaugeOption(stats(), texts))[0] as unknown as { data: { value: number }[]; detail: { formatter: string } }
    expect(set.data[0].value).toBe(3)
    expect(set.detail.formatter).toBe('{value}%')
  })
})
