import { describe, expect, it } from 'vitest'
import { createApp, nextTick } from 'vue'
import QRCode from 'qrcode'
import { GATE_ITEMS, emergencyMissing, gateClause, gateMissing, gateProgress, gateState, isLarge, missingFromMessage } from '@/modules/events/gate'
import { emptyDraft, registrationBody, registrationProblems, visibleFields } from '@/modules/events/registration'
import { addDays, daysOf, daysUntil, fromInstant, groupByDay, monthGrid, shiftMonth, toInstant } from '@/modules/events/calendar'
import { qrDataUrl, qrModules, qrSvg } from '@/modules/events/qr'
import QrCode from '@/modules/events/components/QrCode.vue'
import { i18n, registerMessages } from '@/shared/i18n'
import eventsModule from '@/modules/events'
import type { Check, EmergencyPlan, SafetyFiling } from '@/modules/events/types'

const unchecked: Check = { ok: false, checked_by: '', checked_at: null, note: '' }
const passed: Check = { ok: true, checked_by: 'admin', checked_at: '2026-11-25T08:00:00Z', note: '' }
const emptyPlan: EmergencyPlan = {
  public_safety: '',
  food_safety: '',
  medical: '',
  online_opinion: '',
  procedure: '',
  roles: [],
  venue_agreed: false,
  vendors_agreed: false,
}
const fullPlan: EmergencyPlan = {
  public_safety: '限流与分区',
  food_safety: '持证供餐',
  medical: '医疗点两处',
  online_opinion: '舆情专人值守',
  procedure: '发现—报告—处置—疏散',
  roles: [{ name: '王强', role: '总指挥', responsibility: '统一调度' }],
  venue_agreed: true,
  vendors_agreed: false,
}
const filing: SafetyFiling = { authority: '广州市公安局', filing_no: '穗公安备2026-118', filed_on: '2026-11-20', document: '' }

// What the server answered for a fresh large event (GET /events/:id gate_missing).
const SERVER_FRESH = [
  'emergency_plan.food_safety',
  'emergency_plan.medical',
  'emergency_plan.online_opinion',
  'emergency_plan.procedure',
  'emergency_plan.public_safety',
  'emergency_plan.roles',
  'emergency_plan.venue_agreed',
  'fire_inspection.equipment_valid',
  'fire_inspection.evacuation_signs',
  'fire_inspection.exits_clear',
  'safety_filing',
]

describe('safety gate mirror (8.2.1.4, 8.2.1.6)', () => {
  const fresh = {
    safety_filing: null,
    fire_inspection: { evacuation_signs: unchecked, exits_clear: unchecked, equipment_valid: unchecked },
    emergency_plan: emptyPlan,
  }

  it('lists every item of a fresh event, sorted like the server', () => {
    expect(gateMissing(fresh)).toEqual(SERVER_FRESH)
    expect([...GATE_ITEMS].sort()).toEqual(SERVER_FRESH)
  })

  it('clears items as the filing, inspection and plan come in', () => {
    expect(gateMissing({ ...fresh, safety_filing: filing })).not.toContain('safety_filing')
    expect(gateMissing({ ...fresh, safety_filing: { ...filing, filing_no: '  ' } })).toContain('safety_filing')
    const inspected = { ...fresh, fire_inspection: { evacuation_signs: passed, exits_clear: passed, equipment_valid: { ...passed, ok: false, note: '灭火器过期' } } }
    expect(gateMissing(inspected).filter((m) => m.startsWith('fire_'))).toEqual(['fire_inspection.equipment_valid'])
    expect(gateMissing({ safety_filing: filing, fire_inspection: { evacuation_signs: passed, exits_clear: passed, equipment_valid: passed }, emergency_plan: fullPlan })).toEqual([])
  })

  it('does not count the vendors’ agreement, but counts the venue’s and the roles', () => {
    expect(emergencyMissing({ ...fullPlan, vendors_agreed: false })).toEqual([])
    expect(emergencyMissing({ ...fullPlan, venue_agreed: false })).toEqual(['emergency_plan.venue_agreed'])
    expect(emergencyMissing({ ...fullPlan, roles: [], medical: '  ' })).toEqual(['emergency_plan.medical', 'emergency_plan.roles'])
  })

  it('knows a large event: exhibition, manual switch or expected ≥ 1000', () => {
    const base = { kind: 'forum', is_exhibition: false, manual_large: false, expected_attendance: 999 }
    expect(isLarge(base)).toBe(false)
    expect(isLarge({ ...base, expected_attendance: 1000 })).toBe(true)
    expect(isLarge({ ...base, kind: 'exhibition' })).toBe(true)
    expect(isLarge({ ...base, is_exhibition: true })).toBe(true)
    expect(isLarge({ ...base, manual_large: true })).toBe(true)
    expect(isLarge({ ...base, expected_attendance: 300 }, 200)).toBe(true)
  })

  it('says red, green or not required', () => {
    expect(gateState({ large: false, gate_missing: SERVER_FRESH })).toBe('not_applicable')
    expect(gateState({ large: true, gate_missing: SERVER_FRESH })).toBe('open')
    expect(gateState({ large: true, gate_missing: [] })).toBe('ready')
    expect(gateProgress(SERVER_FRESH)).toEqual({ done: 0, total: 11, percent: 0 })
    expect(gateProgress(['safety_filing'])).toEqual({ done: 10, total: 11, percent: 91 })
    expect(gateClause('emergency_plan.roles')).toBe('8.2.1.6')
    expect(gateClause('fire_inspection.exits_clear')).toBe('8.2.1.4')
  })

  it('reads the missing items out of the hold refusal in either language', () => {
    const zh = '大型活动安全条件未齐，不能举办和签到（8.2.1.4）：emergency_plan.roles, fire_inspection.exits_clear, safety_filing'
    expect(missingFromMessage(zh)).toEqual(['emergency_plan.roles', 'fire_inspection.exits_clear', 'safety_filing'])
    const en = "The large event's safety gate is incomplete; it cannot be held (8.2.1.4): emergency_plan.venue_agreed"
    expect(missingFromMessage(en)).toEqual(['emergency_plan.venue_agreed'])
    expect(missingFromMessage('活动未在进行中')).toEqual([])
  })
})

describe('registration form collects only the configured fields (8.2.1.3)', () => {
  it('shows the known optional fields the event collects, in form order', () => {
    expect(visibleFields(['email', 'company'])).toEqual(['company', 'email'])
    expect(visibleFields(['id_number', 'foo', 'title'])).toEqual(['title', 'id_number'])
    expect(visibleFields([])).toEqual([])
    expect(visibleFields(undefined)).toEqual([])
  })

  it('sends name, phone, consent and only configured, filled-in fields', () => {
    const d = { ...emptyDraft(), name: ' 王五 ', phone: '13800000001 ', consent: true, company: '甲公司', email: 'a@b.cn', title: '', id_number: '44010119900101123x' }
    expect(registrationBody(d, ['company'])).toEqual({ name: '王五', phone: '13800000001', consent: true, company: '甲公司' })
    expect(registrationBody(d, ['company', 'title', 'id_number'])).toEqual({
      name: '王五',
      phone: '13800000001',
      consent: true,
      company: '甲公司',
      id_number: '44010119900101123X',
    })
    expect(Object.keys(registrationBody(d, []))).toEqual(['name', 'phone', 'consent'])
  })

  it('mirrors the server’s checks', () => {
    const ok = { ...emptyDraft(), name: '王五', phone: '13800000001', consent: true }
    expect(registrationProblems(ok, [])).toEqual({})
    expect(registrationProblems({ ...ok, consent: false }, []).consent).toBe('events.reg.problem.consent')
    expect(registrationProblems({ ...ok, phone: '12' }, []).phone).toBe('events.reg.problem.phone')
    expect(registrationProblems({ ...ok, name: '' }, []).name).toBe('events.reg.problem.name')
    // A field the form does not collect is not checked (nor sent).
    expect(registrationProblems({ ...ok, email: 'bad' }, [])).toEqual({})
    expect(registrationProblems({ ...ok, email: 'bad' }, ['email']).email).toBe('events.reg.problem.email')
    expect(registrationProblems({ ...ok, id_number: '123' }, ['id_number']).id_number).toBe('events.reg.problem.idNumber')
  })
})

describe('calendar by Asia/Shanghai day', () => {
  it('builds six Monday-first weeks around the month', () => {
    const grid = monthGrid('2026-12')
    expect(grid).toHaveLength(42)
    expect(grid[0]).toBe('2026-11-30') // a Monday
    expect(grid).toContain('2026-12-31')
    expect(grid[41]).toBe('2027-01-10')
    expect(monthGrid('2026-02')[0]).toBe('2026-01-26')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('files an event under the Shanghai day, not the UTC one', () => {
    const late = { id: 1, starts_at: '2026-12-19T17:00:00Z', ends_at: '2026-12-19T19:00:00Z' }
    expect(daysOf(late)).toEqual(['2026-12-20'])
    const map = groupByDay([late])
    expect(map.get('2026-12-20')?.map((e) => e.id)).toEqual([1])
    expect(map.has('2026-12-19')).toBe(false)
  })

  it('spreads a multi-day event over its days, ordered by start, within the grid', () => {
    const fair = { id: 2, starts_at: '2026-12-20T01:00:00Z', ends_at: '2026-12-22T09:00:00Z' }
    const talk = { id: 3, starts_at: '2026-12-20T00:30:00Z', ends_at: '2026-12-20T02:00:00Z' }
    const midnight = { id: 4, starts_at: '2026-12-23T14:00:00Z', ends_at: '2026-12-23T16:00:00Z' } // 22:00–24:00 in Shanghai
    const map = groupByDay([fair, talk, midnight])
    expect(map.get('2026-12-20')?.map((e) => e.id)).toEqual([3, 2])
    expect(map.get('2026-12-21')?.map((e) => e.id)).toEqual([2])
    expect(map.get('2026-12-22')?.map((e) => e.id)).toEqual([2])
    expect(map.get('2026-12-23')?.map((e) => e.id)).toEqual([4])
    expect(map.has('2026-12-24')).toBe(false)
    expect([...groupByDay([fair], ['2026-12-21']).keys()]).toEqual(['2026-12-21'])
  })

  it('converts Shanghai wall-clock times to and from instants', () => {
    expect(toInstant('2026-12-20 09:00')).toBe('2026-12-20T09:00:00+08:00')
    expect(toInstant('')).toBe('')
    expect(fromInstant('2026-12-20T01:00:00Z')).toBe('2026-12-20 09:00')
    expect(fromInstant('2026-12-19T17:30:00Z')).toBe('2026-12-20 01:30')
    expect(new Date(toInstant(fromInstant('2026-12-19T17:30:00Z'))).toISOString()).toBe('2026-12-19T17:30:00.000Z')
    expect(daysUntil('2026-12-19T17:00:00Z', '2026-12-18')).toBe(2)
    expect(daysUntil('2026-12-18T01:00:00Z', '2026-12-18')).toBe(0)
  })
})

describe('QR codes of check-in codes', () => {
  it('draws an SVG in the browser that carries the code', async () => {
    const svg = await qrSvg('AHXGLY3N')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('<path')
    expect(qrModules('AHXGLY3N')).toBe(21) // version 1
    const segs = QRCode.create('AHXGLY3N', { errorCorrectionLevel: 'M' }).segments
    expect(segs.map((s) => (s as unknown as { data: string }).data).join('')).toBe('AHXGLY3N')
    expect(await qrDataUrl('AHXGLY3N')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
  })

  it('renders the QrCode component with the image and the code', async () => {
    registerMessages(eventsModule.messages!)
    const host = document.createElement('div')
    document.body.appendChild(host)
    const app = createApp(QrCode, { code: 'Y2DJDUUN', size: 120 })
    app.use(i18n)
    app.mount(host)
    for (let i = 0; i < 10 && !host.querySelector('img'); i++) {
      await new Promise((r) => setTimeout(r, 10))
      await nextTick()
    }
    const img = host.querySelector('img[data-testid="qr-image"]') as HTMLImageElement | null
    expect(img).not.toBeNull()
    expect(img!.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    expect(img!.getAttribute('alt')).toContain('Y2DJDUUN')
    expect(host.querySelector('[data-testid="qr-caption"]')?.textContent).toBe('Y2DJDUUN')
    app.unmount()
    host.remove()
  })
})
