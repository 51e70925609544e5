/**
 * Money is integer 分 (fen) end to end. These helpers format and parse it with
 * BigInt arithmetic only, so no amount ever passes through a binary float.
 */

export type Fen = number | bigint | string

function toBigInt(fen: Fen): bigint {
  if (typeof fen === 'bigint') return fen
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`)
    return BigInt(fen)
  }
  if (!/^-?\d+$/.test(fen.trim())) throw new RangeError(`fen must be an integer, got "${fen}"`)
  return BigInt(fen.trim())
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export interface MoneyOptions {
  /** Prefix the ¥ sign (default true). */
  symbol?: boolean
  /** Show a leading + on positive amounts (for ledger deltas). */
  signed?: boolean
}

/** formatFen(123456) === '¥1,234.56'; formatFen(-5) === '-¥0.05'. */
export function formatFen(fen: Fen | null | undefined, opts: MoneyOptions = {}): string {
  if (fen === null || fen === undefined || fen === '') return '—'
  const value = toBigInt(fen)
  const negative = value < 0n
  const abs = negative ? -value : value
  const yuan = abs / 100n
  const cents = abs % 100n
  const body = `${groupThousands(yuan.toString())}.${cents.toString().padStart(2, '0')}`
  const sign = negative ? '-' : opts.signed && abs > 0n ? '+' : ''
  return `${sign}${opts.symbol === false ? '' : '¥'}${body}`
}

/**
 * parseYuan turns what a person typed ("1,234.5", "¥-0.05") into fen, or null when it
 * is not an amount with at most two decimals.
 */
export function parseYuan(input: string): bigint | null {
  const s = input.replace(/[\s,，¥￥]/g, '')
  const m = /^([+-])?(\d+)(?:\.(\d{0,2}))?$/.exec(s)
  if (!m) return null
  const [, sign, whole, frac = ''] = m
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0') || '0')
  return sign === '-' ? -fen : fen
}
