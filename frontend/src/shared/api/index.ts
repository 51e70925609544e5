import { ApiClient, type ClientHooks } from './client'

export { ApiClient, ApiError, NETWORK_ERROR, BAD_RESPONSE, buildQuery } from './client'
export type { RequestOptions, ClientHooks, Method } from './client'
export * from './types'

/** Base path of the JSON API. */
export const API_BASE = '/api/v1'

const hooks: ClientHooks = {
  csrfToken: () => null,
  locale: () => 'zh-CN',
  onSessionLost: () => {},
  onError: () => {},
  networkMessage: () => '网络错误，请稍后重试',
}

/**
 * configureApi wires the shared client to the session store, i18n and router.
 * main.ts calls it once at start-up; tests build their own ApiClient instead.
 */
export function configureApi(partial: Partial<ClientHooks>): void {
  Object.assign(hooks, partial)
}

/** The application's API client; module api.ts files call it. */
export const api = new ApiClient(API_BASE, hooks)
