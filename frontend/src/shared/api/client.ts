import type { ErrorBody, ErrorEnvelope, ListParams } from './types'

/** ApiError is thrown for every failed call: HTTP errors and network failures alike. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly clause?: string
  readonly fields: Record<string, string>
  readonly retryAfter?: number
  /** The whole error body, for endpoint-specific details beyond the envelope. */
  readonly body: ErrorBody

  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.body = body
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.clause = body.clause
    this.fields = body.fields ?? {}
    this.retryAfter = body.retry_after as number | undefined
  }

  /** True when the session is missing or expired (not a failed login). */
  get isSessionLost(): boolean {
    return this.status === 401 && this.code !== 'auth.invalid_credentials'
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0
  }
}

/** Codes produced on the client side, never by the server. */
export const NETWORK_ERROR = 'client.network'
export const BAD_RESPONSE = 'client.bad_response'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  query?: ListParams
  body?: unknown
  /** Do not call onError (the caller shows the error itself). */
  quiet?: boolean
  /** Do not treat a 401 as a lost session (login, the initial /auth/me probe). */
  allowUnauthenticated?: boolean
  signal?: AbortSignal
  /** Extra request headers (e.g. an Idempotency-Key); they cannot replace the client's own. */
  headers?: Record<string, string>
}

export interface ClientHooks {
  /** Current CSRF token, sent on state-changing requests. */
  csrfToken: () => string | null
  /** Current UI locale, sent as Accept-Language so server messages match. */
  locale: () => string
  /** Called once per lost session (401 on a call that needs one). */
  onSessionLost: (err: ApiError) => void
  /** Called for every other error unless the request is quiet (shows a toast). */
  onError: (err: ApiError) => void
  /** Localised text for client-side failures. */
  networkMessage: () => string
}

const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function buildQuery(query?: ListParams): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

function isEnvelope(v: unknown): v is ErrorEnvelope {
  if (typeof v !== 'object' || v === null) return false
  const e = (v as { error?: unknown }).error
  return typeof e === 'object' && e !== null && typeof (e as ErrorBody).code === 'string'
}

/**
 * ApiClient speaks the HuiGuan JSON contract: it adds the CSRF header to mutations,
 * the UI locale as Accept-Language, and turns the error envelope into ApiError.
 */
export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly hooks: ClientHooks,
    private readonly fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {}

  get<T>(path: string, query?: ListParams, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, { ...opts, query })
  }

  post<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...opts, body })
  }

  put<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...opts, body })
  }

  patch<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...opts, body })
  }

  delete<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, opts)
  }

  /**
   * raw sends a request with the session's headers (CSRF on mutations, the UI
   * language) and returns the Response as it is, for downloads and uploads.
   * Only a network failure throws here; callers turn a failed answer into an
   * ApiError with fail().
   */
  async raw(
    method: Method,
    path: string,
    opts: { query?: ListParams; body?: BodyInit; accept?: string; quiet?: boolean; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: opts.accept ?? 'application/json',
      'Accept-Language': this.hooks.locale(),
    }
    if (MUTATING.has(method)) {
      const token = this.hooks.csrfToken()
      if (token) headers['X-CSRF-Token'] = token
    }
    try {
      return await this.fetchFn(this.base + path + buildQuery(opts.query), {
        method,
        headers,
        body: opts.body,
        credentials: 'same-origin',
        signal: opts.signal,
      })
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause
      const err = new ApiError(0, { code: NETWORK_ERROR, message: this.hooks.networkMessage() })
      if (!opts.quiet) this.hooks.onError(err)
      throw err
    }
  }

  /** fail reads the error envelope of a failed answer and reports it like request() does. */
  async fail(res: Response, opts: { quiet?: boolean; allowUnauthenticated?: boolean } = {}): Promise<ApiError> {
    let data: unknown = undefined
    try {
      const text = await res.text()
      data = text ? JSON.parse(text) : undefined
    } catch {
      data = undefined
    }
    const err = new ApiError(
      res.status,
      isEnvelope(data)
        ? data.error
        : { code: BAD_RESPONSE, message: `${this.hooks.networkMessage()} (HTTP ${res.status})` },
    )
    if (err.isSessionLost && !opts.allowUnauthenticated) this.hooks.onSessionLost(err)
    else if (!opts.quiet) this.hooks.onError(err)
    return err
  }

  async request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      ...opts.headers,
      Accept: 'application/json',
      'Accept-Language': this.hooks.locale(),
    }
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
    if (MUTATING.has(method)) {
      const token = this.hooks.csrfToken()
      if (token) headers['X-CSRF-Token'] = token
    }

    let res: Response
    try {
      res = await this.fetchFn(this.base + path + buildQuery(opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'same-origin',
        signal: opts.signal,
      })
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause
      const err = new ApiError(0, { code: NETWORK_ERROR, message: this.hooks.networkMessage() })
      if (!opts.quiet) this.hooks.onError(err)
      throw err
    }

    if (res.status === 204) return undefined as T
    const text = await res.text()
    let data: unknown = undefined
    if (text) {
      try {
        data = JSON.parse(text)
      } catch {
        data = undefined
      }
    }

    if (res.ok) return data as T

    const err = new ApiError(
      res.status,
      isEnvelope(data)
        ? data.error
        : { code: BAD_RESPONSE, message: `${this.hooks.networkMessage()} (HTTP ${res.status})` },
    )
    if (err.isSessionLost && !opts.allowUnauthenticated) {
      this.hooks.onSessionLost(err)
    } else if (!opts.quiet) {
      this.hooks.onError(err)
    }
    throw err
  }
}
