import { EXPENSE_CATEGORIES, MAIN_USE_CATEGORIES, type ExpensesByCategory } from './types'

/** The main-use line of 8.1.1.3: member services and business activities take at least half. */
export const MAIN_USE_THRESHOLD_BP = 5000

export interface MainUseShare {
  /** Member services + business activities, fen. */
  mainFen: number
  /** All expenses, fen. */
  totalFen: number
  /** Parts per ten thousand (floored like the server); null when nothing was spent. */
  bp: number | null
  thresholdBp: number
  /** True at or above the line; null when nothing was spent. */
  meets: boolean | null
  /** How far above (positive) or below (negative) the line, in parts per ten thousand. */
  marginBp: number | null
}

/**
 * mainUseShare computes the share of the year's expenses spent on member services
 * and business activities, with integers only, as the server's R-8.1.1.3-c check does.
 */
export function mainUseShare(byCategory: ExpensesByCategory | null | undefined, thresholdBp = MAIN_USE_THRESHOLD_BP): MainUseShare {
  let main = 0n
  let total = 0n
  for (const c of EXPENSE_CATEGORIES) {
    const v = BigInt(byCategory?.[c] ?? 0)
    total += v
    if (MAIN_USE_CATEGORIES.includes(c)) main += v
  }
  if (total <= 0n) {
    return { mainFen: Number(main), totalFen: Number(total), bp: null, thresholdBp, meets: null, marginBp: null }
  }
  const bp = Number((main * 10000n) / total)
  return { mainFen: Number(main), totalFen: Number(total), bp, thresholdBp, meets: bp >= thresholdBp, marginBp: bp - thresholdBp }
}
