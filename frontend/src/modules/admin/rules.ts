import type { Check } from '@/shared/form/validate'

/**
 * Client-side mirrors of the server's user rules, for a quick answer in the form.
 * The server stays the authority; its field errors are shown on the same items.
 */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128
export const USERNAME_MIN = 3
export const USERNAME_MAX = 32
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const DISPLAY_NAME_MAX = 64


export const checkUsername: Check = (v) => {
  const s = v.trim()
  if (!s) return { key: 'validation.required' }
  if (s.length < USERNAME_MIN) return { key: 'validation.minLength', n: USERNAME_MIN }
  if (s.length > USERNAME_MAX) return { key: 'validation.maxLength', n: USERNAME_MAX }
  if (!USERNAME_PATTERN.test(s)) return { key: 'admin.users.usernameRule' }
  return null
}

export const checkPassword: Check = (v) => {
  if (!v) return { key: 'validation.required' }
  if ([...v].length < PASSWORD_MIN) return { key: 'validation.minLength', n: PASSWORD_MIN }
  if ([...v].length > PASSWORD_MAX) return { key: 'validation.maxLength', n: PASSWORD_MAX }
  return null
}

export const checkDisplayName: Check = (v) => {
  const s = v.trim()
  if (!s) return { key: 'validation.required' }
  if ([...s].length > DISPLAY_NAME_MAX) return { key: 'validation.maxLength', n: DISPLAY_NAME_MAX }
  return null
}
