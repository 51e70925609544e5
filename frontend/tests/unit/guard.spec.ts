import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteMeta } from 'vue-router'
import { decide, homeOf, safeRedirect } from '@/shared/router/guard'
import { areasOf, canEnter, firstArea } from '@/shared/auth/permissions'
import { installGuard } from '@/app/router'
import { useSession } from '@/shared/auth/session'
import { authApi } from '@/shared/auth/api'
import { ApiError } from '@/shared/api'

const target = (path: string, meta: RouteMeta = {}) => ({ path, fullPath: path, meta })

describe('roles → areas', () => {
  it.each([
    [['admin'], ['console']],
    [['secretariat'], ['console']],
    [['finance'], ['console']],
    [['member'], ['portal']],
    [['board'], ['board']],
    [['supervisor'], ['board']],
    [['evaluator'], ['board']],
    [['evaluator', 'admin', 'member'], ['console', 'portal', 'board']],
    [['unknown'], []],
    [[], []],
  ])('%j opens %j', (roles, areas) => {
    expect(areasOf(roles)).toEqual(areas)
  })

  it('lands in the first area', () => {
    expect(firstArea(['board', 'finance'])).toBe('console')
    expect(homeOf(['supervisor', 'member'])).toBe('/portal')
    expect(homeOf([])).toBe('/403')
  })

  it('checks area and page roles together', () => {
    expect(canEnter(['secretariat'], 'console')).toBe(true)
    expect(canEnter(['secretariat'], 'console', ['admin'])).toBe(false)
    expect(canEnter(['admin'], 'console', ['admin'])).toBe(true)
    expect(canEnter(['member'], 'console')).toBe(false)
    expect(canEnter(['supervisor'], 'board', ['supervisor'])).toBe(true)
    expect(canEnter(['board'], 'board', ['supervisor'])).toBe(false)
  })
})

describe('decide', () => {
  const consoleUsers = target('/console/users', { area: 'console', roles: ['admin'] })

  it('sends anonymous users to login, remembering the page', () => {
    expect(decide(consoleUsers, null)).toEqual({
      allow: false,
      redirect: { path: '/login', query: { redirect: '/console/users' } },
    })
    expect(decide(target('/'), null)).toEqual({ allow: false, redirect: { path: '/login', query: undefined } })
  })

  it('lets anyone see public pages, but skips login when signed in', () => {
    const login = target('/login', { public: true })
    expect(decide(login, null)).toEqual({ allow: true })
    expect(decide(login, ['member'])).toEqual({ allow: false, redirect: '/portal' })
  })

  it('sends "/" to the first area of the roles', () => {
    expect(decide(target('/'), ['admin'])).toEqual({ allow: false, redirect: '/console' })
    expect(decide(target('/'), ['evaluator'])).toEqual({ allow: false, redirect: '/board' })
  })

  it('answers 403 for an area or page the roles do not open', () => {
    const forbidden = { allow: false, redirect: { path: '/403', query: { from: '/console/users' } } }
    expect(decide(consoleUsers, ['member'])).toEqual(forbidden)
    expect(decide(consoleUsers, ['secretariat'])).toEqual(forbidden)
    expect(decide(target('/board', { area: 'board' }), ['finance'])).toMatchObject({ allow: false })
  })

  it('allows what the roles open', () => {
    expect(decide(consoleUsers, ['admin'])).toEqual({ allow: true })
    expect(decide(target('/board', { area: 'board' }), ['supervisor'])).toEqual({ allow: true })
    expect(decide(target('/403'), ['member'])).toEqual({ allow: true })
  })

  it('accepts only in-app redirects', () => {
    expect(safeRedirect('/console/users?page=2')).toBe('/console/users?page=2')
    expect(safeRedirect('//evil.example')).toBeNull()
    expect(safeRedirect('https://evil.example')).toBeNull()
    expect(safeRedirect('/\\evil')).toBeNull()
    expect(safeRedirect('/login')).toBeNull()
    expect(safeRedirect(['/x'])).toBeNull()
  })
})

describe('installGuard on a router', () => {
  const Stub = { template: '<div />' }

  function makeRouter() {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', component: Stub, meta: { public: true } },
        { path: '/', component: Stub },
        { path: '/console', component: Stub, meta: { area: 'console' } },
        { path: '/console/users', component: Stub, meta: { area: 'console', roles: ['admin'] } },
        { path: '/portal', component: Stub, meta: { area: 'portal' } },
        { path: '/403', component: Stub },
      ],
    })
    installGuard(router)
    return router
  }

  function signedInAs(roles: string[]) {
    vi.spyOn(authApi, 'me').mockResolvedValue({
      csrf_token: 'tok',
      user: {
        id: 7,
        username: 'u',
        display_name: 'U',
        roles: roles as never,
        member_id: null,
        member_name: null,
        clearance: 1,
        disabled: false,
        locale: 'zh-CN',
        last_login_at: null,
        created_at: '2026-01-01T00:00:00Z',
      },
    })
  }

  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('shows the 403 page to a member who opens the console', async () => {
    signedInAs(['member'])
    const router = makeRouter()
    await router.push('/console/users')
    expect(router.currentRoute.value.path).toBe('/403')
    expect(router.currentRoute.value.query.from).toBe('/console/users')
    expect(useSession().lastArea).toBeNull()
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/portal')
    expect(useSession().lastArea).toBe('portal')
  })

  it('sends visitors without a session to login', async () => {
    vi.spyOn(authApi, 'me').mockRejectedValue(new ApiError(401, { code: 'auth.unauthenticated', message: '' }))
    const router = makeRouter()
    await router.push('/console')
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/console')
  })

  it('asks the server for the session only once', async () => {
    signedInAs(['admin'])
    const router = makeRouter()
    await router.push('/console')
    await router.push('/console/users')
    expect(router.currentRoute.value.path).toBe('/console/users')
    expect(authApi.me).toHaveBeenCalledTimes(1)
  })
})
