import type { EChartsCoreOption } from 'echarts/core'
import { STATUSES, type CountRow, type MemberStats, type MemberStatus } from './types'
import { STATUS_COLOR } from './labels'

/**
 * Pure mappings from GET /members/stats to ECharts options, so the charts can be
 * tested without a canvas. Texts come in through StatsTexts (the UI language).
 */
export interface StatsTexts {
  status: (key: MemberStatus) => string
  /** The label of a blank key (a unit that left the field empty). */
  unset: string
  /** Name of the bucket that gathers what is beyond a chart's top entries. */
  others: string
  count: string
  joined: string
  left: string
  coverage: string
}

export const CHART_FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
export const PALETTE = ['#1f5fae', '#2f8a67', '#c07a1e', '#6a4fb3', '#b3282d', '#2b8fb3', '#8a6d3b', '#5b6b82']
const AXIS = { lineStyle: { color: '#dcdfe6' } }
const LABEL_COLOR = '#4b5565'

function rowLabel(r: CountRow, texts: StatsTexts): string {
  const l = (r.label || r.key).trim()
  return l || texts.unset
}

/**
 * topRows keeps the `limit` largest rows (ties by label) and gathers the rest into
 * one "others" row, so a long tail does not crowd a chart.
 */
export function topRows(rows: readonly CountRow[], limit: number, texts: StatsTexts): { name: string; value: number }[] {
  const sorted = [...rows]
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || rowLabel(a, texts).localeCompare(rowLabel(b, texts)))
  const head = sorted.slice(0, limit).map((r) => ({ name: rowLabel(r, texts), value: r.count }))
  const rest = sorted.slice(limit).reduce((n, r) => n + r.count, 0)
  if (rest > 0) head.push({ name: texts.others, value: rest })
  return head
}

/** pieOption: a ring of counts with the total in its middle. */
export function pieOption(rows: readonly CountRow[], texts: StatsTexts, limit = 7): EChartsCoreOption {
  const data = topRows(rows, limit, texts)
  const total = data.reduce((n, d) => n + d.value, 0)
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll', icon: 'circle', itemWidth: 8, itemHeight: 8 },
    title: {
      text: String(total),
      subtext: texts.count,
      left: 'center',
      top: '33%',
      textStyle: { fontSize: 22, fontWeight: 600, color: '#1d2633' },
      subtextStyle: { fontSize: 12, color: '#8a94a6' },
    },
    series: [
      {
        type: 'pie',
        radius: ['46%', '68%'],
        center: ['50%', '44%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: true, formatter: '{c}', color: LABEL_COLOR },
        data,
      },
    ],
  }
}

/** statusOption: one bar per lifecycle state, in lifecycle order, coloured like the tags. */
export function statusOption(stats: MemberStats, texts: StatsTexts): EChartsCoreOption {
  const count = (s: MemberStatus) => stats.by_status.find((r) => r.key === s)?.count ?? 0
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: STATUSES.map((s) => texts.status(s)),
      axisTick: { show: false },
      axisLine: AXIS,
      axisLabel: { color: LABEL_COLOR },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'bar',
        name: texts.count,
        barMaxWidth: 34,
        label: { show: true, position: 'top', color: LABEL_COLOR },
        data: STATUSES.map((s) => ({ value: count(s), itemStyle: { color: STATUS_COLOR[s], borderRadius: [4, 4, 0, 0] } })),
      },
    ],
  }
}

/** barOption: horizontal bars of the largest groups, biggest on top. */
export function barOption(rows: readonly CountRow[], texts: StatsTexts, color = PALETTE[0], limit = 8): EChartsCoreOption {
  const data = topRows(rows, limit, texts).reverse()
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: {
      type: 'category',
      data: data.map((d) => d.name),
      axisTick: { show: false },
      axisLine: AXIS,
      axisLabel: { color: LABEL_COLOR, width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: texts.count,
        data: data.map((d) => d.value),
        barMaxWidth: 16,
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: LABEL_COLOR },
      },
    ],
  }
}

/** trendOption: units joined and left per year, oldest year first. */
export function trendOption(stats: MemberStats, texts: StatsTexts): EChartsCoreOption {
  const years = [...stats.trend].sort((a, b) => a.year - b.year)
  return {
    textStyle: { fontFamily: CHART_FONT },
    color: ['#1f5fae', '#c9a86a'],
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, right: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: years.map((y) => String(y.year)),
      axisTick: { show: false },
      axisLine: AXIS,
      axisLabel: { color: LABEL_COLOR },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'bar',
        name: texts.joined,
        barMaxWidth: 22,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: LABEL_COLOR },
        data: years.map((y) => y.joined),
      },
      {
        type: 'bar',
        name: texts.left,
        barMaxWidth: 22,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: LABEL_COLOR },
        data: years.map((y) => y.left),
      },
    ],
  }
}

/** coveragePercent is the coverage rate in percent with one decimal, or null without a base. */
export function coveragePercent(stats: MemberStats): number | null {
  const c = stats.coverage
  if (c.rate === null || c.rate === undefined || !c.industry_total_units) return null
  return Math.round(c.rate * 1000) / 10
}

/** gaugeOption: the share of the industry's units that are members. */
export function gaugeOption(stats: MemberStats, texts: StatsTexts): EChartsCoreOption {
  const pct = coveragePercent(stats)
  return {
    textStyle: { fontFamily: CHART_FONT },
    series: [
      {
        type: 'gauge',
        name: texts.coverage,
        min: 0,
        max: 100,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        // The progress arc stays in the option (toggling it breaks ECharts' update); an
        // unset rate draws it transparent so no cap dot shows at zero.
        progress: { show: true, width: 14, roundCap: true, itemStyle: { color: pct ? '#1f5fae' : 'rgba(0,0,0,0)' } },
        axisLine: { lineStyle: { width: 14, color: [[1, '#e9eff7']] }, roundCap: true },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '34%'], color: '#8a94a6', fontSize: 12 },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '-4%'],
          fontSize: 26,
          fontWeight: 600,
          color: '#1d2633',
          formatter: pct === null ? '—' : '{value}%',
        },
        data: [{ value: pct ?? 0, name: texts.coverage }],
      },
    ],
  }
}
