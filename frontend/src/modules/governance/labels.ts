import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'
import type { BranchStatus, Ratio, ResolutionStatus } from './types'

/** Roles that record the governance register; the others read it. */
export const WRITERS: Role[] = ['admin', 'secretariat']

/** useGovWrite: whether the signed-in user may record (hide actions otherwise). */
export function useGovWrite() {
  const session = useSession()
  return computed(() => hasAnyRole(session.roles, WRITERS))
}

/** useGovLabels names the register's codes in the UI language (the raw code as fallback). */
export function useGovLabels() {
  const { t, te } = useI18n()
  const label = (group: string, code: string) => {
    const key = `governance.kinds.${group}.${code}`
    return te(key) ? t(key) : code
  }
  return {
    bodyKind: (k: string) => label('body', k),
    meetingKind: (k: string) => label('meeting', k),
    presence: (k: string) => label('presence', k),
    resolutionKind: (k: string) => label('resolution', k),
    title: (k: string) => label('title', k),
    branchKind: (k: string) => label('branch', k),
    branchStatus: (k: string) => label('branchStatus', k),
    resolutionStatus: (k: string) => label('resolutionStatus', k),
    /** 2/3 → "2/3 以上出席" */
    quorumText: (r: Ratio) => t('governance.rules.quorumValue', { r: `${r.num}/${r.den}` }),
    /** 1/2 → "出席者过半数"; others "超过 n/d". */
    majorityText: (r: Ratio) =>
      r.num * 2 === r.den ? t('governance.rules.majorityHalf') : t('governance.rules.majorityValue', { r: `${r.num}/${r.den}` }),
    specialText: (r: Ratio) => t('governance.rules.specialValue', { r: `${r.num}/${r.den}` }),
    /** Short forms for tight spaces (cards). */
    quorumShort: (r: Ratio) => t('governance.rules.quorumShort', { r: `${r.num}/${r.den}` }),
    majorityShort: (r: Ratio) =>
      r.num * 2 === r.den ? t('governance.rules.majorityHalfShort') : t('governance.rules.majorityShort', { r: `${r.num}/${r.den}` }),
    specialShort: (r: Ratio) => t('governance.rules.specialShort', { r: `${r.num}/${r.den}` }),
  }
}

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary'

export function resolutionTagType(s: ResolutionStatus | 'passed' | 'failed'): TagType {
  return s === 'passed' ? 'success' : s === 'failed' ? 'danger' : 'info'
}

export function branchTagType(s: BranchStatus): TagType {
  switch (s) {
    case 'active':
      return 'success'
    case 'established':
      return 'primary'
    case 'pending_review':
      return 'warning'
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}

/** Accent colours of the body kinds (cards, tags, the board's countdown). */
export const BODY_TONE: Record<string, string> = {
  general_assembly: '#b3282d',
  council: '#1f5fae',
  standing_council: '#2b8fb3',
  supervisory_board: '#2f8a67',
  president_office: '#8a6d3b',
}

/**
 * useGovPaths: the register's pages live under /console/governance for staff and
 * /board/governance for the board; shared pages link within their own area.
 */
export function useGovPaths() {
  const route = useRoute()
  const base = computed(() => (route.meta.area === 'board' ? '/board/governance' : '/console/governance'))
  return {
    base,
    meeting: (id: number) => `${base.value}/meetings/${id}`,
    meetings: computed(() => `${base.value}/meetings`),
    resolutions: computed(() => `${base.value}/resolutions`),
    findings: computed(() => (route.meta.area === 'board' ? '/board/findings' : '/console/findings')),
  }
}
