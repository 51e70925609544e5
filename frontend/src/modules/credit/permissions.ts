import { computed } from 'vue'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'

/** Who may do what with the credit lists; mirrors configs/policy.csv (the server still decides). */
export const CREDIT_ROLES = {
  readRecords: ['admin', 'secretariat', 'board', 'supervisor'],
  record: ['admin', 'secretariat'],
  readProposals: ['admin', 'secretariat', 'board', 'supervisor'],
  /** Only the secretariat drafts proposals (not the administrator). */
  propose: ['secretariat'],
  /** Only the 会长办公会 decides. */
  decide: ['board'],
  readEntries: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
  readAppeals: ['admin', 'secretariat', 'board', 'supervisor'],
  review: ['secretariat', 'board'],
  export: ['admin', 'secretariat', 'board'],
  portal: ['member'],
} as const satisfies Record<string, readonly Role[]>

export type CreditAbility = keyof typeof CREDIT_ROLES

/** canCredit says whether the roles allow an ability (pure, for tests). */
export function canCredit(roles: readonly string[], ability: CreditAbility): boolean {
  return hasAnyRole(roles, CREDIT_ROLES[ability])
}

export function useCreditPermissions() {
  const session = useSession()
  const can = (k: CreditAbility) => computed(() => canCredit(session.roles, k))
  return {
    canRecord: can('record'),
    canPropose: can('propose'),
    canDecide: can('decide'),
    canReview: can('review'),
    canExport: can('export'),
    username: computed(() => session.user?.username ?? ''),
  }
}
