import { useI18n } from 'vue-i18n'
import type { Bill, DisclosureStatus } from './types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const DISCLOSURE_TAG: Readonly<Record<DisclosureStatus, TagType>> = {
  draft: 'info',
  verified: 'primary',
  approved: 'warning',
  published: 'success',
  replaced: 'info',
}

/** Chart and legend colours of the expense categories (main use in blue and green). */
export const CATEGORY_COLOR: Readonly<Record<string, string>> = {
  member_service: '#1f5fae',
  business_activity: '#2f8a67',
  administration: '#c07a1e',
  other: '#9aa3b2',
}

/** billTag picks the tag of a bill: overdue arrears stand out in red. */
export function billTag(b: Pick<Bill, 'status' | 'overdue'>): TagType {
  if (b.status === 'cancelled') return 'info'
  if (b.status === 'paid') return 'success'
  if (b.overdue) return 'danger'
  return b.status === 'partial' ? 'warning' : 'primary'
}

/** useFeeLabels names the dues codes in the UI language, falling back to the code. */
export function useFeeLabels() {
  const { t, te } = useI18n()
  const label = (group: string, key: string | null | undefined) => {
    if (!key) return '—'
    const k = `fees.${group}.${key}`
    return te(k) ? t(k) : key
  }
  return {
    billStatus: (s: string) => label('billStatus', s),
    method: (s: string) => label('method', s),
    category: (s: string) => label('category', s),
    disclosureStatus: (s: string) => label('disclosureStatus', s),
    feedbackKind: (s: string) => label('feedbackKind', s),
    issuer: (id: number, branches: { id: number; name: string }[]) =>
      id === 0 ? t('fees.bills.issuerAssociation') : branches.find((b) => b.id === id)?.name ?? t('fees.bills.branchN', { id }),
  }
}
