import type { LocationQuery } from 'vue-router'
import type { ListParams } from '@/shared/api'
import { parseTableQuery, toApiParams, type TableQueryOptions } from '@/shared/table/query'

/** The roster list's filters, all bound to the URL (empty = not filtered). */
export const MEMBER_FILTERS = {
  status: '',
  tier_id: '',
  region: '',
  industry: '',
  chain_segment: '',
  join_year: '',
  risk: '',
  phone: '',
} as const satisfies Record<string, string>

export const MEMBER_LIST_OPTIONS: TableQueryOptions = { filters: { ...MEMBER_FILTERS }, sort: '', pageSize: 20 }

/** listParams is what the roster list asks the API for, read from the URL. */
export function listParams(query: LocationQuery): ListParams {
  return toApiParams(parseTableQuery(query, MEMBER_LIST_OPTIONS))
}

/**
 * exportParams carries the list's current search, filters and sort over to the
 * export (paging does not apply: the export holds every matching unit).
 */
export function exportParams(query: LocationQuery): ListParams {
  const { page: _page, page_size: _size, ...rest } = listParams(query)
  return rest
}

/** activeFilterCount counts the search and filters that narrow the list. */
export function activeFilterCount(query: LocationQuery): number {
  const p = exportParams(query)
  return Object.keys(p).filter((k) => k !== 'sort').length
}
