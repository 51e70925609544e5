import type { FormItemRule } from 'element-plus'
import { yuanErrorKey, yuanToFen } from './money'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** moneyRule checks an amount typed in yuan (two decimals at most, positive). */
export function moneyRule(t: Translate, opts: { allowZero?: boolean; maxFen?: number } = {}): FormItemRule {
  return {
    trigger: ['blur', 'change'],
    validator: (_rule, value, callback) => {
      const r = yuanToFen(value === null || value === undefined ? '' : String(value), { allowZero: opts.allowZero })
      if (!r.ok) return callback(new Error(t(yuanErrorKey(r.error))))
      if (opts.maxFen !== undefined && r.fen > opts.maxFen) return callback(new Error(t('fees.money.overMax')))
      callback()
    },
  }
}

/** requiredRule: a value must be given (text trimmed). */
export function requiredRule(t: Translate, field: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
      if (empty) callback(new Error(t('validation.required', { field })))
      else callback()
    },
  }
}
