import { computed } from 'vue'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'

/** Who may do what in consulting; mirrors configs/policy.csv (the server still decides). */
export const CONSULTING_ROLES = {
  /** Catalogue, clients, contracts, budget, receipts and the register export. */
  read: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
  /** Services, clients, contracts, stages, compliance review, signing. */
  manage: ['admin', 'secretariat'],
  /** Budget lines, expenses and receipts: the project office and finance, not the administrator. */
  money: ['secretariat', 'finance'],
} as const satisfies Record<string, readonly Role[]>

export type ConsultingAction = keyof typeof CONSULTING_ROLES

/** can answers for a set of roles (pure, for tests). */
export function can(roles: readonly string[], action: ConsultingAction): boolean {
  return hasAnyRole(roles, CONSULTING_ROLES[action])
}

export function useConsultingPermissions() {
  const session = useSession()
  const c = (a: ConsultingAction) => computed(() => can(session.roles, a))
  return { canRead: c('read'), canManage: c('manage'), canMoney: c('money') }
}
