import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useSession } from '@/shared/auth/session'
import { authApi } from '@/shared/auth/api'
import { applyLocale, currentLocale, storedLocale } from '@/shared/i18n'
import { sessionLostHandler } from '@/app/wire'
import type { SessionResponse, User } from '@/shared/auth/types'

function user(overrides: Partial<User> = {}): User {
  return {
    id: 2,
    username: 'member01',
    display_name: '王会员',
    roles: ['member'],
    member_id: null,
    member_name: null,
    clearance: 1,
    disabled: false,
    locale: 'zh-CN',
    last_login_at: null,
    created_at: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}

const answer = (u: User, token = 'tok'): SessionResponse => ({ user: u, csrf_token: token })

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    applyLocale('zh-CN')
  })

  it('login keeps the user and token and applies the user language', async () => {
    vi.spyOn(authApi, 'login').mockResolvedValue(answer(user({ locale: 'en', roles: ['member', 'supervisor'] }), 'csrf-1'))
    const s = useSession()
    await s.login('member01', 'secret-secret')
    expect(s.csrfToken).toBe('csrf-1')
    expect(s.areas).toEqual(['portal', 'board'])
    expect(s.home).toBe('/portal')
    expect(currentLocale()).toBe('en')
    expect(storedLocale()).toBe('en')
  })

  it('setLocale saves the language on the signed-in user', async () => {
    vi.spyOn(authApi, 'login').mockResolvedValue(answer(user()))
    const patch = vi.spyOn(authApi, 'setLocale').mockResolvedValue(answer(user({ locale: 'en' }), 'tok-2'))
    const s = useSession()
    await s.login('member01', 'secret-secret')
    await s.setLocale('en')
    expect(patch).toHaveBeenCalledWith('en')
    expect(currentLocale()).toBe('en')
    expect(s.user?.locale).toBe('en')
    expect(s.csrfToken).toBe('tok-2')
  })

  it('setLocale before login only remembers it in the browser', async () => {
    const patch = vi.spyOn(authApi, 'setLocale')
    await useSession().setLocale('en')
    expect(patch).not.toHaveBeenCalled()
    expect(storedLocale()).toBe('en')
  })

  it('logout forgets the session even when the server call fails', async () => {
    vi.spyOn(authApi, 'login').mockResolvedValue(answer(user()))
    vi.spyOn(authApi, 'logout').mockRejectedValue(new Error('offline'))
    const s = useSession()
    await s.login('member01', 'secret-secret')
    await expect(s.logout()).rejects.toThrow('offline')
    expect(s.user).toBeNull()
    expect(s.csrfToken).toBeNull()
  })
})

describe('lost session', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('sends the user to login once, with the expiry note and the way back', async () => {
    vi.spyOn(authApi, 'login').mockResolvedValue(answer(user({ roles: ['admin'] })))
    const Stub = { template: '<div/>' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', component: Stub },
        { path: '/console/users', component: Stub },
      ],
    })
    await router.push('/console/users?page=2')
    const s = useSession()
    await s.login('admin', 'secret-secret')
    const replace = vi.spyOn(router, 'replace')

    const onLost = sessionLostHandler(s, router)
    onLost()
    onLost()
    await new Promise((r) => setTimeout(r, 0))

    expect(replace).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query).toEqual({ expired: '1', redirect: '/console/users?page=2' })
    expect(s.user).toBeNull()
    expect(s.expired).toBe(true)
  })
})
