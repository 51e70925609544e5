import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { Area, Role } from './auth/types'
import { hasAnyRole } from './auth/permissions'

declare module 'vue-router' {
  interface RouteMeta {
    /** The area whose layout and menu the page belongs to. */
    area?: Area
    /** Roles of which the user needs at least one (besides access to the area). */
    roles?: Role[]
    /** i18n key of the page title (shown in the header and the document title). */
    title?: string
    /** Reachable without a session (the login page). */
    public?: boolean
  }
}

/** One entry of an area's side menu. */
export interface MenuItem {
  area: Area
  path: string
  /** i18n key of the label. */
  title: string
  icon?: Component
  /** Roles of which the user needs at least one; empty means every user of the area. */
  roles?: Role[]
  /** Lower first; modules leave gaps (10, 20, …) so later modules can slot in. */
  order: number
  /** Entries sharing a group key are shown together under one heading (a sub-menu). */
  group?: MenuGroup
}

/** A heading that gathers a module's menu entries (e.g. 会员管理). */
export interface MenuGroup {
  key: string
  /** i18n key of the heading. */
  title: string
  icon?: Component
}

/** A menu line: a plain entry, or a group of entries under a heading. */
export type MenuNode =
  | { kind: 'item'; item: MenuItem }
  | { kind: 'group'; group: MenuGroup; items: MenuItem[] }

export type LocaleMessages = Record<string, unknown>

/**
 * AppModule is what each folder under src/modules exports: its pages (absolute paths
 * under /console, /portal or /board with meta.area and meta.roles), its menu entries
 * and its translations. Adding a module is adding it to src/modules/index.ts.
 */
export interface AppModule {
  name: string
  /** Routes shown inside the application layout. */
  routes?: RouteRecordRaw[]
  /** Routes outside the layout (login). */
  bareRoutes?: RouteRecordRaw[]
  menu?: MenuItem[]
  messages?: { 'zh-CN': LocaleMessages; en: LocaleMessages }
}

/** menuFor lists the menu entries of `area` that `roles` may see, in order. */
export function menuFor(modules: readonly AppModule[], roles: readonly string[], area: Area): MenuItem[] {
  return modules
    .flatMap((m) => m.menu ?? [])
    .filter((item) => item.area === area && hasAnyRole(roles, item.roles))
    .sort((a, b) => a.order - b.order || a.path.localeCompare(b.path))
}

/**
 * groupMenu folds entries that share a group into one node, placed where the
 * group's first entry stands; the other entries keep their order.
 */
export function groupMenu(items: readonly MenuItem[]): MenuNode[] {
  const out: MenuNode[] = []
  const groups = new Map<string, { kind: 'group'; group: MenuGroup; items: MenuItem[] }>()
  for (const item of items) {
    if (!item.group) {
      out.push({ kind: 'item', item })
      continue
    }
    let node = groups.get(item.group.key)
    if (!node) {
      node = { kind: 'group', group: item.group, items: [] }
      groups.set(item.group.key, node)
      out.push(node)
    }
    node.items.push(item)
  }
  return out
}
