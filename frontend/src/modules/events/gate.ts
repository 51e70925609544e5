import type { EmergencyPlan, EventItem, InspectionItem, SafetyFiling, Check } from './types'
import { INSPECTION_ITEMS } from './types'

/**
 * The large-event safety gate of 8.2.1.4 and 8.2.1.6, mirrored from the server
 * (domain/event): a large event may not be held (and check-in stays closed) until
 * its safety filing, the three fire-inspection items and the emergency plan are
 * complete. The server decides; the mirror gives the forms an immediate answer.
 */

/** The server's default threshold of expected attendance for a large event. */
export const LARGE_THRESHOLD = 1000

/** Every item of the gate, in the order the checklist shows them. */
export const GATE_ITEMS = [
  'safety_filing',
  'fire_inspection.evacuation_signs',
  'fire_inspection.exits_clear',
  'fire_inspection.equipment_valid',
  'emergency_plan.public_safety',
  'emergency_plan.food_safety',
  'emergency_plan.medical',
  'emergency_plan.online_opinion',
  'emergency_plan.procedure',
  'emergency_plan.roles',
  'emergency_plan.venue_agreed',
] as const
export type GateItem = (typeof GATE_ITEMS)[number]

/** Which section of the checklist an item belongs to. */
export function gateSection(item: string): 'filing' | 'inspection' | 'emergency' {
  if (item.startsWith('fire_inspection.')) return 'inspection'
  if (item.startsWith('emergency_plan.')) return 'emergency'
  return 'filing'
}

/** The clause an item rests on: the emergency plan is 8.2.1.6, the rest 8.2.1.4. */
export function gateClause(item: string): '8.2.1.4' | '8.2.1.6' {
  return gateSection(item) === 'emergency' ? '8.2.1.6' : '8.2.1.4'
}

interface LargeInput {
  kind: string
  is_exhibition: boolean
  manual_large: boolean
  expected_attendance: number
}

/** isLarge mirrors Event.Large: an exhibition, the manual switch, or expected ≥ threshold. */
export function isLarge(e: LargeInput, threshold = LARGE_THRESHOLD): boolean {
  return e.is_exhibition || e.kind === 'exhibition' || e.manual_large || (e.expected_attendance ?? 0) >= threshold
}

/** emergencyMissing mirrors EmergencyPlan.Missing (sorted like the server). */
export function emergencyMissing(p: EmergencyPlan | null | undefined): string[] {
  const out: string[] = []
  const plan = p ?? ({} as Partial<EmergencyPlan>)
  for (const k of ['public_safety', 'food_safety', 'medical', 'online_opinion', 'procedure'] as const) {
    if (!String(plan[k] ?? '').trim()) out.push(`emergency_plan.${k}`)
  }
  if (!plan.roles || plan.roles.length === 0) out.push('emergency_plan.roles')
  if (!plan.venue_agreed) out.push('emergency_plan.venue_agreed')
  return out.sort()
}

interface GateInput {
  safety_filing: SafetyFiling | null
  fire_inspection: Partial<Record<InspectionItem, Check>> | null | undefined
  emergency_plan: EmergencyPlan | null | undefined
}

/** gateMissing mirrors Event.GateMissing: sorted item names still lacking. */
export function gateMissing(e: GateInput): string[] {
  const out: string[] = []
  if (!e.safety_filing || !e.safety_filing.filing_no?.trim()) out.push('safety_filing')
  for (const item of INSPECTION_ITEMS) {
    if (!e.fire_inspection?.[item]?.ok) out.push(`fire_inspection.${item}`)
  }
  out.push(...emergencyMissing(e.emergency_plan))
  return out.sort()
}

/** not_applicable: the gate does not bind (not large); open: items missing; ready: complete. */
export type GateState = 'not_applicable' | 'open' | 'ready'

/**
 * gateState says how an event stands at its gate, taking the server's own `large`
 * and `gate_missing` when it sent them.
 */
export function gateState(e: Pick<EventItem, 'large' | 'gate_missing'> & Partial<GateInput & LargeInput>): GateState {
  const large = typeof e.large === 'boolean' ? e.large : isLarge(e as LargeInput)
  if (!large) return 'not_applicable'
  const missing = e.gate_missing ?? gateMissing(e as GateInput)
  return missing.length === 0 ? 'ready' : 'open'
}

/** gateProgress counts the items done out of all (for a progress bar). */
export function gateProgress(missing: readonly string[]): { done: number; total: number; percent: number } {
  const total = GATE_ITEMS.length
  const done = Math.max(0, total - missing.filter((m) => (GATE_ITEMS as readonly string[]).includes(m)).length)
  return { done, total, percent: Math.round((done * 100) / total) }
}

/**
 * missingFromMessage reads the item names out of the server's refusal
 * (event.gate_incomplete: "…（8.2.1.4）：safety_filing, fire_inspection.exits_clear"),
 * since the envelope carries them only inside the message.
 */
export function missingFromMessage(message: string): string[] {
  const found = message.match(/[a-z_]+(?:\.[a-z_]+)?/g) ?? []
  const known = new Set<string>(GATE_ITEMS)
  return [...new Set(found.filter((w) => known.has(w)))].sort()
}

/** sortGateItems puts item names in checklist order (filing, inspection, emergency plan). */
export function sortGateItems(items: readonly string[]): string[] {
  const rank = (m: string) => {
    const i = (GATE_ITEMS as readonly string[]).indexOf(m)
    return i < 0 ? GATE_ITEMS.length : i
  }
  return [...items].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/**
 * humanizeGateText replaces the item names inside a server text (a finding's
 * message, a refusal) with their labels, e.g. "emergency_plan.medical" → "应急预案：医疗救护".
 */
export function humanizeGateText(text: string, label: (item: string) => string): string {
  const known = new Set<string>(GATE_ITEMS)
  return text.replace(/[a-z_]+(?:\.[a-z_]+)?/g, (w) => (known.has(w) ? label(w) : w))
}
