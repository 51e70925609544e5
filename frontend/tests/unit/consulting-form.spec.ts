import { describe, expect, it } from 'vitest'
import { blankForm, bodyOf, formOf, overdue, planTotal, type ContractForm } from '@/modules/consulting/form'
import type { Contract } from '@/modules/consulting/types'

function filled(over: Partial<ContractForm> = {}): ContractForm {
  return {
    ...blankForm(),
    client_id: 3,
    service_id: 5,
    title: ' 冷链物流发展规划（政府购买服务） ',
    fee: '500,000.00',
    starts_on: '2026-03-01',
    ends_on: '2026-12-31',
    special_fund: true,
    team: ['张工', ' '],
    deliverables: [
      { title: '规划报告', due_on: '2026-10-31', metric: '通过专家评审', done: false },
      { title: '', due_on: '', metric: '', done: false },
    ],
    plan: [
      { due_on: '2026-03-15', amount: '200000' },
      { due_on: '2026-12-31', amount: '300000.00' },
    ],
    ...over,
  }
}

describe('contract form → request body', () => {
  it('sends fen, trims text and drops empty rows', () => {
    const { body, problems } = bodyOf(filled())
    expect(problems).toEqual({})
    expect(body).toMatchObject({
      client_id: 3,
      service_id: 5,
      title: '冷链物流发展规划（政府购买服务）',
      fee_fen: 50000000,
      special_fund: true,
      team: ['张工'],
      deliverables: [{ title: '规划报告', due_on: '2026-10-31', metric: '通过专家评审', done: false }],
      payment_plan: [
        { due_on: '2026-03-15', amount_fen: 20000000 },
        { due_on: '2026-12-31', amount_fen: 30000000 },
      ],
    })
  })

  it('catches a fee that is not an amount and a plan that does not add up', () => {
    expect(bodyOf(filled({ fee: '-1' })).problems.fee_fen).toBe('badAmount')
    expect(bodyOf(filled({ fee: '500000.001' })).body).toBeNull()
    const off = bodyOf(filled({ plan: [{ due_on: '2026-03-15', amount: '200000.01' }, { due_on: '2026-12-31', amount: '300000' }] }))
    expect(off.problems.payment_plan).toBe('planMismatch')
    expect(bodyOf(filled({ plan: [{ due_on: '2026-03-15', amount: 'x' }] })).problems.payment_plan).toBe('badAmount')
    expect(bodyOf(filled({ client_id: undefined })).problems.client_id).toBe('required')
  })

  it('adds the plan exactly (0.1 + 0.2 yuan is 30 fen)', () => {
    expect(planTotal({ plan: [{ due_on: '', amount: '0.1' }, { due_on: '', amount: '0.2' }] })).toBe(30)
    const { body } = bodyOf(filled({ fee: '0.3', plan: [{ due_on: '2026-04-01', amount: '0.1' }, { due_on: '2026-05-01', amount: '0.2' }] }))
    expect(body?.fee_fen).toBe(30)
  })

  it('fills the form back from a saved contract', () => {
    const c = {
      id: 1,
      contract_no: 'ZX2026-0001',
      client_id: 3,
      service_id: 5,
      title: 't',
      scope: '',
      team: ['张工'],
      fee_fen: 50000000,
      payment_plan: [{ due_on: '2026-03-15', amount_fen: 20000001 }],
      deliverables: [],
      confidentiality: '',
      ip_terms: '',
      data_protection: '',
      conflict_declarations: [],
      applicable_laws: '',
      starts_on: '2026-03-01',
      ends_on: '2026-12-31',
      foreign_client: false,
      special_fund: true,
      signed_on: null,
      signed_document: '',
      compliance_review: null,
    } satisfies Contract
    const f = formOf(c)
    expect(f.fee).toBe('500000.00')
    expect(f.plan[0].amount).toBe('200000.01')
  })

  it('flags an overdue deliverable (8.2.2.3)', () => {
    expect(overdue({ due_on: '2026-10-31', done: false }, '2026-11-01')).toBe(true)
    expect(overdue({ due_on: '2026-10-31', done: false }, '2026-10-31')).toBe(false)
    expect(overdue({ due_on: '2026-10-31', done: true }, '2026-11-01')).toBe(false)
  })
})
