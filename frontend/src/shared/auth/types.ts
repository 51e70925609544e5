export type Role = 'admin' | 'secretariat' | 'finance' | 'board' | 'supervisor' | 'evaluator' | 'member'

export type Area = 'console' | 'portal' | 'board'

export type Locale = 'zh-CN' | 'en'

/** Clearance levels of the association's own confidentiality scheme (8.1.2.3). */
export type Clearance = 0 | 1 | 2 | 3

export interface User {
  id: number
  username: string
  display_name: string
  roles: Role[]
  member_id: number | null
  member_name: string | null
  clearance: Clearance
  disabled: boolean
  locale: Locale
  last_login_at: string | null
  created_at: string
}

/** The answer of POST /auth/login, GET /auth/me and PATCH /auth/me. */
export interface SessionResponse {
  user: User
  csrf_token: string
}

/** One row of GET /roles. */
export interface RoleInfo {
  name: Role
  label_zh: string
  label_en: string
  clearance: Clearance
  area: Area
}
