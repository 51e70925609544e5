/** One line of a before/after comparison. */
export interface DiffRow {
  key: string
  before: unknown
  after: unknown
  kind: 'added' | 'removed' | 'changed' | 'same'
}

/** stable serialises a value with sorted keys, so equal objects compare equal. */
export function stable(v: unknown): string {
  if (v === undefined) return 'undefined'
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
    .join(',')}}`
}

/**
 * diffObjects compares two snapshots field by field (top level; nested values are
 * compared whole). A create has no before, a delete no after.
 */
export function diffObjects(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): DiffRow[] {
  const b = before ?? {}
  const a = after ?? {}
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()
  return keys.map((key) => {
    const inB = Object.prototype.hasOwnProperty.call(b, key) && before != null
    const inA = Object.prototype.hasOwnProperty.call(a, key) && after != null
    const kind: DiffRow['kind'] = !inB ? 'added' : !inA ? 'removed' : stable(b[key]) === stable(a[key]) ? 'same' : 'changed'
    return { key, before: b[key], after: a[key], kind }
  })
}

/** display renders a snapshot value compactly for a table cell. */
export function display(v: unknown): string {
  if (v === undefined) return ''
  if (v === null) return 'null'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}
