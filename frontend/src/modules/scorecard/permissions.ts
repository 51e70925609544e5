import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import { SCORECARD_ROLES } from './logic'

/** useScorecardPermissions: what the signed-in user may do here (the server still decides). */
export function useScorecardPermissions() {
  const session = useSession()
  const route = useRoute()
  const can = (k: keyof typeof SCORECARD_ROLES) => computed(() => hasAnyRole(session.roles, SCORECARD_ROLES[k]))
  const base = computed(() => (route.meta.area === 'console' ? '/console/scorecard' : '/board/scorecard'))
  return {
    roles: computed(() => session.roles),
    canCreate: can('create'),
    canScore: can('score'),
    canApprove: can('approve'),
    canUpdateAction: can('updateAction'),
    base,
    userId: computed(() => session.user?.id ?? 0),
  }
}
