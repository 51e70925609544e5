export type Severity = 'info' | 'warning' | 'critical'

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info']

/** A compliance finding (合规提示) opened by a FLAG rule of the standard. */
export interface Finding {
  id: number
  rule_id: string
  clause: string
  module: string
  object_type: string
  object_id: string | number | null
  object_label: string
  severity: Severity
  message: string
  opened_at: string
  closed_at: string | null
}

export interface FindingsSummary {
  open: number
  by_module: { module: string; open: number }[]
  by_severity: { severity: Severity; open: number }[]
}
