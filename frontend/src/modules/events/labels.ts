import { useI18n } from 'vue-i18n'
import type { EventStatus, RegStatus, TaskStatus } from './types'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const STATUS_TAG: Readonly<Record<EventStatus, TagType>> = {
  draft: 'info',
  published: 'primary',
  held: 'success',
  closed: 'info',
  cancelled: 'danger',
}

/** Calendar chip colours of the statuses, in the spirit of their tags. */
export const STATUS_COLOR: Readonly<Record<EventStatus, string>> = {
  draft: '#8a94a6',
  published: '#1f5fae',
  held: '#2f8a67',
  closed: '#5d6b82',
  cancelled: '#b3282d',
}

export const REG_TAG: Readonly<Record<RegStatus, TagType>> = {
  registered: 'success',
  waitlisted: 'warning',
  cancelled: 'info',
}

export const TASK_COLOR: Readonly<Record<TaskStatus, string>> = {
  todo: '#8a94a6',
  doing: '#1f5fae',
  done: '#2f8a67',
}

/** useEventLabels names the module's codes in the UI language, falling back to the code. */
export function useEventLabels() {
  const { t, te } = useI18n()
  const label = (group: string, key: string | null | undefined) => {
    if (!key) return '—'
    const k = `events.${group}.${key}`
    return te(k) ? t(k) : key
  }
  return {
    kindLabel: (s: string) => label('kind', s),
    statusLabel: (s: string) => label('status', s),
    regStatusLabel: (s: string) => label('regStatus', s),
    taskStatusLabel: (s: string) => label('taskStatus', s),
    gateItemLabel: (s: string) => label('gate.item', s),
    regFieldLabel: (s: string) => label('reg.field', s),
    /** Green-design presets are stored by code; other items as typed. */
    greenLabel: (s: string) => label('green', s),
  }
}
