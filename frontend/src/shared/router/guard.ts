import type { RouteLocationRaw, RouteMeta } from 'vue-router'
import { AREA_HOME, canEnter, firstArea } from '../auth/permissions'

/** The part of a target route the guard looks at. */
export interface GuardTarget {
  path: string
  fullPath: string
  name?: string | symbol | null
  meta: RouteMeta
}

export type Decision = { allow: true } | { allow: false; redirect: RouteLocationRaw }

const ALLOW: Decision = { allow: true }

export const LOGIN_PATH = '/login'
export const FORBIDDEN_PATH = '/403'

/** homeOf is where a signed-in user with these roles belongs. */
export function homeOf(roles: readonly string[]): string {
  const area = firstArea(roles)
  return area ? AREA_HOME[area] : FORBIDDEN_PATH
}

/**
 * decide is the whole navigation policy, kept pure for tests:
 * anonymous users go to login (remembering where they were going), signed-in users
 * skip the login page, "/" lands in the first area of the user's roles, and a page whose
 * area or roles the user lacks leads to the 403 page (which names the refused path).
 */
export function decide(to: GuardTarget, roles: readonly string[] | null): Decision {
  if (to.meta.public) {
    if (roles && to.path === LOGIN_PATH) return { allow: false, redirect: homeOf(roles) }
    return ALLOW
  }
  if (!roles) {
    const query = to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : undefined
    return { allow: false, redirect: { path: LOGIN_PATH, query } }
  }
  if (to.path === '/') return { allow: false, redirect: homeOf(roles) }
  if (!canEnter(roles, to.meta.area, to.meta.roles)) {
    return { allow: false, redirect: { path: FORBIDDEN_PATH, query: { from: to.fullPath } } }
  }
  return ALLOW
}

/**
 * safeRedirect accepts a post-login redirect only when it is an in-app path (never
 * another origin, never the login page itself).
 */
export function safeRedirect(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null
  if (raw === LOGIN_PATH || raw.startsWith(`${LOGIN_PATH}?`)) return null
  return raw
}
