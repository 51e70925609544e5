/** The error envelope every non-2xx answer of the API carries. */
export interface ErrorBody {
  code: string
  message: string
  clause?: string
  fields?: Record<string, string>
  retry_after?: number
  /** Endpoint-specific details (e.g. the rows of a refused import). */
  [extra: string]: unknown
}

export interface ErrorEnvelope {
  error: ErrorBody
}

/** A page of a list endpoint: `?page=&page_size=&sort=&q=&<filter>=`. */
export interface ListResponse<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** Query parameters accepted by list endpoints; filters are extra string keys. */
export type ListParams = Record<string, string | number | undefined>

/** The server's hard cap on page_size. */
export const MAX_PAGE_SIZE = 200
