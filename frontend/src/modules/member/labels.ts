import { useI18n } from 'vue-i18n'
import type { MemberStatus, RiskLevel } from './types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const STATUS_TAG: Readonly<Record<MemberStatus, TagType>> = {
  applicant: 'primary',
  active: 'success',
  suspended: 'warning',
  withdrawn: 'info',
  expelled: 'danger',
}

export const RISK_TAG: Readonly<Record<RiskLevel, TagType>> = {
  low: 'info',
  medium: 'warning',
  high: 'danger',
}

/** Chart colours of the statuses, in the same spirit as their tags. */
export const STATUS_COLOR: Readonly<Record<MemberStatus, string>> = {
  applicant: '#1f5fae',
  active: '#2f8a67',
  suspended: '#d08a1e',
  withdrawn: '#9aa3b2',
  expelled: '#b3282d',
}

/** useMemberLabels names the registry's codes in the UI language, falling back to the code. */
export function useMemberLabels() {
  const { t, te } = useI18n()
  const label = (group: string, key: string | null | undefined) => {
    if (!key) return '—'
    const k = `member.${group}.${key}`
    return te(k) ? t(k) : key
  }
  return {
    statusLabel: (s: string) => label('status', s),
    unitTypeLabel: (s: string) => label('unitType', s),
    channelLabel: (s: string) => label('channel', s),
    riskLabel: (s: string) => label('risk', s),
    /** Field names may be dotted (legal_representative.phone); their keys use underscores. */
    fieldLabel: (s: string) => label('field', s.replace(/\./g, '_')),
  }
}
