import { useI18n } from 'vue-i18n'
import type { StepState } from './stages'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Tag colours of the stepper's states. */
export const STEP_TAG: Readonly<Record<StepState, TagType>> = {
  done: 'success',
  skipped: 'warning',
  next: 'primary',
  pending: 'info',
}

/** labelKey is the i18n key of a code in a group (category, clientKind, stage …). */
export function labelKey(group: string, code: string): string {
  return `consulting.${group}.${code}`
}

/** useConsultingLabels names the module's codes in the UI language, falling back to the code. */
export function useConsultingLabels() {
  const { t, te } = useI18n()
  const label = (group: string, code: string | null | undefined) => {
    if (!code) return '—'
    const k = labelKey(group, code)
    return te(k) ? t(k) : code
  }
  return {
    categoryLabel: (c: string) => label('category', c),
    clientKindLabel: (c: string) => label('clientKind', c),
    stageLabel: (c: string) => label('stage', c),
  }
}
