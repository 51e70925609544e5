import { formatFen, parseYuan } from '@/shared/format/money'

/**
 * Money on the consulting wire is int64 fen carried as a JSON number. These helpers
 * convert what a person types in yuan into fen with the shared BigInt parser, so
 * "0.07" is 7 fen and never 7.000000000000001.
 */

/** yuanToFen turns typed yuan into fen, or null when it is not an amount a JSON number can carry exactly. */
export function yuanToFen(input: string | null | undefined): number | null {
  if (input === null || input === undefined) return null
  const fen = parseYuan(String(input))
  if (fen === null) return null
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) return null
  return Number(fen)
}

/** positiveFen is yuanToFen restricted to amounts above zero (fees, lines, expenses, receipts). */
export function positiveFen(input: string | null | undefined): number | null {
  const fen = yuanToFen(input)
  return fen !== null && fen > 0 ? fen : null
}

/** fenToYuanInput gives the text an input shows for an amount: 123456 → "1234.56". */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return formatFen(fen, { symbol: false }).replace(/,/g, '')
}

/** yuan formats fen for display: ¥1,234.56. */
export function yuan(fen: number | null | undefined): string {
  return formatFen(fen)
}

/** sumFen adds fen amounts exactly (they are integers; the sum is checked to stay safe). */
export function sumFen(amounts: readonly number[]): number {
  let total = 0n
  for (const a of amounts) total += BigInt(a)
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('sum beyond a safe integer')
  return Number(total)
}

/** spentShare is the share of a budget used, 0–100 (over 100 cannot happen on the server, but is capped). */
export function spentShare(spentFen: number, budgetFen: number): number {
  if (budgetFen <= 0) return 0
  return Math.min(100, Math.round((spentFen * 1000) / budgetFen) / 10)
}
