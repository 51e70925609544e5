import type { FormItemRule } from 'element-plus'

/** A check answers null when the value is fine, else an i18n key and its number. */
export type Check = (value: string) => { key: string; n?: number } | null

type Translate = (key: string, named: Record<string, unknown>) => string

/** toRule adapts a check to an el-form rule whose message names the field. */
export function toRule(check: Check, field: string, t: Translate, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const problem = check(value === null || value === undefined ? '' : String(value))
      if (problem) callback(new Error(t(problem.key, { field, n: problem.n })))
      else callback()
    },
  }
}
