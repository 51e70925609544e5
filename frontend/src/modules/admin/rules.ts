import type { Check } from '@/shared/form/validate'

/**
 * Client-side mirrors of the server's user rules, for a quick answer in the form.
 * The server stays the authority; its field errors are shown on the same items.
 */
export const PASSWORD_MIN = 10
/** bcrypt reads at most 72 bytes, so the server refuses longer passwords (in UTF-8 bytes). */
export const PASSWORD_MAX_BYTES = 72
/** The server lower-cases usernames, then requires ^[a-z0-9][a-z0-9._-]{2,63}$. */
export const USERNAME_MIN = 3
export const USERNAME_MAX = 64
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/
export const DISPLAY_NAME_MAX = 64


export const checkUsername: Check = (v) => {
  const s = v.trim().toLowerCase()
  if (!s) return { key: 'validation.required' }
  if (s.length < USERNAME_MIN) return { key: 'validation.minLength', n: USERNAME_MIN }
  if (s.length > USERNAME_MAX) return { key: 'validation.maxLength', n: USERNAME_MAX }
  if (!USERNAME_PATTERN.test(s)) return { key: 'admin.users.usernameRule' }
  return null
}

export const checkPassword: Check = (v) => {
  if (!v) return { key: 'validation.required' }
  if ([...v].length < PASSWORD_MIN) return { key: 'validation.minLength', n: PASSWORD_MIN }
  if (new TextEncoder().encode(v).length > PASSWORD_MAX_BYTES) return { key: 'admin.users.passwordTooLong', n: PASSWORD_MAX_BYTES }
  return null
}

export const checkDisplayName: Check = (v) => {
  const s = v.trim()
  if (!s) return { key: 'validation.required' }
  if ([...s].length > DISPLAY_NAME_MAX) return { key: 'validation.maxLength', n: DISPLAY_NAME_MAX }
  return null
}
