import { describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import {
  parseTableQuery,
  sortFromTable,
  sortToTable,
  toApiParams,
  toLocationQuery,
  useTableQuery,
} from '@/shared/table/query'

const opts = { filters: { role: '', status: 'open' }, sort: '-created_at', pageSize: 20 }

describe('table query ↔ URL', () => {
  it('reads defaults from an empty query', () => {
    expect(parseTableQuery({}, opts)).toEqual({
      page: 1,
      pageSize: 20,
      sort: '-created_at',
      q: '',
      filters: { role: '', status: 'open' },
    })
  })

  it('reads page, size, sort, search and filters; ignores junk', () => {
    const s = parseTableQuery(
      { page: '3', page_size: '50', sort: 'username', q: '张', role: 'admin', status: '', other: 'x' },
      opts,
    )
    expect(s).toEqual({ page: 3, pageSize: 50, sort: 'username', q: '张', filters: { role: 'admin', status: '' } })
    expect(parseTableQuery({ page: '-1', page_size: 'abc' }, opts)).toMatchObject({ page: 1, pageSize: 20 })
    expect(parseTableQuery({ page_size: '5000' }, opts).pageSize).toBe(200)
    expect(parseTableQuery({ page: ['4', '5'] }, opts).page).toBe(4)
  })

  it('writes only what differs from the defaults and keeps foreign keys', () => {
    const s = parseTableQuery({}, opts)
    expect(toLocationQuery(s, opts)).toEqual({})
    expect(
      toLocationQuery({ ...s, page: 2, q: '会', filters: { role: 'member', status: '' } }, opts, { tab: 'x', page: '9' }),
    ).toEqual({ tab: 'x', page: '2', q: '会', role: 'member', status: '' })
  })

  it('round-trips through the URL', () => {
    const s = { page: 4, pageSize: 100, sort: 'username', q: 'li', filters: { role: 'finance', status: 'closed' } }
    expect(parseTableQuery(toLocationQuery(s, opts) as never, opts)).toEqual(s)
  })

  it('builds API parameters without empty filters', () => {
    expect(toApiParams(parseTableQuery({ q: '  a  ', status: '' }, opts))).toEqual({
      page: 1,
      page_size: 20,
      sort: '-created_at',
      q: 'a',
    })
  })

  it('maps el-table sorting', () => {
    expect(sortFromTable('created_at', 'descending')).toBe('-created_at')
    expect(sortFromTable('username', 'ascending')).toBe('username')
    expect(sortFromTable('username', null)).toBe('')
    expect(sortToTable('-seq')).toEqual({ prop: 'seq', order: 'descending' })
    expect(sortToTable('')).toBeUndefined()
  })
})

describe('useTableQuery with a router', () => {
  async function setup(start: string) {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/console/users', component: { template: '<div/>' } }],
    })
    await router.push(start)
    const scope = effectScope()
    const tq = scope.run(() => useTableQuery(opts, router))!
    return { router, tq, scope }
  }

  it('starts from the URL', async () => {
    const { tq } = await setup('/console/users?page=2&role=admin&q=wang')
    expect(tq.state).toMatchObject({ page: 2, q: 'wang', filters: { role: 'admin', status: 'open' } })
    expect(tq.params.value).toEqual({ page: 2, page_size: 20, sort: '-created_at', q: 'wang', role: 'admin', status: 'open' })
    expect(tq.filtered.value).toBe(true)
  })

  it('pushes changes to the URL and resets the page on filter changes', async () => {
    const { router, tq } = await setup('/console/users?page=3')
    await tq.update({ filters: { role: 'member' } })
    expect(router.currentRoute.value.fullPath).toBe('/console/users?role=member')
    await tq.update({ page: 2 })
    expect(router.currentRoute.value.query).toEqual({ role: 'member', page: '2' })
    await tq.update({ sort: 'username' })
    expect(router.currentRoute.value.query).toEqual({ role: 'member', sort: 'username' })
    await tq.reset()
    expect(router.currentRoute.value.query).toEqual({ sort: 'username' })
    expect(tq.filtered.value).toBe(false)
  })

  it('follows the URL on back and forward', async () => {
    const { router, tq } = await setup('/console/users')
    await tq.update({ q: 'first' })
    await tq.update({ q: 'second' })
    router.back()
    await new Promise((r) => setTimeout(r, 10))
    await nextTick()
    expect(router.currentRoute.value.query.q).toBe('first')
    expect(tq.state.q).toBe('first')
  })
})
