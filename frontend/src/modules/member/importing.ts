import type { ImportProblem } from './types'

/** The server's upload limit for a roster file. */
export const MAX_IMPORT_BYTES = 5 << 20

export interface ProblemGroup {
  /** 1-based data row (the sheet's row is one more, below the header). */
  row: number
  problems: ImportProblem[]
}

/** groupProblems gathers an import's problems by row, in row order. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const byRow = new Map<number, ImportProblem[]>()
  for (const p of problems) {
    const list = byRow.get(p.row) ?? []
    list.push(p)
    byRow.set(p.row, list)
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, list]) => ({ row, problems: list }))
}
