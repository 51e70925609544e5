import { describe, expect, it, vi } from 'vitest'
import { ApiClient, ApiError, NETWORK_ERROR, buildQuery, type ClientHooks } from '@/shared/api/client'
import { fieldErrorsOf, useFieldErrors } from '@/shared/api/form-errors'

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

/** failure awaits a call that must fail and returns its ApiError. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the call to fail')
}

function setup(responses: Response[], token: string | null = 'tok-123', locale = 'zh-CN') {
  const calls: { url: string; init: RequestInit }[] = []
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    const r = responses.shift()
    if (!r) throw new Error('no more responses')
    return r
  })
  const hooks: ClientHooks = {
    csrfToken: () => token,
    locale: () => locale,
    onSessionLost: vi.fn(),
    onError: vi.fn(),
    networkMessage: () => '网络错误',
  }
  const client = new ApiClient('/api/v1', hooks, fetchFn as unknown as typeof fetch)
  const header = (i: number, name: string) => (calls[i].init.headers as Record<string, string>)[name]
  return { client, hooks, calls, header }
}

describe('ApiClient request shape', () => {
  it('sends the CSRF token on mutations only', async () => {
    const { client, header } = setup([
      jsonResponse(200, {}),
      jsonResponse(201, {}),
      jsonResponse(200, {}),
      jsonResponse(200, {}),
      jsonResponse(204),
      jsonResponse(200, {}),
    ])
    await client.get('/users')
    await client.post('/users', { a: 1 })
    await client.put('/association', {})
    await client.patch('/users/1', {})
    await client.delete('/things/1')
    await client.request('GET', '/auth/me')
    expect(header(0, 'X-CSRF-Token')).toBeUndefined()
    expect(header(1, 'X-CSRF-Token')).toBe('tok-123')
    expect(header(2, 'X-CSRF-Token')).toBe('tok-123')
    expect(header(3, 'X-CSRF-Token')).toBe('tok-123')
    expect(header(4, 'X-CSRF-Token')).toBe('tok-123')
    expect(header(5, 'X-CSRF-Token')).toBeUndefined()
  })

  it('sends no CSRF header before login (no token yet)', async () => {
    const { client, header } = setup([jsonResponse(200, { user: {}, csrf_token: 'x' })], null)
    await client.post('/auth/login', { username: 'a', password: 'b' })
    expect(header(0, 'X-CSRF-Token')).toBeUndefined()
  })

  it('sends the UI locale, JSON body, same-origin credentials and the query', async () => {
    const { client, calls, header } = setup([jsonResponse(200, { ok: true })], 't', 'en')
    const res = await client.post<{ ok: boolean }>('/x', { name: '张三' }, { query: { page: 2, q: '会', empty: '' } })
    expect(res).toEqual({ ok: true })
    expect(calls[0].url).toBe('/api/v1/x?page=2&q=%E4%BC%9A')
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].init.credentials).toBe('same-origin')
    expect(calls[0].init.body).toBe('{"name":"张三"}')
    expect(header(0, 'Accept-Language')).toBe('en')
    expect(header(0, 'Content-Type')).toBe('application/json')
  })

  it('returns undefined for 204', async () => {
    const { client } = setup([jsonResponse(204)])
    await expect(client.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('builds queries without empty values', () => {
    expect(buildQuery({ a: undefined, b: '', c: 0, d: 'x y' })).toBe('?c=0&d=x+y')
    expect(buildQuery({})).toBe('')
  })
})

describe('ApiClient error envelope', () => {
  it('turns the envelope into ApiError with fields, clause and retry_after', async () => {
    const { client, hooks } = setup([
      jsonResponse(422, {
        error: { code: 'tier.limit', message: '超出限制', clause: '8.1.1.1', fields: { tier_id: '无效' }, retry_after: 3 },
      }),
    ])
    const err = await failure(client.post('/members', {}))
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 422, code: 'tier.limit', message: '超出限制', clause: '8.1.1.1', retryAfter: 3 })
    expect(err.fields).toEqual({ tier_id: '无效' })
    expect(err.hasFieldErrors).toBe(true)
    expect(hooks.onError).toHaveBeenCalledWith(err)
    expect(hooks.onSessionLost).not.toHaveBeenCalled()
  })

  it('calls the session-lost hook on a 401 from an ordinary call', async () => {
    const { client, hooks } = setup([
      jsonResponse(401, { error: { code: 'auth.session_expired', message: '会话已过期' } }),
    ])
    const err = await failure(client.get('/users'))
    expect(err.isSessionLost).toBe(true)
    expect(hooks.onSessionLost).toHaveBeenCalledTimes(1)
    expect(hooks.onError).not.toHaveBeenCalled()
  })

  it('does not treat a failed login as a lost session', async () => {
    const { client, hooks } = setup([
      jsonResponse(401, { error: { code: 'auth.invalid_credentials', message: '用户名或密码错误' } }),
    ])
    const err = await failure(client.post('/auth/login', {}, { quiet: true, allowUnauthenticated: true }))
    expect(err.code).toBe('auth.invalid_credentials')
    expect(err.isSessionLost).toBe(false)
    expect(hooks.onSessionLost).not.toHaveBeenCalled()
    expect(hooks.onError).not.toHaveBeenCalled()
  })

  it('lets the session probe see a 401 without redirecting', async () => {
    const { client, hooks } = setup([jsonResponse(401, { error: { code: 'auth.unauthenticated', message: '请先登录' } })])
    await expect(client.get('/auth/me', undefined, { quiet: true, allowUnauthenticated: true })).rejects.toThrow('请先登录')
    expect(hooks.onSessionLost).not.toHaveBeenCalled()
  })

  it('keeps quiet calls quiet', async () => {
    const { client, hooks } = setup([jsonResponse(409, { error: { code: 'user.username_taken', message: '用户名已被使用' } })])
    await expect(client.post('/users', {}, { quiet: true })).rejects.toThrow('用户名已被使用')
    expect(hooks.onError).not.toHaveBeenCalled()
  })

  it('reports 429 lockouts with retry_after', async () => {
    const { client } = setup([
      jsonResponse(429, { error: { code: 'auth.locked', message: '账户已锁定', retry_after: 900 } }),
    ])
    const err = await failure(client.post('/auth/login', {}, { quiet: true, allowUnauthenticated: true }))
    expect(err).toMatchObject({ status: 429, code: 'auth.locked', retryAfter: 900 })
  })

  it('maps a non-JSON error body and a network failure to client errors', async () => {
    const { client, hooks } = setup([new Response('<html>bad gateway</html>', { status: 502 })])
    const err = await failure(client.get('/x'))
    expect(err).toMatchObject({ status: 502, code: 'client.bad_response' })

    const failing = new ApiClient('/api/v1', hooks, (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch)
    const netErr = await failure(failing.get('/x'))
    expect(netErr).toMatchObject({ status: 0, code: NETWORK_ERROR, message: '网络错误' })
  })
})

describe('field errors for forms', () => {
  it('maps the fields of an ApiError onto form items', () => {
    const { fieldErrors, capture, clear } = useFieldErrors<'username' | 'password'>()
    const err = new ApiError(409, { code: 'user.username_taken', message: '用户名已被使用', fields: { username: '已被使用' } })
    expect(capture(err)).toBe(true)
    expect(fieldErrors.username).toBe('已被使用')
    expect(fieldErrors.password).toBeUndefined()
    clear()
    expect(fieldErrors.username).toBeUndefined()
  })

  it('ignores errors without fields and unknown field names when asked', () => {
    const { fieldErrors, capture } = useFieldErrors<'username'>()
    expect(capture(new Error('boom'))).toBe(false)
    expect(capture(new ApiError(500, { code: 'x', message: 'x' }))).toBe(false)
    capture(new ApiError(400, { code: 'x', message: 'x', fields: { other: 'bad', username: 'bad' } }), ['username'])
    expect(fieldErrors).toEqual({ username: 'bad' })
    expect(fieldErrorsOf(new ApiError(400, { code: 'x', message: 'x', fields: { a: 'b' } }))).toEqual({ a: 'b' })
  })
})
