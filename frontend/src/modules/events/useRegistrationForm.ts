import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/shared/api'
import { emptyDraft, registrationBody, registrationProblems, type RegistrationDraft } from './registration'
import type { RegisterBody, Registration } from './types'

/**
 * useRegistrationForm runs a registration form: the mirrored checks first, then the
 * server; field errors land by field, other refusals (a phone already registered,
 * registration closed, too many attempts) become `failure`.
 */
export function useRegistrationForm(fields: () => readonly string[], send: (body: RegisterBody) => Promise<Registration>) {
  const { t } = useI18n()
  const draft = ref<RegistrationDraft>(emptyDraft())
  const errors = reactive<Partial<Record<keyof RegistrationDraft, string>>>({})
  const busy = ref(false)
  const failure = ref<ApiError | null>(null)
  const result = ref<Registration | null>(null)

  function clear(): void {
    for (const k of Object.keys(errors)) delete errors[k as keyof RegistrationDraft]
    failure.value = null
  }

  async function submit(): Promise<Registration | null> {
    if (busy.value) return null
    clear()
    const problems = registrationProblems(draft.value, fields())
    if (Object.keys(problems).length > 0) {
      for (const [k, key] of Object.entries(problems)) errors[k as keyof RegistrationDraft] = t(key as string)
      return null
    }
    busy.value = true
    try {
      result.value = await send(registrationBody(draft.value, fields()))
      return result.value
    } catch (err) {
      if (err instanceof ApiError && err.hasFieldErrors) {
        for (const [k, msg] of Object.entries(err.fields)) errors[k as keyof RegistrationDraft] = msg
        if (!Object.keys(err.fields).some((k) => k in draft.value)) failure.value = err
      } else if (err instanceof ApiError) {
        failure.value = err
      }
      return null
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    clear()
    draft.value = emptyDraft()
    result.value = null
  }

  return { draft, errors, busy, failure, result, submit, reset }
}
