import { describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useTableQuery } from '@/shared/table/query'
import { activeFilterCount, exportParams, listParams, MEMBER_LIST_OPTIONS } from '@/modules/member/filters'

describe('member list filters ↔ URL', () => {
  it('asks the API for what the URL says, dropping empty filters', () => {
    expect(
      listParams({ q: '速达', status: 'active', tier_id: '2', region: '', risk: 'any', join_year: '2026', sort: '-joined_on', page: '3' }),
    ).toEqual({ page: 3, page_size: 20, q: '速达', status: 'active', tier_id: '2', risk: 'any', join_year: '2026', sort: '-joined_on' })
    expect(listParams({})).toEqual({ page: 1, page_size: 20 })
  })

  it('ignores query keys that are not the list’s', () => {
    expect(listParams({ tab: 'roster', status: 'applicant' })).toEqual({ page: 1, page_size: 20, status: 'applicant' })
  })

  it('exports with the same filters and sort but no paging', () => {
    const q = { industry: '道路货运', chain_segment: '干线运输', phone: '13800000001', sort: 'name', page: '4', page_size: '50' }
    expect(exportParams(q)).toEqual({ industry: '道路货运', chain_segment: '干线运输', phone: '13800000001', sort: 'name' })
    expect(activeFilterCount(q)).toBe(3)
    expect(activeFilterCount({ sort: 'name' })).toBe(0)
  })

  it('writes filter changes to the URL and reads them back', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/console/members', component: {} }] })
    await router.push('/console/members?status=applicant&page=2')
    const scope = effectScope()
    const tq = scope.run(() => useTableQuery(MEMBER_LIST_OPTIONS, router))!
    expect(tq.state.filters.status).toBe('applicant')
    expect(tq.state.page).toBe(2)

    await tq.update({ filters: { region: '广州', risk: 'high' } })
    expect(router.currentRoute.value.query).toEqual({ status: 'applicant', region: '广州', risk: 'high' })
    expect(tq.params.value).toEqual({ page: 1, page_size: 20, status: 'applicant', region: '广州', risk: 'high' })

    await tq.update({ sort: '-member_no' })
    expect(router.currentRoute.value.query.sort).toBe('-member_no')

    // Back in history restores the previous filters.
    router.back()
    await new Promise((r) => setTimeout(r, 10))
    await nextTick()
    expect(tq.state.sort).toBe('')
    expect(tq.state.filters.region).toBe('广州')

    await tq.reset()
    expect(router.currentRoute.value.query).toEqual({})
    scope.stop()
  })
})
