import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, NETWORK_ERROR } from '@/shared/api'
import { compactYuan, fenToChineseUpper, fenToYuanInput, formatBp, yuanToFen } from '@/modules/fees/money'
import { mainUseShare, MAIN_USE_THRESHOLD_BP } from '@/modules/fees/share'
import { fingerprint, idempotencyKeeper, uuid4 } from '@/modules/fees/idempotency'
import { createPayment } from '@/modules/fees/api'
import {
  awaiting,
  disclosureActions,
  disclosureDeadline,
  disclosureSteps,
  latestByYear,
  versionsOf,
} from '@/modules/fees/disclosure'
import type { Disclosure, DisclosureStatus, PaymentBody } from '@/modules/fees/types'

describe('yuan typed in a form becomes integer fen without floats', () => {
  it('reads yuan with up to two decimals', () => {
    expect(yuanToFen('1234.5')).toEqual({ ok: true, fen: 123450 })
    expect(yuanToFen('1234.56')).toEqual({ ok: true, fen: 123456 })
    expect(yuanToFen('2000')).toEqual({ ok: true, fen: 200000 })
    expect(yuanToFen('1,234.5')).toEqual({ ok: true, fen: 123450 })
    expect(yuanToFen(' ¥ 800 ')).toEqual({ ok: true, fen: 80000 })
    expect(yuanToFen('12.')).toEqual({ ok: true, fen: 1200 })
    expect(yuanToFen('.5')).toEqual({ ok: true, fen: 50 })
    expect(yuanToFen('0.05')).toEqual({ ok: true, fen: 5 })
  })

  it('is exact where multiplying a float by 100 is not', () => {
    // 0.29 * 100 === 28.999999999999996 and 4.35 * 100 === 434.99999999999994 in binary floats.
    expect(yuanToFen('0.29')).toEqual({ ok: true, fen: 29 })
    expect(yuanToFen('4.35')).toEqual({ ok: true, fen: 435 })
    expect(yuanToFen('1.15')).toEqual({ ok: true, fen: 115 })
    expect(yuanToFen('90071992547409.91')).toEqual({ ok: true, fen: 9007199254740991 })
  })

  it('refuses three decimals instead of rounding, and other bad input', () => {
    expect(yuanToFen('1234.567')).toEqual({ ok: false, error: 'decimals' })
    expect(yuanToFen('0.001')).toEqual({ ok: false, error: 'decimals' })
    expect(yuanToFen('')).toEqual({ ok: false, error: 'required' })
    expect(yuanToFen('  ')).toEqual({ ok: false, error: 'required' })
    expect(yuanToFen('abc')).toEqual({ ok: false, error: 'format' })
    expect(yuanToFen('1e3')).toEqual({ ok: false, error: 'format' })
    expect(yuanToFen('.')).toEqual({ ok: false, error: 'format' })
    expect(yuanToFen('1.2.3')).toEqual({ ok: false, error: 'format' })
    expect(yuanToFen('-5')).toEqual({ ok: false, error: 'positive' })
    expect(yuanToFen('0')).toEqual({ ok: false, error: 'positive' })
    expect(yuanToFen('0', { allowZero: true })).toEqual({ ok: true, fen: 0 })
    expect(yuanToFen('90071992547409.92')).toEqual({ ok: false, error: 'tooLarge' })
  })

  it('writes fen back for an input box and formats shares', () => {
    expect(fenToYuanInput(123450)).toBe('1234.50')
    expect(fenToYuanInput(5)).toBe('0.05')
    expect(fenToYuanInput(-5)).toBe('-0.05')
    expect(fenToYuanInput(800000)).toBe('8000.00')
    for (const s of ['0.01', '1234.5', '99.99', '100000']) {
      const r = yuanToFen(s)
      expect(r.ok && yuanToFen(fenToYuanInput(r.fen))).toEqual(r)
    }
    expect(formatBp(7498)).toBe('74.98%')
    expect(formatBp(5000)).toBe('50.00%')
    expect(formatBp(5)).toBe('0.05%')
    expect(formatBp(null)).toBe('—')
    expect(compactYuan(40000000)).toBe('40万')
    expect(compactYuan(12345600)).toBe('12.3万')
    expect(compactYuan(125000)).toBe('1,250')
    expect(compactYuan(40000000, 'en')).toBe('400k')
    expect(compactYuan(12345600, 'en')).toBe('123.4k')
    expect(compactYuan(250000000, 'en')).toBe('2.5M')
    expect(compactYuan(125000, 'en')).toBe('1,250')
  })

  it('states amounts in words as receipts do', () => {
    expect(fenToChineseUpper(123450)).toBe('壹仟贰佰叁拾肆元伍角整')
    expect(fenToChineseUpper(100005)).toBe('壹仟元零伍分')
    expect(fenToChineseUpper(800000)).toBe('捌仟元整')
    expect(fenToChineseUpper(5000000)).toBe('伍万元整')
    expect(fenToChineseUpper(10000001)).toBe('壹拾万元零壹分')
    expect(fenToChineseUpper(100010000)).toBe('壹佰万零壹佰元整')
    expect(fenToChineseUpper(101000)).toBe('壹仟零壹拾元整')
    expect(fenToChineseUpper(1000000000000)).toBe('壹佰亿元整')
    expect(fenToChineseUpper(50)).toBe('伍角整')
    expect(fenToChineseUpper(5)).toBe('伍分')
    expect(fenToChineseUpper(0)).toBe('零元整')
    expect(fenToChineseUpper(-200000)).toBe('负贰仟元整')
  })
})

describe('main-use share against the 50% line (8.1.1.3, R-8.1.1.3-c)', () => {
  it('counts member services and business activities over all expenses, floored like the server', () => {
    const s = mainUseShare({ member_service: 3, business_activity: 2, administration: 4, other: 1 })
    expect(s).toMatchObject({ mainFen: 5, totalFen: 10, bp: 5000, meets: true, marginBp: 0, thresholdBp: MAIN_USE_THRESHOLD_BP })
    expect(mainUseShare({ member_service: 1, administration: 2 }).bp).toBe(3333)
    expect(mainUseShare({ member_service: 4999, administration: 5001 })).toMatchObject({ bp: 4999, meets: false, marginBp: -1 })
  })

  it('has no share without expenses', () => {
    expect(mainUseShare({})).toMatchObject({ bp: null, meets: null, marginBp: null })
    expect(mainUseShare(null).bp).toBeNull()
  })

  it('matches the demo ledger and stays exact for large sums', () => {
    const demo = { administration: 26257407, business_activity: 37222412, member_service: 48954730, other: 2495286 }
    expect(mainUseShare(demo).bp).toBe(7498)
    const big = 4_000_000_000_000_000
    expect(mainUseShare({ member_service: big, administration: big }).bp).toBe(5000)
  })

  it('honours another threshold', () => {
    expect(mainUseShare({ member_service: 6, other: 4 }, 7000).meets).toBe(false)
  })
})

function disclosure(year: number, version: number, status: DisclosureStatus, extra: Partial<Disclosure> = {}): Disclosure {
  const steps: Record<DisclosureStatus, Partial<Disclosure>> = {
    draft: { author: 'caiwu' },
    verified: { author: 'caiwu', verifier: 'mishu' },
    approved: { author: 'caiwu', verifier: 'mishu', approver: 'huizhang' },
    published: { author: 'caiwu', verifier: 'mishu', approver: 'huizhang', published_at: '2026-03-01T02:00:00Z' },
    replaced: { author: 'caiwu', verifier: 'mishu', approver: 'huizhang', published_at: '2026-03-01T02:00:00Z' },
  }
  return {
    year,
    version,
    status,
    tiers: [],
    billed_fen: 0,
    collected_fen: 0,
    collection_rate_bp: 0,
    income_fen: 0,
    expense_fen: 0,
    expenses_by_category: {},
    brought_forward_fen: 0,
    carried_forward_fen: 0,
    main_use_share_bp: null,
    change_note: '',
    author: '',
    verifier: '',
    approver: '',
    published_at: null,
    ...steps[status],
    ...extra,
  }
}

describe('disclosure stepper state', () => {
  it('starts at the draft step when nothing is drafted', () => {
    const s = disclosureSteps(null)
    expect(s.active).toBe(0)
    expect(s.finished).toBe(false)
    expect(s.steps.map((x) => x.state)).toEqual(['current', 'waiting', 'waiting', 'waiting'])
  })

  it('marks each step done with who did it', () => {
    const draft = disclosureSteps(disclosure(2026, 1, 'draft'))
    expect(draft.active).toBe(1)
    expect(draft.steps.map((x) => [x.key, x.state, x.by])).toEqual([
      ['draft', 'done', 'caiwu'],
      ['verify', 'current', ''],
      ['approve', 'waiting', ''],
      ['publish', 'waiting', ''],
    ])
    const approved = disclosureSteps(disclosure(2026, 1, 'approved'))
    expect(approved.active).toBe(3)
    expect(approved.steps.map((x) => x.by)).toEqual(['caiwu', 'mishu', 'huizhang', ''])
    expect(approved.steps[3].state).toBe('current')
  })

  it('finishes on publication with its time, also for a replaced version', () => {
    for (const status of ['published', 'replaced'] as const) {
      const s = disclosureSteps(disclosure(2025, 1, status))
      expect(s.finished).toBe(true)
      expect(s.active).toBe(4)
      expect(s.steps.every((x) => x.state === 'done')).toBe(true)
      expect(s.steps[3].at).toBe('2026-03-01T02:00:00Z')
    }
  })

  it('offers each role its next step and blocks the author (7.3.4.3)', () => {
    const draft = disclosure(2026, 1, 'draft')
    expect(disclosureActions(draft, ['finance'], 'caiwu')).toEqual([{ action: 'verify', blocked: 'author' }, { action: 'draft' }])
    expect(disclosureActions(draft, ['finance'], 'caiwu2')).toEqual([{ action: 'verify' }, { action: 'draft' }])
    expect(disclosureActions(draft, ['secretariat'], 'mishu')).toEqual([{ action: 'verify' }])
    expect(disclosureActions(draft, ['supervisor'], 'jianshi')).toEqual([{ action: 'verify' }])
    expect(disclosureActions(draft, ['board'], 'huizhang')).toEqual([])
    const verified = disclosure(2026, 1, 'verified')
    expect(disclosureActions(verified, ['board'], 'huizhang')).toEqual([{ action: 'approve' }])
    expect(disclosureActions(verified, ['secretariat'], 'mishu')).toEqual([])
    expect(disclosureActions(disclosure(2026, 1, 'approved'), ['secretariat'], 'mishu')).toEqual([{ action: 'publish' }])
    expect(disclosureActions(disclosure(2026, 1, 'approved'), ['board'], 'huizhang')).toEqual([])
    expect(disclosureActions(disclosure(2026, 1, 'published'), ['finance'], 'caiwu')).toEqual([{ action: 'revise' }])
    expect(disclosureActions(disclosure(2026, 1, 'published'), ['admin'], 'admin')).toEqual([])
    expect(disclosureActions(null, ['finance'], 'caiwu')).toEqual([{ action: 'draft' }])
    expect(disclosureActions(null, ['secretariat'], 'mishu')).toEqual([])
  })

  it('picks the latest version per year and what waits for whom', () => {
    const all = [
      disclosure(2024, 1, 'published'),
      disclosure(2025, 1, 'replaced'),
      disclosure(2025, 2, 'verified', { change_note: '更正支出分类' }),
      disclosure(2026, 1, 'draft'),
    ]
    expect(latestByYear(all).map((d) => [d.year, d.version])).toEqual([
      [2026, 1],
      [2025, 2],
      [2024, 1],
    ])
    expect(versionsOf(all, 2025).map((d) => d.version)).toEqual([2, 1])
    expect(awaiting(all, ['board'], 'huizhang').map((d) => d.year)).toEqual([2025])
    expect(awaiting(all, ['supervisor'], 'jianshi').map((d) => d.year)).toEqual([2026])
    expect(awaiting(all, ['finance'], 'caiwu').map((d) => d.year)).toEqual([])
    expect(disclosureDeadline(2025)).toBe('2026-06-30')
  })
})

describe('payment idempotency keys', () => {
  const body: PaymentBody = { bill_id: 7, amount_fen: 200000, method: 'bank_transfer', paid_on: '2026-03-05', reference: 'BANK-1' }

  afterEach(() => vi.unstubAllGlobals())

  it('builds random v4 UUIDs', () => {
    const a = uuid4()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuid4()).not.toBe(a)
    expect(uuid4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000')
  })

  it('keeps the key for a retry of the same body, whatever the field order', () => {
    let n = 0
    const keeper = idempotencyKeeper(() => `k${++n}`)
    expect(keeper.keyFor(body)).toBe('k1')
    expect(keeper.keyFor({ ...body })).toBe('k1')
    expect(keeper.keyFor({ reference: 'BANK-1', paid_on: '2026-03-05', method: 'bank_transfer', amount_fen: 200000, bill_id: 7 })).toBe('k1')
    expect(fingerprint({ b: 1, a: [{ d: 2, c: 1 }] })).toBe(fingerprint({ a: [{ c: 1, d: 2 }], b: 1 }))
  })

  it('takes a new key when the payment changes or after success', () => {
    let n = 0
    const keeper = idempotencyKeeper(() => `k${++n}`)
    expect(keeper.keyFor(body)).toBe('k1')
    expect(keeper.keyFor({ ...body, amount_fen: 100000 })).toBe('k2')
    keeper.succeeded()
    expect(keeper.pending).toBeNull()
    expect(keeper.keyFor({ ...body, amount_fen: 100000 })).toBe('k3')
  })

  it('sends the same Idempotency-Key when a payment is retried after a network failure', async () => {
    const keys: string[] = []
    const payment = { id: 9, receipt_no: 'SJ2026-000001', bill_id: 7, amount_fen: 200000 }
    let calls = 0
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        keys.push((init.headers as Record<string, string>)['Idempotency-Key'])
        calls++
        if (calls === 1) throw new TypeError('Failed to fetch')
        if (calls === 2) return new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 503 })
        return new Response(JSON.stringify(payment), { status: 201, headers: { 'Content-Type': 'application/json' } })
      }),
    )
    const keeper = idempotencyKeeper()
    const first = await createPayment(body, keeper).catch((e: unknown) => e)
    expect(first).toBeInstanceOf(ApiError)
    expect((first as ApiError).code).toBe(NETWORK_ERROR)
    const second = await createPayment(body, keeper).catch((e: unknown) => e)
    expect((second as ApiError).status).toBe(503)
    expect(await createPayment(body, keeper)).toEqual(payment)
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)

    // The next payment, even for the same bill and amount, is a new one.
    await createPayment(body, keeper)
    expect(keys[3]).not.toBe(keys[0])
  })
})
