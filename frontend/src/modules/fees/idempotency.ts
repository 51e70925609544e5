/**
 * Payments are sent with an Idempotency-Key. A retry of the same payment (after a
 * timeout, a network failure or a 5xx whose outcome is unknown) must reuse its key so
 * the server answers with the payment it already recorded instead of recording it
 * twice; a changed payment gets a new key (the server refuses a key reused for another
 * body), and so does the next payment once one succeeded.
 */

/** uuid4 builds a random UUID, also outside secure contexts (plain-http intranets). */
export function uuid4(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A stable text of a request body: same fields and values → same fingerprint, whatever the key order. */
export function fingerprint(body: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm)
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      )
    }
    return v
  }
  return JSON.stringify(norm(body))
}

export interface IdempotencyKeeper {
  /** The key to send with `body`: the pending one when the body is unchanged, else a new one. */
  keyFor(body: unknown): string
  /** The request succeeded: the next payment gets a new key. */
  succeeded(): void
  /** The key waiting for a retry, if any (for display and tests). */
  readonly pending: string | null
}

/** idempotencyKeeper remembers one submit's key until it succeeds or its body changes. */
export function idempotencyKeeper(newKey: () => string = () => uuid4()): IdempotencyKeeper {
  let key: string | null = null
  let print: string | null = null
  return {
    keyFor(body) {
      const p = fingerprint(body)
      if (key === null || p !== print) {
        key = newKey()
        print = p
      }
      return key
    },
    succeeded() {
      key = null
      print = null
    },
    get pending() {
      return key
    },
  }
}
