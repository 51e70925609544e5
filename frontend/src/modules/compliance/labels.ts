import { useI18n } from 'vue-i18n'
import type { Severity } from './types'

/** useComplianceLabels names modules and severities, falling back to the raw code. */
export function useComplianceLabels() {
  const { t, te } = useI18n()
  return {
    moduleLabel: (m: string) => (te(`compliance.modules.${m}`) ? t(`compliance.modules.${m}`) : m),
    severityLabel: (s: string) => (te(`compliance.severity.${s}`) ? t(`compliance.severity.${s}`) : s),
  }
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#c43d3d',
  warning: '#e0922f',
  info: '#5b7fb8',
}

export function severityTagType(s: string): 'danger' | 'warning' | 'info' {
  return s === 'critical' ? 'danger' : s === 'warning' ? 'warning' : 'info'
}
