/**
 * Amounts typed in yuan become integer fen by string arithmetic only: "1234.5" is
 * 123450 fen, never 1234.5 * 100. Three decimals are refused, not rounded.
 */

export type YuanError = 'required' | 'format' | 'decimals' | 'positive' | 'tooLarge'
export type YuanParse = { ok: true; fen: number } | { ok: false; error: YuanError }

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * yuanToFen reads what a person typed ("1,234.5", "¥ 800", "0.05") as a positive
 * amount of fen. With allowZero, 0 is accepted too.
 */
export function yuanToFen(input: string | null | undefined, opts: { allowZero?: boolean } = {}): YuanParse {
  const s = (input ?? '').replace(/[\s,，¥￥]/g, '').replace(/元$/, '')
  if (s === '') return { ok: false, error: 'required' }
  if (/^-/.test(s)) return { ok: false, error: 'positive' }
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, error: 'format' }
  const whole = m[1] || '0'
  const frac = m[2] ?? ''
  if (frac.length > 2) return { ok: false, error: 'decimals' }
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'))
  if (fen > MAX_FEN) return { ok: false, error: 'tooLarge' }
  if (fen === 0n && !opts.allowZero) return { ok: false, error: 'positive' }
  return { ok: true, fen: Number(fen) }
}

/** fenToYuanInput writes fen as a plain yuan amount for an input box: 123450 → "1234.50". */
export function fenToYuanInput(fen: number | bigint): string {
  const v = typeof fen === 'bigint' ? fen : BigInt(fen)
  const neg = v < 0n
  const abs = neg ? -v : v
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** formatBp shows parts per ten thousand as a percentage: 7498 → "74.98%". */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  const v = Math.trunc(bp)
  const neg = v < 0
  const abs = Math.abs(v)
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`
}

/** The i18n key explaining a refused amount. */
export function yuanErrorKey(error: YuanError): string {
  return `fees.money.${error}`
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const UNITS = ['', '拾', '佰', '仟']
const GROUPS = ['', '万', '亿', '万亿']

function integerUpper(s: string): string {
  let out = ''
  let zero = false
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48
    const pos = s.length - 1 - i
    if (d === 0) zero = true
    else {
      if (zero && out) out += '零'
      zero = false
      out += DIGITS[d] + UNITS[pos % 4]
    }
    if (pos % 4 === 0 && pos > 0 && /[1-9]/.test(s.slice(Math.max(0, i - 3), i + 1))) out += GROUPS[pos / 4] ?? ''
  }
  return out
}

/**
 * fenToChineseUpper writes an amount the way receipts state it in words (人民币大写):
 * 123450 → "壹仟贰佰叁拾肆元伍角整", 100005 → "壹仟元零伍分".
 */
export function fenToChineseUpper(fen: number | bigint): string {
  let v = typeof fen === 'bigint' ? fen : BigInt(fen)
  const neg = v < 0n
  if (neg) v = -v
  const yuan = v / 100n
  const jiao = Number((v / 10n) % 10n)
  const f = Number(v % 10n)
  let out = yuan > 0n ? `${integerUpper(yuan.toString())}元` : ''
  if (jiao === 0 && f === 0) out = `${out || '零元'}整`
  else {
    if (jiao > 0) out += `${DIGITS[jiao]}角`
    else if (yuan > 0n) out += '零'
    out += f > 0 ? `${DIGITS[f]}分` : '整'
  }
  return (neg ? '负' : '') + out
}

/**
 * compactYuan labels a chart axis without floats: 40000000 fen → "40万" in Chinese and
 * "400k" in English; small amounts keep their digits ("1,250").
 */
export function compactYuan(fen: number, locale = 'zh-CN'): string {
  const v = BigInt(Math.trunc(fen))
  const neg = v < 0n
  const yuan = (neg ? -v : v) / 100n
  const scaled = (unit: bigint, suffix: string) => {
    const tenths = (yuan * 10n) / unit
    return `${(tenths / 10n).toString()}${tenths % 10n ? `.${(tenths % 10n).toString()}` : ''}${suffix}`
  }
  let s: string
  if (locale.startsWith('en')) {
    if (yuan >= 1_000_000n) s = scaled(1_000_000n, 'M')
    else if (yuan >= 10_000n) s = scaled(1_000n, 'k')
    else s = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  } else if (yuan >= 10000n) {
    s = scaled(10000n, '万')
  } else {
    s = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  }
  return (neg ? '-' : '') + s
}
