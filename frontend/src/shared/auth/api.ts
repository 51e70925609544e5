import { api } from '../api'
import type { Locale, RoleInfo, SessionResponse } from './types'

/** Session endpoints; the store is their only caller. */
export const authApi = {
  login: (username: string, password: string) =>
    api.post<SessionResponse>('/auth/login', { username, password }, { quiet: true, allowUnauthenticated: true }),
  me: () => api.get<SessionResponse>('/auth/me', undefined, { quiet: true, allowUnauthenticated: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { quiet: true, allowUnauthenticated: true }),
  setLocale: (locale: Locale) => api.patch<SessionResponse>('/auth/me', { locale }),
  roles: () => api.get<{ items: RoleInfo[] }>('/roles', undefined, { quiet: true }),
}
