import type { Check } from '@/shared/form/validate'
import { ELIGIBLE_UNIT_TYPES, type Contact, type Person } from './types'
import { usccProblem, usccRefusedKind } from './uscc'

/**
 * Client-side mirrors of the registry's rules (domain/member on the server), for a
 * quick answer in the forms. The server stays the authority: its field errors are
 * shown on the same items.
 */
export const NAME_MAX = 128
export const SHORT_TEXT_MAX = 64
/** The server's phone pattern: digits, +, -, (, ), spaces; 5–20 characters. */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/
const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

const runes = (s: string) => [...s].length

export const checkUnitName: Check = (v) => {
  const s = v.trim()
  if (!s) return { key: 'validation.required' }
  if (runes(s) > NAME_MAX) return { key: 'validation.maxLength', n: NAME_MAX }
  return null
}

export const checkUscc: Check = (v) => {
  const p = usccProblem(v)
  if (p === 'required') return { key: 'validation.required' }
  if (p) return { key: `member.rules.uscc.${p}` }
  const refused = usccRefusedKind(v)
  if (refused) return { key: `member.rules.usccRefused.${refused}` }
  return null
}

export const checkPhone: Check = (v) => (v.trim() && !PHONE_PATTERN.test(v) ? { key: 'member.rules.phone' } : null)

export const checkRequiredPhone: Check = (v) => (v.trim() ? checkPhone(v) : { key: 'validation.required' })

export const checkEmail: Check = (v) => (v.trim() && !EMAIL_PATTERN.test(v.trim()) ? { key: 'member.rules.email' } : null)

export const checkShortText: Check = (v) =>
  runes(v.trim()) > SHORT_TEXT_MAX ? { key: 'validation.maxLength', n: SHORT_TEXT_MAX } : null

export function isEligibleUnitType(v: string): boolean {
  return (ELIGIBLE_UNIT_TYPES as readonly string[]).includes(v)
}

/**
 * contactProblem checks one liaison contact: a name, well-formed phone and email and,
 * when the roster must be complete (approval, a current member), a way to reach them.
 */
export function contactProblem(c: Contact, complete: boolean): string | null {
  if (!c.name.trim()) return 'member.rules.contactName'
  if (checkPhone(c.phone)) return 'member.rules.phone'
  if (checkEmail(c.email)) return 'member.rules.email'
  if (complete && !c.phone.trim() && !c.email.trim()) return 'member.rules.contactReach'
  return null
}

/** The application form as the page keeps it. */
export interface ApplicationForm {
  name: string
  uscc: string
  unit_type: string
  tier_id: number | null
  charter_accepted: boolean
  overseas: boolean
  council_unit: boolean
  channel: string
  applied_on: string
  address: string
  legal_representative: Person
  member_representative: Person
  council_representative: Person
  contacts: Contact[]
  industry: string
  chain_segment: string
  region: string
}

/**
 * applicationProblems lists what the server would refuse in an application, as
 * field → i18n key (the same field names as the server's `fields`). The roster part
 * may be incomplete: only its formats are checked, as the server does.
 */
export function applicationProblems(f: ApplicationForm): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (field: string, problem: { key: string } | string | null) => {
    if (problem) out[field] = typeof problem === 'string' ? problem : problem.key
  }
  put('name', checkUnitName(f.name))
  put('uscc', checkUscc(f.uscc))
  if (!f.unit_type) out.unit_type = 'validation.requiredSelect'
  else if (!isEligibleUnitType(f.unit_type)) out.unit_type = 'member.rules.unitTypeRefused'
  if (!f.tier_id) out.tier_id = 'validation.requiredSelect'
  if (!f.channel) out.channel = 'validation.requiredSelect'
  if (f.overseas) out.overseas = 'member.rules.overseas'
  if (!f.charter_accepted) out.charter_accepted = 'member.rules.charter'
  put('legal_representative.phone', checkPhone(f.legal_representative.phone))
  put('member_representative.phone', checkPhone(f.member_representative.phone))
  if (f.council_unit) put('council_representative.phone', checkPhone(f.council_representative.phone))
  for (const c of f.contacts) {
    const p = contactProblem(c, false)
    if (p) {
      out.contacts = p
      break
    }
  }
  put('industry', checkShortText(f.industry))
  put('chain_segment', checkShortText(f.chain_segment))
  put('region', checkShortText(f.region))
  return out
}

/** The roster entries an approval needs (8.1.2.3), in checklist order. */
export const CHECKLIST_KEYS = [
  'address',
  'legal_representative.name',
  'legal_representative.phone',
  'member_representative.name',
  'member_representative.phone',
  'contacts',
  'council_representative',
] as const
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number]

export interface ChecklistItem {
  key: ChecklistKey
  ok: boolean
}

interface RosterLike {
  council_unit: boolean
  address: string
  legal_representative: Person
  member_representative: Person
  council_representative: Person | null
  contacts: Contact[]
}

/**
 * rosterChecklist shows, before the server is asked, which entries an approval still
 * lacks. `serverMissing` (the `fields` of a member.roster_incomplete answer) marks
 * entries missing whatever the local check thought; council_representative only
 * appears for council units or when the server names it.
 */
export function rosterChecklist(m: RosterLike, serverMissing: readonly string[] = []): ChecklistItem[] {
  const filled = (s: string | undefined) => !!s && s.trim() !== ''
  const local: Record<ChecklistKey, boolean> = {
    address: filled(m.address),
    'legal_representative.name': filled(m.legal_representative?.name),
    'legal_representative.phone': filled(m.legal_representative?.phone),
    'member_representative.name': filled(m.member_representative?.name),
    'member_representative.phone': filled(m.member_representative?.phone),
    contacts: m.contacts.length > 0 && m.contacts.every((c) => contactProblem(c, true) === null),
    council_representative: !m.council_unit || filled(m.council_representative?.name),
  }
  const missing = new Set(serverMissing)
  return CHECKLIST_KEYS.filter((k) => k !== 'council_representative' || m.council_unit || missing.has(k)).map(
    (key) => ({
      key,
      ok: local[key] && !missing.has(key) && !(key === 'council_representative' && missing.has('council_representative.name')),
    }),
  )
}
