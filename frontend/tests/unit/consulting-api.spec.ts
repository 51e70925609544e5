import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ApiError } from '@/shared/api'
import { businessScope, consultingPaths, contractsApi, servicesApi } from '@/modules/consulting/api'
import { can, CONSULTING_ROLES } from '@/modules/consulting/permissions'
import consulting from '@/modules/consulting'
import messages from '@/modules/consulting/i18n'
import { CATEGORIES, CLIENT_KINDS, STAGES } from '@/modules/consulting/types'

function stubFetch(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined })
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return calls
}

afterEach(() => vi.unstubAllGlobals())

describe('consulting API client', () => {
  it('uses the routes of api/server.go', () => {
    expect(consultingPaths.services).toBe('/consulting/services')
    expect(consultingPaths.export).toBe('/consulting/contracts/export.xlsx')
    expect(consultingPaths.stages(7)).toBe('/consulting/contracts/7/stages')
    expect(consultingPaths.compliance(7)).toBe('/consulting/contracts/7/compliance-review')
    expect(consultingPaths.sign(7)).toBe('/consulting/contracts/7/sign')
    expect(consultingPaths.budget(7)).toBe('/consulting/contracts/7/budget')
    expect(consultingPaths.expenses(7)).toBe('/consulting/contracts/7/expenses')
    expect(consultingPaths.receipts(7)).toBe('/consulting/contracts/7/receipts')
  })

  it('posts a stage and puts a compliance review with the right verbs', async () => {
    const calls = stubFetch(201, { items: [] })
    await contractsApi.addStage(7, { stage: 'planning', summary: '方案', skip_reason: '已有可研' })
    await contractsApi.review(7, { reviewer: '法律顾问', reviewed_on: '2026-03-05', approved: true, conclusion: '通过' })
    await contractsApi.list({ page: 2, page_size: 20 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/consulting/contracts/7/stages',
      'PUT /api/v1/consulting/contracts/7/compliance-review',
      'GET /api/v1/consulting/contracts?page=2&page_size=20',
    ])
    expect(calls[0].body).toEqual({ stage: 'planning', summary: '方案', skip_reason: '已有可研' })
  })

  it('puts a deliverable as delivered by its position in the contract', async () => {
    const calls = stubFetch(200, { id: 7, deliverables: [{ title: '报告', done: true }] })
    await contractsApi.markDeliverable(7, 0, true)
    expect(consultingPaths.deliverable(7, 0)).toBe('/consulting/contracts/7/deliverables/0')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PUT /api/v1/consulting/contracts/7/deliverables/0'])
    expect(calls[0].body).toEqual({ done: true })
  })

  it('turns a refusal into an ApiError carrying the clause', async () => {
    stubFetch(422, { error: { code: 'contract.over_budget', message: '支出超出预算科目', clause: '7.3.2.2' } })
    const err = await contractsApi.addExpense(7, { line_id: 1, amount_fen: 400001, spent_on: '2026-06-01', description: '超支' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('contract.over_budget')
    expect(err.clause).toBe('7.3.2.2')
    stubFetch(422, { error: { code: 'consulting.out_of_scope', message: '不在范围内', clause: '8.2.2.1' } })
    const out = await servicesApi.create({ name: 'x', category: 'management', scope_item: '物业', description: '', fee_basis: '', active: true }).catch((e) => e)
    expect(out.clause).toBe('8.2.2.1')
  })

  it('reads the business scope, empty when the profile is not set', async () => {
    stubFetch(200, { configured: true, association: { business_scope: ['咨询服务'] } })
    expect(await businessScope()).toEqual(['咨询服务'])
    stubFetch(200, { configured: false })
    expect(await businessScope()).toEqual([])
  })
})

describe('consulting permissions mirror configs/policy.csv', () => {
  const policy = readFileSync(resolve(__dirname, '../../../configs/policy.csv'), 'utf8')
    .split('\n')
    .map((l) => l.split(',').map((x) => x.trim()))
    .filter((p) => p[0] === 'p' && p[2]?.startsWith('/api/v1/consulting'))
  const rolesFor = (path: string, method: string) =>
    policy.filter((p) => p[2] === path && p[3] === method).map((p) => p[1]).sort()

  it('matches who reads, manages and records money', () => {
    expect(rolesFor('/api/v1/consulting/contracts', 'GET')).toEqual([...CONSULTING_ROLES.read].sort())
    expect(rolesFor('/api/v1/consulting/contracts/export.xlsx', 'GET')).toEqual([...CONSULTING_ROLES.read].sort())
    for (const [path, method] of [
      ['/api/v1/consulting/services', 'POST'],
      ['/api/v1/consulting/contracts', 'POST'],
      ['/api/v1/consulting/contracts/:id/stages', 'POST'],
      ['/api/v1/consulting/contracts/:id/compliance-review', 'PUT'],
      ['/api/v1/consulting/contracts/:id/sign', 'POST'],
    ]) {
      expect(rolesFor(path, method), `${method} ${path}`).toEqual([...CONSULTING_ROLES.manage].sort())
    }
    for (const path of ['budget', 'expenses', 'receipts']) {
      expect(rolesFor(`/api/v1/consulting/contracts/:id/${path}`, 'POST'), path).toEqual([...CONSULTING_ROLES.money].sort())
    }
  })

  it('answers for roles', () => {
    expect(can(['secretariat'], 'manage')).toBe(true)
    expect(can(['finance'], 'manage')).toBe(false)
    expect(can(['finance'], 'money')).toBe(true)
    expect(can(['admin'], 'money')).toBe(false)
    expect(can(['evaluator'], 'read')).toBe(true)
    expect(can(['member'], 'read')).toBe(false)
  })

  it('opens the console pages to console readers only', () => {
    for (const r of consulting.routes ?? []) {
      expect(r.path.startsWith('/console/consulting/')).toBe(true)
      expect(r.meta?.roles).toEqual(['admin', 'secretariat', 'finance'])
    }
  })
})

describe('consulting labels', () => {
  const zh = messages['zh-CN'].consulting as Record<string, Record<string, unknown>>
  const en = messages.en.consulting as Record<string, Record<string, unknown>>

  it('names every category, client kind and stage in both languages', () => {
    for (const [group, codes] of [
      ['category', CATEGORIES],
      ['clientKind', CLIENT_KINDS],
      ['stage', STAGES],
    ] as const) {
      for (const c of codes) {
        expect(zh[group][c], `zh ${group}.${c}`).toBeTruthy()
        expect(en[group][c], `en ${group}.${c}`).toBeTruthy()
      }
    }
    expect(zh.stage.performance_evaluation).toBe('绩效评价')
    expect(zh.category.sme_quality).toBe('中小微企业质量提升')
  })

  it('has the same keys in Chinese and English', () => {
    const keys = (o: unknown, p = ''): string[] =>
      typeof o === 'object' && o !== null
        ? Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k))
        : [p]
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })
})
