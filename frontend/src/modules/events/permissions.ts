import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'

/** Who may do what with events; mirrors configs/policy.csv (the server still decides). */
export const EVENT_ROLES = {
  /** Organisers: plan, run the gate, register, check in, export (full attendee data). */
  manage: ['admin', 'secretariat'],
  /** Read events, tasks, providers and statistics. */
  read: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
  /** Read the attendee list (masked for non-organisers). */
  attendees: ['admin', 'secretariat', 'board', 'supervisor'],
  /** The console pages. */
  console: ['admin', 'secretariat', 'finance'],
  /** The board side. */
  board: ['board', 'supervisor', 'evaluator'],
} as const satisfies Record<string, readonly Role[]>

export function useEventPermissions() {
  const session = useSession()
  const route = useRoute()
  const onBoard = computed(() => route.meta.area === 'board')
  return {
    /** Organising actions; never in the board area, which only reads. */
    canManage: computed(() => !onBoard.value && hasAnyRole(session.roles, EVENT_ROLES.manage)),
    canSeeAttendees: computed(() => hasAnyRole(session.roles, EVENT_ROLES.attendees)),
    onBoard,
    listPath: computed(() => (onBoard.value ? '/board/event-safety' : '/console/events')),
    eventPath: (id: number, tab?: string) =>
      `${onBoard.value ? '/board/event-safety' : '/console/events'}/${id}${tab ? `?tab=${tab}` : ''}`,
  }
}
