/** Shapes of the scorecard API (api/scorecard.go). */

export interface AreaDef {
  area: string
  area_en: string
  clause: string
  weight: number
  layer: string
}

export type IndicatorKind = 'auto' | 'evidence'

export interface IndicatorDef {
  id: string
  area: string
  layer: string
  title_zh: string
  title_en: string
  kind: IndicatorKind
  metric: string
  weight: number
}

export interface Catalogue {
  areas: AreaDef[]
  red_lines: Record<string, string>
  items: IndicatorDef[]
}

/** The roll-up: area, layer and total scores (null when nothing applies) and the stage. */
export interface RollUp {
  areas: Record<string, number | null>
  layers: Record<string, number | null>
  total: number | null
  internal_layer: number | null
  red_lines: string[]
  stage: string
}

export interface LiveIndicator {
  id: string
  title_zh: string
  title_en: string
  area: string
  score: number | null
  na: boolean
  no_data: boolean
  formula_zh: string
  formula_en: string
  figures: Record<string, number> | null
  open_findings: number
  red_line: boolean
}

export interface LiveScorecard {
  at: string
  indicators: LiveIndicator[]
  result: RollUp
  supporting: Record<string, Record<string, number>>
}

export type WorkingRole = 'internal_head' | 'business_head' | 'member'

export interface WorkingMember {
  user_id: number
  role: WorkingRole
}

export type RoundStatus = 'planning' | 'scoring' | 'submitted' | 'approved' | 'closed'
export type RoundKind = 'self' | 'third_party'

export interface SnapshotScore {
  score: number | null
  na: boolean
  no_data: boolean
}

export interface EvidenceScore {
  indicator_id: string
  score: number | null
  na: boolean
  justification: string
  evidence: string[]
  comment: string
  scored_by: string
}

export interface Gap {
  indicator_id: string
  title: string
  score: number
  suggestion: string
}

export interface Report {
  areas: Record<string, number | null>
  layers: Record<string, number | null>
  total: number | null
  stage: string
  self_declared_stage: string
  red_lines: string[] | null
  strengths: string[] | null
  gaps: Gap[] | null
  generated_at: string
}

export interface Round {
  id: number
  title: string
  kind: RoundKind
  cutoff_date: string
  plan: string
  third_party: string
  working_group: WorkingMember[] | null
  self_declared_stage: string
  status: RoundStatus
  snapshot: Record<string, SnapshotScore>
  report: Report | null
  baseline_at: string | null
  approved_by: string
  closed_at: string | null
  scores?: EvidenceScore[]
}

export interface RoundBody {
  title: string
  kind: RoundKind
  cutoff_date: string
  plan: string
  third_party: string
  working_group: WorkingMember[]
  self_declared_stage: string
}

export interface ScoreBody {
  indicator_id: string
  score?: number
  na: boolean
  justification: string
  evidence: string[]
  comment: string
}

export type RoundStep = 'snapshot' | 'baseline' | 'submit' | 'approve' | 'close'

export interface Action {
  id: number
  round_id: number
  indicator_id: string
  title: string
  owner: string
  due_on: string
  status: 'open' | 'closed'
  evidence: string
  closed_at: string | null
  ack_by: string
  ack_at: string | null
}

export interface ActionPatch {
  acknowledge?: boolean
  close?: boolean
  evidence?: string
}
