import { useI18n } from 'vue-i18n'
import type { AppealKind, CreditList, EntryStatus, Polarity, ProposalStatus, Severity } from './types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const LISTS: readonly CreditList[] = ['red', 'white', 'black']
/** The lists the public page shows (the white list is not published). */
export const PUBLIC_LISTS: readonly CreditList[] = ['red', 'black']

/** Record categories by polarity (domain/credit: PositiveCategories, NegativeCategories). */
export const CATEGORIES: Readonly<Record<Polarity, readonly string[]>> = {
  positive: ['award', 'integrity_commitment', 'good_conduct'],
  negative: ['dishonest_conduct', 'court_judgment', 'admin_penalty', 'verified_complaint'],
}
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high']

export const LIST_TAG: Readonly<Record<CreditList, TagType>> = { red: 'danger', white: 'info', black: 'primary' }
export const POLARITY_TAG: Readonly<Record<Polarity, TagType>> = { positive: 'success', negative: 'danger' }
export const SEVERITY_TAG: Readonly<Record<Severity, TagType>> = { low: 'info', medium: 'warning', high: 'danger' }
export const PROPOSAL_TAG: Readonly<Record<ProposalStatus, TagType>> = { pending: 'warning', approved: 'success', rejected: 'info' }
export const ENTRY_TAG: Readonly<Record<EntryStatus, TagType>> = { active: 'success', expired: 'info', lifted: 'info' }
export const APPEAL_TAG: Readonly<Record<string, TagType>> = {
  pending: 'warning',
  upheld: 'info',
  overturned: 'success',
  approved: 'success',
  rejected: 'info',
}

/** polarityFor: the evidence a list decision rests on — negative for black, positive for red and white. */
export function polarityFor(list: CreditList): Polarity {
  return list === 'black' ? 'negative' : 'positive'
}

/** categoryPolarity tells which side a record category belongs to (null when unknown). */
export function categoryPolarity(category: string): Polarity | null {
  if (CATEGORIES.positive.includes(category)) return 'positive'
  if (CATEGORIES.negative.includes(category)) return 'negative'
  return null
}

/** The statuses an application of each kind ends in: [granted, refused]. */
export const OUTCOMES: Readonly<Record<AppealKind, readonly [string, string]>> = {
  appeal: ['overturned', 'upheld'],
  repair: ['approved', 'rejected'],
}

/** useCreditLabels names the credit codes in the UI language, falling back to the code. */
export function useCreditLabels() {
  const { t, te } = useI18n()
  const label = (group: string, key: string | null | undefined) => {
    if (!key) return '—'
    const k = `credit.${group}.${key}`
    return te(k) ? t(k) : key
  }
  return {
    listLabel: (s: string) => label('list', s),
    polarityLabel: (s: string) => label('polarity', s),
    categoryLabel: (s: string) => label('category', s),
    severityLabel: (s: string) => label('severity', s),
    proposalStatusLabel: (s: string) => label('proposalStatus', s),
    entryStatusLabel: (s: string) => label('entryStatus', s),
    appealStatusLabel: (s: string) => label('appealStatus', s),
    actionLabel: (s: string) => label('action', s),
  }
}
