import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { hasAnyRole } from '@/shared/auth/permissions'
import type { Role } from '@/shared/auth/types'

/** Who may do what with the dues; mirrors configs/policy.csv (the server still decides). */
export const FEE_ROLES = {
  setStandard: ['admin', 'secretariat', 'finance'],
  bill: ['finance'],
  pay: ['finance'],
  ledger: ['admin', 'finance', 'board', 'supervisor'],
  receipt: ['admin', 'secretariat', 'finance', 'supervisor'],
  fund: ['admin', 'finance', 'board', 'supervisor'],
  fundWrite: ['finance'],
  feedback: ['admin', 'secretariat', 'finance', 'board', 'supervisor'],
  reply: ['secretariat', 'finance'],
  findings: ['admin', 'secretariat', 'finance', 'board', 'supervisor', 'evaluator'],
} as const satisfies Record<string, readonly Role[]>

export function useFeePermissions() {
  const session = useSession()
  const route = useRoute()
  const can = (k: keyof typeof FEE_ROLES) => computed(() => hasAnyRole(session.roles, FEE_ROLES[k]))
  /** Base path of the dues pages in the current area. */
  const base = computed(() => (route.meta.area === 'board' ? '/board/fees' : '/console/fees'))
  return {
    canSetStandard: can('setStandard'),
    canBill: can('bill'),
    canPay: can('pay'),
    canLedger: can('ledger'),
    canReceipt: can('receipt'),
    canFund: can('fund'),
    canFundWrite: can('fundWrite'),
    canFeedback: can('feedback'),
    canReply: can('reply'),
    canFindings: can('findings'),
    base,
    roles: computed(() => session.roles),
    username: computed(() => session.user?.username ?? ''),
  }
}
