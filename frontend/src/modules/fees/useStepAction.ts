import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/shared/api'
import { useSession } from '@/shared/auth/session'
import { disclosuresApi } from './api'
import type { Disclosure } from './types'

export type Step = 'verify' | 'approve' | 'publish'

/**
 * useStepAction takes a workflow step on a disclosure after a confirmation naming
 * who signs it; a refusal (e.g. the author verifying, 7.3.4.3) lands in `error`.
 */
export function useStepAction(onDone: (d: Disclosure) => void | Promise<void>) {
  const { t } = useI18n()
  const session = useSession()
  const busy = ref<Step | null>(null)
  const error = ref<ApiError | null>(null)

  async function take(d: Disclosure, step: Step): Promise<void> {
    const name = session.user?.display_name || session.user?.username || ''
    try {
      await ElMessageBox.confirm(
        t(`fees.disclosure.confirm.${step}`, { year: d.year, v: d.version, name }),
        t(`fees.disclosure.do.${step}`),
        {
          type: 'info',
          confirmButtonText: t(`fees.disclosure.do.${step}`),
          cancelButtonText: t('common.cancel'),
          customClass: 'fee-step-confirm',
        },
      )
    } catch {
      return
    }
    busy.value = step
    error.value = null
    try {
      const r = await disclosuresApi.step(d.year, step)
      ElMessage.success(t(`fees.disclosure.done.${step}`, { year: r.year, v: r.version }))
      await onDone(r)
    } catch (e) {
      if (e instanceof ApiError) error.value = e
    } finally {
      busy.value = null
    }
  }

  return { busy, error, take }
}
