import { describe, expect, it } from 'vitest'
import { ApiError } from '@/shared/api/client'
import {
  addDays,
  appealDeadline,
  checkAppeal,
  checkDecision,
  checkProposal,
  checkRecord,
  checkReview,
  evidenceFor,
  refusal,
  splitEvidence,
  unitActions,
} from '@/modules/credit/rules'
import type { CreditRecord, Entry, ListRule, ProposalBody, RecordBody } from '@/modules/credit/types'

const TODAY = '2026-03-10'

function record(id: number, member_id: number, polarity: 'positive' | 'negative'): CreditRecord {
  return {
    id,
    member_id,
    member_name: 'x',
    polarity,
    category: polarity === 'negative' ? 'court_judgment' : 'award',
    occurred_on: '2026-01-15',
    source: 's',
    severity: 'high',
    summary: 's',
    evidence: [],
    recorded_by: 'clerk',
    created_at: '2026-01-15T00:00:00Z',
  }
}

const RULES: ListRule[] = [
  { list: 'red', criteria: 'c', deciding_body: '会长办公会', validity_months: 24, public: true, appeal_days: 15 },
  { list: 'black', criteria: 'c', deciding_body: '会长办公会', validity_months: 12, public: true, appeal_days: 15 },
]

function entry(over: Partial<Entry> = {}): Entry {
  return {
    id: 1,
    member_id: 7,
    member_name: '速达',
    uscc: '91440101MA5CXXXX1X',
    list: 'black',
    reason_category: '合同欺诈',
    public_summary: 's',
    valid_from: '2026-03-01',
    valid_until: '2027-03-01',
    status: 'active',
    ended_at: null,
    end_reason: '',
    ...over,
  }
}

describe('evidence lines', () => {
  it('keeps one trimmed reference a line, without blanks or repeats', () => {
    expect(splitEvidence(' 判决书扫描件 \n\n行政处罚决定书\r\n判决书扫描件')).toEqual(['判决书扫描件', '行政处罚决定书'])
    expect(splitEvidence('   ')).toEqual([])
  })
})

describe('record form', () => {
  const good: RecordBody = {
    member_id: 7,
    polarity: 'negative',
    category: 'court_judgment',
    occurred_on: '2026-01-15',
    source: '(2025)粤01民终1234号',
    severity: 'high',
    summary: '合同欺诈，判决生效',
    evidence: ['判决书'],
  }
  it('accepts a complete record', () => {
    expect(checkRecord(good, TODAY)).toEqual({})
  })
  it('names missing fields, a category of the other polarity and a future date', () => {
    const p = checkRecord({ ...good, member_id: null, category: 'award', source: ' ', summary: '', occurred_on: '2026-04-01' }, TODAY)
    expect(Object.keys(p).sort()).toEqual(['category', 'member_id', 'occurred_on', 'source', 'summary'])
    expect(p.occurred_on).toBe('credit.form.notFuture')
  })
})

describe('proposal form (8.4.1.5 evidence)', () => {
  const records = [record(1, 7, 'negative'), record(2, 7, 'positive'), record(3, 8, 'negative')]
  const base: ProposalBody = {
    member_id: 7,
    list: 'black',
    action: 'add',
    reason_category: '合同欺诈',
    public_summary: '经法院判决认定',
    record_ids: [1],
    valid_until: '',
  }
  it('accepts a black-list proposal on a negative record', () => {
    expect(checkProposal(base, records, TODAY)).toEqual({})
  })
  it('refuses a decision without evidence', () => {
    expect(checkProposal({ ...base, record_ids: [] }, records, TODAY).record_ids).toBe('credit.form.evidenceRequired')
  })
  it('refuses evidence of the wrong polarity or of another unit', () => {
    expect(checkProposal({ ...base, record_ids: [2] }, records, TODAY).record_ids).toBe('credit.form.evidencePolarity')
    expect(checkProposal({ ...base, list: 'red', record_ids: [1] }, records, TODAY).record_ids).toBe('credit.form.evidencePolarity')
    expect(checkProposal({ ...base, record_ids: [3] }, records, TODAY).record_ids).toBe('credit.form.evidenceOtherUnit')
  })
  it('needs a future end date when one is given, and no evidence to remove', () => {
    expect(checkProposal({ ...base, valid_until: TODAY }, records, TODAY).valid_until).toBe('credit.form.future')
    expect(checkProposal({ ...base, action: 'remove', record_ids: [] }, records, TODAY)).toEqual({})
  })
  it('offers only the unit’s records that fit the list', () => {
    expect(evidenceFor(records, 7, 'black').map((r) => r.id)).toEqual([1])
    expect(evidenceFor(records, 7, 'white').map((r) => r.id)).toEqual([2])
    expect(evidenceFor(records, null, 'black')).toEqual([])
  })
})

describe('decisions, reviews and appeals', () => {
  it('need a meeting reference, reasons and grounds', () => {
    expect(checkDecision(' ')).toEqual({ meeting_ref: 'credit.form.required' })
    expect(checkDecision('2026 年第 2 次会长办公会')).toEqual({})
    expect(checkReview('')).toEqual({ reasons: 'credit.form.required' })
    expect(checkReview('再审改判')).toEqual({})
    expect(checkAppeal({ entry_id: 1, text: ' ', evidence: [] })).toEqual({ text: 'credit.form.required' })
  })
})

describe('appeal window and repair', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-03-01', 15)).toBe('2026-03-16')
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04')
  })
  it('lets a unit appeal within the window and ask for repair of a black entry', () => {
    expect(appealDeadline(entry(), RULES)).toBe('2026-03-16')
    expect(unitActions(entry(), RULES, TODAY)).toEqual({ appeal: true, repair: true })
    expect(unitActions(entry(), RULES, '2026-03-17')).toEqual({ appeal: false, repair: true })
    expect(unitActions(entry({ list: 'red' }), RULES, TODAY)).toEqual({ appeal: true, repair: false })
    expect(unitActions(entry({ status: 'lifted' }), RULES, TODAY)).toEqual({ appeal: false, repair: false })
    expect(appealDeadline(entry({ list: 'white' }), RULES)).toBeNull()
  })
})

describe('refusals from the error envelope', () => {
  it('carry the message, the clause and the fields', () => {
    const err = new ApiError(422, {
      code: 'credit.reviewer_is_proposer',
      message: '申诉须由提议人以外的人员复核（8.4.1.5）',
      clause: '8.4.1.5',
    })
    expect(refusal(err)).toEqual({ message: '申诉须由提议人以外的人员复核（8.4.1.5）', clause: '8.4.1.5', fields: [] })
    const bad = new ApiError(400, { code: 'request.invalid_fields', message: '请求有误', fields: { decision_ref: '必填' } })
    expect(refusal(bad).fields).toEqual([['decision_ref', '必填']])
    expect(refusal(new Error('boom'))).toEqual({ message: 'boom', clause: '', fields: [] })
  })
})
