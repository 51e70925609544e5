import { computed, reactive, watch, type ComputedRef } from 'vue'
import { useRouter, type LocationQuery, type LocationQueryRaw, type Router } from 'vue-router'
import { MAX_PAGE_SIZE, type ListParams } from '../api/types'

export const PAGE_SIZES = [10, 20, 50, 100] as const

export interface TableQueryOptions {
  /** Filter keys this table uses, with their default (usually ''). */
  filters?: Record<string, string>
  /** Default sort, e.g. '-created_at'. */
  sort?: string
  /** Default page size. */
  pageSize?: number
}

export interface TableQueryState {
  page: number
  pageSize: number
  sort: string
  q: string
  filters: Record<string, string>
}

const MANAGED = ['page', 'page_size', 'sort', 'q'] as const

function first(v: LocationQuery[string] | undefined): string | undefined {
  if (Array.isArray(v)) return v[0] ?? undefined
  return v ?? undefined
}

function positiveInt(v: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!v || !/^\d+$/.test(v)) return fallback
  const n = Number(v)
  return n >= 1 ? Math.min(n, max) : fallback
}

/** parseTableQuery reads a table's state from the URL query, falling back to defaults. */
export function parseTableQuery(query: LocationQuery, opts: TableQueryOptions = {}): TableQueryState {
  const defaults = opts.filters ?? {}
  const filters: Record<string, string> = {}
  for (const [key, def] of Object.entries(defaults)) filters[key] = first(query[key]) ?? def
  return {
    page: positiveInt(first(query.page), 1),
    pageSize: positiveInt(first(query.page_size), opts.pageSize ?? 20, MAX_PAGE_SIZE),
    sort: first(query.sort) ?? opts.sort ?? '',
    q: first(query.q) ?? '',
    filters,
  }
}

/**
 * toLocationQuery writes the state back as URL query, leaving out values equal to the
 * defaults (so a fresh table has a clean URL) and keeping keys the table does not own.
 */
export function toLocationQuery(
  state: TableQueryState,
  opts: TableQueryOptions = {},
  keep: LocationQuery = {},
): LocationQueryRaw {
  const defaults = opts.filters ?? {}
  const out: LocationQueryRaw = {}
  for (const [k, v] of Object.entries(keep)) {
    if ((MANAGED as readonly string[]).includes(k) || k in defaults) continue
    out[k] = v
  }
  if (state.page !== 1) out.page = String(state.page)
  if (state.pageSize !== (opts.pageSize ?? 20)) out.page_size = String(state.pageSize)
  if (state.sort !== (opts.sort ?? '')) out.sort = state.sort
  if (state.q) out.q = state.q
  for (const [k, v] of Object.entries(state.filters)) {
    if (v !== (defaults[k] ?? '')) out[k] = v
  }
  return out
}

/** toApiParams turns the state into list-endpoint parameters (empty filters dropped). */
export function toApiParams(state: TableQueryState): ListParams {
  const params: ListParams = { page: state.page, page_size: state.pageSize }
  if (state.sort) params.sort = state.sort
  if (state.q.trim()) params.q = state.q.trim()
  for (const [k, v] of Object.entries(state.filters)) if (v !== '') params[k] = v
  return params
}

/** sortFromTable maps el-table's sort-change to the API's `-field` syntax. */
export function sortFromTable(prop: string | null | undefined, order: string | null | undefined): string {
  if (!prop || !order) return ''
  return order === 'descending' ? `-${prop}` : prop
}

/** sortToTable maps the API's sort to el-table's default-sort. */
export function sortToTable(sort: string): { prop: string; order: 'ascending' | 'descending' } | undefined {
  if (!sort) return undefined
  return sort.startsWith('-')
    ? { prop: sort.slice(1), order: 'descending' }
    : { prop: sort, order: 'ascending' }
}

export interface TableQuery {
  state: TableQueryState
  params: ComputedRef<ListParams>
  /** True when search or any filter differs from its default. */
  filtered: ComputedRef<boolean>
  /** Apply a change; anything but a page change goes back to page 1. */
  update(patch: Partial<Omit<TableQueryState, 'filters'>> & { filters?: Record<string, string> }): Promise<void>
  /** Clear search and filters. */
  reset(): Promise<void>
}

/**
 * useTableQuery binds a table's paging, search, filters and sort to the URL query, so
 * a filtered page can be bookmarked, shared and restored with the back button.
 */
export function useTableQuery(opts: TableQueryOptions = {}, router: Router = useRouter()): TableQuery {
  const route = router.currentRoute
  const path = route.value.path
  const state = reactive(parseTableQuery(route.value.query, opts)) as TableQueryState

  watch(
    () => route.value.query,
    (query) => {
      if (route.value.path !== path) return
      Object.assign(state, parseTableQuery(query, opts))
    },
  )

  const params = computed(() => toApiParams(state))
  const filtered = computed(
    () => state.q !== '' || Object.entries(state.filters).some(([k, v]) => v !== (opts.filters?.[k] ?? '')),
  )

  async function navigate(next: TableQueryState): Promise<void> {
    Object.assign(state, next)
    await router.push({ path, query: toLocationQuery(next, opts, route.value.query), hash: route.value.hash })
  }

  return {
    state,
    params,
    filtered,
    update(patch) {
      const next: TableQueryState = {
        ...state,
        ...patch,
        filters: { ...state.filters, ...(patch.filters ?? {}) },
      }
      const onlyPage = Object.keys(patch).every((k) => k === 'page')
      if (!onlyPage) next.page = patch.page ?? 1
      return navigate(next)
    },
    reset() {
      return navigate({ ...state, page: 1, q: '', filters: { ...(opts.filters ?? {}) } })
    },
  }
}
