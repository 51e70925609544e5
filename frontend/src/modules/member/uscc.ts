/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015, checked the way
 * the server checks it: 18 characters from the code alphabet, a numeric
 * administrative-division code in positions 3–8 and the check character of position 18.
 */

/** The code alphabet: digits and the capital letters without I, O, S, V and Z; a character's value is its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Weights of positions 1–17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

export type UsccProblem = 'required' | 'length' | 'charset' | 'division' | 'check'

/** normalizeUscc trims, removes inner spaces and upper-cases what a person typed. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * usccCheckChar computes the check character for the first 17 characters, or null
 * when one of them is outside the alphabet.
 */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i])
    if (v < 0) return null
    sum += v * USCC_WEIGHTS[i]
  }
  const c = (31 - (sum % 31)) % 31
  return USCC_ALPHABET[c]
}

/** usccProblem says what is wrong with a code (after normalising), or null when it is valid. */
export function usccProblem(input: string): UsccProblem | null {
  const s = normalizeUscc(input)
  if (!s) return 'required'
  if (s.length !== 18) return 'length'
  for (let i = 0; i < 18; i++) {
    const v = USCC_ALPHABET.indexOf(s[i])
    if (v < 0) return 'charset'
    if (i >= 2 && i < 8 && v > 9) return 'division'
  }
  return usccCheckChar(s.slice(0, 17)) === s[17] ? null : 'check'
}

export function isValidUscc(input: string): boolean {
  return usccProblem(input) === null
}

/**
 * usccRefusedKind names the kind of unit whose code can never join whatever its unit
 * type says (8.1.2.1): registration authority 11 (state organs) or 92 (individual
 * businesses); null otherwise.
 */
export function usccRefusedKind(input: string): 'state_organ' | 'individual_business' | null {
  const s = normalizeUscc(input)
  if (s.startsWith('11')) return 'state_organ'
  if (s.startsWith('92')) return 'individual_business'
  return null
}
