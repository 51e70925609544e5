import { fenToYuanInput, positiveFen, sumFen } from './money'
import type { Contract, ContractBody, Declaration, Deliverable } from './types'

/** ContractForm is what the contract dialog edits: amounts as typed yuan text. */
export interface ContractForm {
  client_id: number | undefined
  service_id: number | undefined
  title: string
  scope: string
  team: string[]
  fee: string
  starts_on: string
  ends_on: string
  special_fund: boolean
  deliverables: Deliverable[]
  plan: { due_on: string; amount: string }[]
  confidentiality: string
  ip_terms: string
  data_protection: string
  applicable_laws: string
  conflict_declarations: Declaration[]
}

export function blankForm(): ContractForm {
  return {
    client_id: undefined,
    service_id: undefined,
    title: '',
    scope: '',
    team: [],
    fee: '',
    starts_on: '',
    ends_on: '',
    special_fund: false,
    deliverables: [{ title: '', due_on: '', metric: '', done: false }],
    plan: [],
    confidentiality: '',
    ip_terms: '',
    data_protection: '',
    applicable_laws: '',
    conflict_declarations: [],
  }
}

/** formOf fills the dialog from a saved contract (amounts back to yuan text). */
export function formOf(c: Contract): ContractForm {
  return {
    client_id: c.client_id,
    service_id: c.service_id,
    title: c.title,
    scope: c.scope,
    team: [...c.team],
    fee: fenToYuanInput(c.fee_fen),
    starts_on: c.starts_on,
    ends_on: c.ends_on,
    special_fund: c.special_fund,
    deliverables: c.deliverables.map((d) => ({ ...d })),
    plan: c.payment_plan.map((p) => ({ due_on: p.due_on, amount: fenToYuanInput(p.amount_fen) })),
    confidentiality: c.confidentiality,
    ip_terms: c.ip_terms,
    data_protection: c.data_protection,
    applicable_laws: c.applicable_laws,
    conflict_declarations: c.conflict_declarations.map((d) => ({ ...d })),
  }
}

/** Problems found before asking the server, keyed like the server's fields. */
export type FormProblems = Partial<Record<'fee_fen' | 'payment_plan' | 'client_id' | 'service_id', string>>

/** planTotal adds the plan's amounts in fen (unparseable rows count as 0). */
export function planTotal(form: Pick<ContractForm, 'plan'>): number {
  return sumFen(form.plan.map((p) => positiveFen(p.amount) ?? 0))
}

/**
 * bodyOf turns the form into the request body: yuan text → exact fen, empty rows
 * dropped. Problems the client can see (an amount that is not one, a plan that does
 * not add up) come back as codes for i18n; everything else the server checks.
 */
export function bodyOf(form: ContractForm): { body: ContractBody | null; problems: FormProblems } {
  const problems: FormProblems = {}
  const fee = positiveFen(form.fee)
  if (fee === null) problems.fee_fen = 'badAmount'
  if (!form.client_id) problems.client_id = 'required'
  if (!form.service_id) problems.service_id = 'required'
  const plan = form.plan
    .filter((p) => p.due_on || p.amount.trim())
    .map((p) => ({ due_on: p.due_on, amount_fen: positiveFen(p.amount) }))
  if (plan.some((p) => p.amount_fen === null)) problems.payment_plan = 'badAmount'
  else if (plan.length > 0 && fee !== null && sumFen(plan.map((p) => p.amount_fen as number)) !== fee)
    problems.payment_plan = 'planMismatch'
  if (Object.keys(problems).length > 0) return { body: null, problems }
  return {
    problems,
    body: {
      client_id: form.client_id as number,
      service_id: form.service_id as number,
      title: form.title.trim(),
      scope: form.scope.trim(),
      team: form.team.map((x) => x.trim()).filter((x) => x),
      fee_fen: fee as number,
      starts_on: form.starts_on,
      ends_on: form.ends_on,
      special_fund: form.special_fund,
      deliverables: form.deliverables
        .filter((d) => d.title.trim() || d.due_on)
        .map((d) => ({ title: d.title.trim(), due_on: d.due_on, metric: d.metric.trim(), done: d.done })),
      payment_plan: plan.map((p) => ({ due_on: p.due_on, amount_fen: p.amount_fen as number })),
      confidentiality: form.confidentiality.trim(),
      ip_terms: form.ip_terms.trim(),
      data_protection: form.data_protection.trim(),
      applicable_laws: form.applicable_laws.trim(),
      conflict_declarations: form.conflict_declarations
        .filter((d) => d.person.trim())
        .map((d) => ({ person: d.person.trim(), conflict: d.conflict, note: d.note.trim() })),
    },
  }
}

/** overdue: a deliverable past its due date and not done (the FLAG check of 8.2.2.3). */
export function overdue(d: Pick<Deliverable, 'due_on' | 'done'>, today: string): boolean {
  return !d.done && !!d.due_on && d.due_on < today
}
