import { OPTIONAL_FIELDS, type OptionalField, type RegisterBody } from './types'

/**
 * A registration form collects name, phone and consent, plus only the optional
 * fields the event configured (8.2.1.3): the server refuses any other field with
 * "not_collected", so the form neither shows nor sends them.
 */

export interface RegistrationDraft {
  name: string
  phone: string
  consent: boolean
  company: string
  title: string
  email: string
  id_number: string
}

export function emptyDraft(): RegistrationDraft {
  return { name: '', phone: '', consent: false, company: '', title: '', email: '', id_number: '' }
}

/** visibleFields keeps the known optional fields the event collects, in form order. */
export function visibleFields(configured: readonly string[] | null | undefined): OptionalField[] {
  const set = new Set(configured ?? [])
  return OPTIONAL_FIELDS.filter((f) => set.has(f))
}

/** registrationBody builds the request: only configured, non-empty optional fields. */
export function registrationBody(draft: RegistrationDraft, configured: readonly string[] | null | undefined): RegisterBody {
  const body: RegisterBody = { name: draft.name.trim(), phone: draft.phone.trim(), consent: draft.consent }
  for (const f of visibleFields(configured)) {
    const v = draft[f].trim()
    if (v) body[f] = f === 'id_number' ? v.toUpperCase() : v
  }
  return body
}

const PHONE = /^[0-9+\-() ]{5,20}$/
const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * registrationProblems mirrors the server's checks (domain/event NewRegistration):
 * field → i18n key of the problem.
 */
export function registrationProblems(
  draft: RegistrationDraft,
  configured: readonly string[] | null | undefined,
): Partial<Record<keyof RegistrationDraft, string>> {
  const out: Partial<Record<keyof RegistrationDraft, string>> = {}
  const name = draft.name.trim()
  if (!name || [...name].length > 64) out.name = 'events.reg.problem.name'
  if (!PHONE.test(draft.phone.trim())) out.phone = 'events.reg.problem.phone'
  const fields = visibleFields(configured)
  if (fields.includes('email') && draft.email.trim() && !EMAIL.test(draft.email.trim())) out.email = 'events.reg.problem.email'
  if (fields.includes('id_number') && draft.id_number.trim() && !ID_NUMBER.test(draft.id_number.trim())) {
    out.id_number = 'events.reg.problem.idNumber'
  }
  if (!draft.consent) out.consent = 'events.reg.problem.consent'
  return out
}
