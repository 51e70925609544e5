import { createI18n } from 'vue-i18n'
import type { Locale } from '../auth/types'
import type { LocaleMessages } from '../registry'
import zhCN from './messages/zh-CN'
import en from './messages/en'

export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'huiguan.locale'

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

/** The locale remembered in this browser before login, or the default. */
export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return isLocale(v) ? v : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

/** registerMessages merges a module's texts into both locales. */
export function registerMessages(messages: { 'zh-CN': LocaleMessages; en: LocaleMessages }): void {
  for (const l of LOCALES) i18n.global.mergeLocaleMessage(l, messages[l] as typeof zhCN)
}

export function currentLocale(): Locale {
  const l = i18n.global.locale.value
  return isLocale(l) ? l : DEFAULT_LOCALE
}

/** applyLocale switches the UI language and remembers it in this browser. */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** t for code outside components (stores, hooks). */
export function t(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key)
}
