import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError } from '../api'
import { applyLocale, currentLocale, isLocale } from '../i18n'
import { authApi } from './api'
import { AREA_HOME, areasOf, firstArea } from './permissions'
import type { Area, Locale, SessionResponse, User } from './types'

/** The signed-in user and the CSRF token of the session. */
export const useSession = defineStore('session', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref<string | null>(null)
  /** True once the initial GET /auth/me has answered (either way). */
  const checked = ref(false)
  /** Set when the server told us the session ended; the login page shows it. */
  const expired = ref(false)
  /** The area last shown, for pages outside any area (403, 404). */
  const lastArea = ref<Area | null>(null)

  const roles = computed(() => user.value?.roles ?? [])
  const areas = computed(() => areasOf(roles.value))
  const home = computed(() => {
    const a = firstArea(roles.value)
    return a ? AREA_HOME[a] : '/403'
  })

  function accept(res: SessionResponse): void {
    user.value = res.user
    csrfToken.value = res.csrf_token
    expired.value = false
  }

  /** load asks the server whether a session cookie is live (once per page load). */
  async function load(): Promise<void> {
    if (checked.value) return
    try {
      accept(await authApi.me())
      if (user.value && isLocale(user.value.locale)) applyLocale(user.value.locale)
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) {
        // The server is unreachable: treat as signed out; the login page reports errors.
        console.warn('session check failed', err)
      }
      user.value = null
      csrfToken.value = null
    } finally {
      checked.value = true
    }
  }

  async function login(username: string, password: string): Promise<User> {
    const res = await authApi.login(username, password)
    accept(res)
    checked.value = true
    if (isLocale(res.user.locale) && res.user.locale !== currentLocale()) applyLocale(res.user.locale)
    return res.user
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  /** clear forgets the session locally (after logout or when the server says it ended). */
  function clear(markExpired = false): void {
    user.value = null
    csrfToken.value = null
    lastArea.value = null
    checked.value = true
    expired.value = markExpired
  }

  /** setLocale switches the language and, when signed in, remembers it for the user. */
  async function setLocale(locale: Locale): Promise<void> {
    applyLocale(locale)
    if (!user.value) return
    const res = await authApi.setLocale(locale)
    accept(res)
  }

  return { user, csrfToken, checked, expired, lastArea, roles, areas, home, load, login, logout, clear, setLocale }
})
