import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'

/** Who may do what in the registry; mirrors configs/policy.csv (the server still decides). */
export const REGISTRY_ROLES = {
  manage: ['admin', 'secretariat'],
  read: ['admin', 'secretariat', 'finance', 'board', 'supervisor'],
  history: ['admin', 'secretariat', 'board', 'supervisor'],
  export: ['admin', 'secretariat', 'board'],
  stats: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
} as const satisfies Record<string, readonly Role[]>

export function useRegistryPermissions() {
  const session = useSession()
  const route = useRoute()
  const can = (k: keyof typeof REGISTRY_ROLES) => computed(() => hasAnyRole(session.roles, REGISTRY_ROLES[k]))
  /** Base path of the roster pages in the current area (/console/members or /board/members). */
  const listPath = computed(() => (route.meta.area === 'board' ? '/board/members' : '/console/members'))
  const readableHere = computed(() =>
    route.meta.area === 'board'
      ? hasAnyRole(session.roles, ['board', 'supervisor'])
      : hasAnyRole(session.roles, ['admin', 'secretariat', 'finance']),
  )
  return {
    canManage: can('manage'),
    canRead: can('read'),
    canHistory: can('history'),
    canExport: can('export'),
    listPath,
    /** Whether the roster list exists in the current area for this user. */
    readableHere,
    clearance: computed(() => session.user?.clearance ?? 0),
  }
}
