import type { Area, Role } from './types'

/** Every role, in the order they are listed in forms. */
export const ROLES: readonly Role[] = [
  'admin',
  'secretariat',
  'finance',
  'board',
  'supervisor',
  'evaluator',
  'member',
]

/** Areas in the order a user with several lands in them. */
export const AREAS: readonly Area[] = ['console', 'portal', 'board']

/**
 * ROLE_AREA mirrors the server's role catalogue (GET /roles `area`): which area of the
 * application each role works in. The server still authorises every call.
 */
export const ROLE_AREA: Readonly<Record<Role, Area>> = {
  admin: 'console',
  secretariat: 'console',
  finance: 'console',
  member: 'portal',
  board: 'board',
  supervisor: 'board',
  evaluator: 'board',
}

/** The landing path of each area. */
export const AREA_HOME: Readonly<Record<Area, string>> = {
  console: '/console',
  portal: '/portal',
  board: '/board',
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v)
}

/** areasOf lists the areas a user's roles open, in AREAS order. */
export function areasOf(roles: readonly string[]): Area[] {
  const set = new Set<Area>()
  for (const r of roles) if (isRole(r)) set.add(ROLE_AREA[r])
  return AREAS.filter((a) => set.has(a))
}

/** firstArea is where a user lands after login, or null when no role opens an area. */
export function firstArea(roles: readonly string[]): Area | null {
  return areasOf(roles)[0] ?? null
}

/** hasAnyRole is true when `required` is empty or shares a role with `roles`. */
export function hasAnyRole(roles: readonly string[], required?: readonly Role[]): boolean {
  if (!required || required.length === 0) return true
  return required.some((r) => roles.includes(r))
}

/** canEnter says whether the roles may open a page of `area` that requires `required`. */
export function canEnter(roles: readonly string[], area: Area | undefined, required?: readonly Role[]): boolean {
  if (area && !areasOf(roles).includes(area)) return false
  return hasAnyRole(roles, required)
}
