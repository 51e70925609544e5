import { describe, expect, it } from 'vitest'
import {
  applicationProblems,
  checkPhone,
  checkUscc,
  contactProblem,
  rosterChecklist,
  type ApplicationForm,
} from '@/modules/member/rules'
import { usccCheckChar } from '@/modules/member/uscc'

const blankPerson = () => ({ name: '', phone: '' })

function form(patch: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    name: '广州速达物流有限公司',
    uscc: '91350100M000100Y43',
    unit_type: 'company',
    tier_id: 1,
    charter_accepted: true,
    overseas: false,
    council_unit: false,
    channel: 'paper',
    applied_on: '2026-03-01',
    address: '',
    legal_representative: blankPerson(),
    member_representative: blankPerson(),
    council_representative: blankPerson(),
    contacts: [],
    industry: '',
    chain_segment: '',
    region: '',
    ...patch,
  }
}

describe('application form mirrors the server (8.1.2.1)', () => {
  it('accepts a minimal application: the roster can come later', () => {
    expect(applicationProblems(form())).toEqual({})
  })

  it('requires name, code, type, tier, channel and the charter', () => {
    const p = applicationProblems(
      form({ name: ' ', uscc: '', unit_type: '', tier_id: null, channel: '', charter_accepted: false }),
    )
    expect(p).toEqual({
      name: 'validation.required',
      uscc: 'validation.required',
      unit_type: 'validation.requiredSelect',
      tier_id: 'validation.requiredSelect',
      channel: 'validation.requiredSelect',
      charter_accepted: 'member.rules.charter',
    })
  })

  it('refuses units that are not legal persons, state organs and overseas organisations', () => {
    for (const t of ['branch_company', 'partnership', 'sole_proprietorship', 'individual_business', 'state_organ']) {
      expect(applicationProblems(form({ unit_type: t })).unit_type, t).toBe('member.rules.unitTypeRefused')
    }
    for (const t of ['company', 'public_institution', 'social_organisation', 'private_non_enterprise', 'cooperative']) {
      expect(applicationProblems(form({ unit_type: t })).unit_type, t).toBeUndefined()
    }
    expect(applicationProblems(form({ overseas: true })).overseas).toBe('member.rules.overseas')
  })

  it('explains a wrong code, and codes of state organs and individual businesses', () => {
    expect(checkUscc('91350100M000100Y44')?.key).toBe('member.rules.uscc.check')
    expect(checkUscc('9135')?.key).toBe('member.rules.uscc.length')
    const organ = '11100000000000000'
    expect(checkUscc(organ + usccCheckChar(organ))?.key).toBe('member.rules.usccRefused.state_organ')
    const shop = '92440101MA5C00000'
    expect(checkUscc(shop + usccCheckChar(shop))?.key).toBe('member.rules.usccRefused.individual_business')
    expect(checkUscc('91350100M000100Y43')).toBeNull()
  })

  it('checks phone and email formats like the server', () => {
    expect(checkPhone('13800000001')).toBeNull()
    expect(checkPhone('020-8000 0000')).toBeNull()
    expect(checkPhone('+86 (20) 8000-0000')).toBeNull()
    expect(checkPhone('1234')?.key).toBe('member.rules.phone')
    expect(checkPhone('138-abc')?.key).toBe('member.rules.phone')
    expect(checkPhone('')).toBeNull()
    expect(applicationProblems(form({ legal_representative: { name: '张三', phone: 'x' } }))['legal_representative.phone']).toBe(
      'member.rules.phone',
    )
  })

  it('checks contacts: a name always, a phone or email when the roster must be complete', () => {
    const c = { name: '王五', title: '主任', phone: '', email: '' }
    expect(contactProblem(c, false)).toBeNull()
    expect(contactProblem(c, true)).toBe('member.rules.contactReach')
    expect(contactProblem({ ...c, email: 'w@example.com' }, true)).toBeNull()
    expect(contactProblem({ ...c, email: 'not-an-email' }, false)).toBe('member.rules.email')
    expect(contactProblem({ ...c, name: ' ' }, false)).toBe('member.rules.contactName')
    expect(applicationProblems(form({ contacts: [{ ...c, name: '' }] })).contacts).toBe('member.rules.contactName')
  })

  it('limits the short texts to 64 characters', () => {
    expect(applicationProblems(form({ region: '广'.repeat(64) })).region).toBeUndefined()
    expect(applicationProblems(form({ region: '广'.repeat(65) })).region).toBe('validation.maxLength')
  })
})

describe('approval checklist (8.1.2.3)', () => {
  const complete = {
    council_unit: false,
    address: '广州市黄埔区科学大道 1 号',
    legal_representative: { name: '张三', phone: '13800000001' },
    member_representative: { name: '李四', phone: '13900000002' },
    council_representative: null,
    contacts: [{ name: '王五', title: '主任', phone: '020-80000000', email: '' }],
  }

  it('is all ticked for a complete roster, without the council line for other units', () => {
    const items = rosterChecklist(complete)
    expect(items.map((i) => i.key)).toEqual([
      'address',
      'legal_representative.name',
      'legal_representative.phone',
      'member_representative.name',
      'member_representative.phone',
      'contacts',
    ])
    expect(items.every((i) => i.ok)).toBe(true)
  })

  it('flags what is missing, including an unreachable contact and the council representative', () => {
    const items = rosterChecklist({
      ...complete,
      council_unit: true,
      address: ' ',
      contacts: [{ name: '王五', title: '', phone: '', email: '' }],
    })
    const missing = items.filter((i) => !i.ok).map((i) => i.key)
    expect(missing).toEqual(['address', 'contacts', 'council_representative'])
  })

  it("follows the server's answer when it names fields", () => {
    const items = rosterChecklist(complete, ['legal_representative.phone', 'council_representative'])
    expect(items.filter((i) => !i.ok).map((i) => i.key)).toEqual(['legal_representative.phone', 'council_representative'])
  })
})
