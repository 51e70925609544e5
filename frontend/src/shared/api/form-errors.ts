import { reactive } from 'vue'
import { ApiError } from './client'

/**
 * useFieldErrors keeps server-side field errors for an el-form: bind
 * `:error="fieldErrors.username"` on each el-form-item and call `capture(err)`
 * in the submit's catch. Returns true when the error named fields.
 */
export function useFieldErrors<K extends string = string>() {
  const fieldErrors = reactive<Record<string, string | undefined>>({})

  function clear(): void {
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
  }

  function capture(err: unknown, known?: readonly K[]): boolean {
    clear()
    if (!(err instanceof ApiError) || !err.hasFieldErrors) return false
    for (const [field, message] of Object.entries(err.fields)) {
      if (known && !known.includes(field as K)) continue
      fieldErrors[field] = message
    }
    return true
  }

  return { fieldErrors: fieldErrors as Partial<Record<K, string>>, capture, clear }
}

/**
 * applyFieldErrors maps an ApiError's fields onto a plain record (pure, for tests and
 * for callers that keep their own state).
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? { ...err.fields } : {}
}
