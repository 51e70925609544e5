import { describe, expect, it } from 'vitest'
import { markRaw } from 'vue'
import { menuFor, type AppModule } from '@/shared/registry'
import { modules } from '@/app/modules'

const paths = (roles: string[], area: 'console' | 'portal' | 'board') => menuFor(modules, roles, area).map((m) => m.path)

describe('menu from roles', () => {
  it('gives admins the whole console', () => {
    expect(paths(['admin'], 'console')).toEqual(['/console', '/console/findings', '/console/users', '/console/audit'])
  })

  it('hides admin pages from secretariat and finance', () => {
    expect(paths(['secretariat'], 'console')).toEqual(['/console', '/console/findings'])
    expect(paths(['finance'], 'console')).toEqual(['/console', '/console/findings'])
  })

  it('gives member contacts the portal only', () => {
    expect(paths(['member'], 'portal')).toEqual(['/portal'])
  })

  it('shows the audit log in the board area to supervisors only', () => {
    expect(paths(['supervisor'], 'board')).toEqual(['/board', '/board/findings', '/board/audit'])
    expect(paths(['board'], 'board')).toEqual(['/board', '/board/findings'])
    expect(paths(['evaluator'], 'board')).toEqual(['/board', '/board/findings'])
  })

  it('lets a later module slot its entries in by order', () => {
    const fees: AppModule = {
      name: 'fees',
      menu: [
        { area: 'console', path: '/console/bills', title: 'x', order: 30, roles: ['finance'], icon: markRaw({}) },
        { area: 'portal', path: '/portal/bills', title: 'x', order: 10 },
      ],
    }
    const all = [...modules, fees]
    expect(menuFor(all, ['finance'], 'console').map((m) => m.path)).toEqual([
      '/console',
      '/console/findings',
      '/console/bills',
    ])
    expect(menuFor(all, ['member'], 'portal').map((m) => m.path)).toEqual(['/portal', '/portal/bills'])
  })

  it('has a route for every menu entry, with the same area', () => {
    const routes = modules.flatMap((m) => m.routes ?? [])
    for (const item of modules.flatMap((m) => m.menu ?? [])) {
      const route = routes.find((r) => r.path === item.path)
      expect(route, item.path).toBeDefined()
      expect(route?.meta?.area).toBe(item.area)
      expect(route?.meta?.roles ?? []).toEqual(item.roles ?? [])
    }
  })
})
