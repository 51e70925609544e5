import type { Contact, Person } from './types'

/**
 * describeValue renders a requested roster value for people: a person as
 * "name · phone", contacts one per line, null as a removal (returned as null).
 */
export function describeValue(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim()
  if (Array.isArray(v)) {
    return (v as Contact[])
      .map((c) => [c.name, c.title, c.phone, c.email].filter((s) => s && s.trim()).join(' · '))
      .join('\n')
  }
  if (typeof v === 'object') {
    const p = v as Person
    return [p.name, p.phone].filter((s) => s && s.trim()).join(' · ')
  }
  return String(v)
}

/** currentValue picks a member's present value of a change-request field. */
export function currentValue(member: Record<string, unknown> | null, field: string): unknown {
  return member ? member[field] : undefined
}
