import { describe, expect, it } from 'vitest'
import { markRaw } from 'vue'
import { groupMenu, menuFor, type AppModule } from '@/shared/registry'
import { modules } from '@/app/modules'

const paths = (roles: string[], area: 'console' | 'portal' | 'board') => menuFor(modules, roles, area).map((m) => m.path)

const STAFF_MEMBER_PAGES = [
  '/console/members',
  '/console/members/new',
  '/console/member-change-requests',
  '/console/members/import',
  '/console/member-tiers',
  '/console/member-stats',
]
const READER_MEMBER_PAGES = ['/console/members', '/console/member-tiers', '/console/member-stats']
// The governance register: every console user reads it (writes are hidden inside the pages).
const GOVERNANCE_PAGES = [
  '/console/governance/association',
  '/console/governance/bodies',
  '/console/governance/meetings',
  '/console/governance/resolutions',
  '/console/governance/positions',
  '/console/governance/branches',
]
const BOARD_GOVERNANCE_PAGES = ['/board/governance', '/board/governance/resolutions']
// Events: organisers plan them; finance reads the calendar; the board side sees the safety overview.
const STAFF_EVENT_PAGES = ['/console/events', '/console/events/new']
const READER_EVENT_PAGES = ['/console/events']
const BOARD_EVENT_PAGES = ['/board/event-safety']
// Consulting: every console user reads contracts, the catalogue and clients (writes are hidden inside the pages).
const CONSULTING_PAGES = ['/console/consulting/contracts', '/console/consulting/services', '/console/consulting/clients']
// Dues: finance moves money; admin reads the ledger and fund; secretariat sets standards and publishes.
const ADMIN_FEE_PAGES = [
  '/console/fees/standards',
  '/console/fees/bills',
  '/console/fees/ledger',
  '/console/fees/fund',
  '/console/fees/disclosures',
]
const SECRETARIAT_FEE_PAGES = ['/console/fees/standards', '/console/fees/bills', '/console/fees/disclosures']
const FINANCE_FEE_PAGES = [
  '/console/fees/standards',
  '/console/fees/bills',
  '/console/fees/collect',
  '/console/fees/ledger',
  '/console/fees/fund',
  '/console/fees/disclosures',
]
const BOARD_FEE_PAGES = [
  '/board/fees/approvals',
  '/board/fees/disclosures',
  '/board/fees/standards',
  '/board/fees/bills',
  '/board/fees/ledger',
  '/board/fees/fund',
]
const EVALUATOR_FEE_PAGES = ['/board/fees/disclosures', '/board/fees/standards']
// Credit lists: the secretariat records and proposes, finance reads the lists; the board decides and reviews.
const STAFF_CREDIT_PAGES = ['/console/credit/records', '/console/credit/proposals', '/console/credit/entries', '/console/credit/appeals']
const READER_CREDIT_PAGES = ['/console/credit/entries']
const BOARD_CREDIT_PAGES = ['/board/credit', '/board/credit/appeals']
// Scorecard: everyone in the board area reads it (scoring and approval are inside the pages); the office reads it in the console.
const CONSOLE_SCORECARD_PAGES = ['/console/scorecard', '/console/scorecard/rounds', '/console/scorecard/actions']
const BOARD_SCORECARD_PAGES = ['/board/scorecard', '/board/scorecard/rounds', '/board/scorecard/actions']

describe('menu from roles', () => {
  it('gives admins the whole console', () => {
    expect(paths(['admin'], 'console')).toEqual([
      '/console',
      '/console/findings',
      ...STAFF_MEMBER_PAGES,
      ...GOVERNANCE_PAGES,
      ...ADMIN_FEE_PAGES,
      ...STAFF_EVENT_PAGES,
      ...CONSULTING_PAGES,
      ...STAFF_CREDIT_PAGES,
      ...CONSOLE_SCORECARD_PAGES,
      '/console/users',
      '/console/audit',
    ])
  })

  it('hides admin pages from secretariat and finance', () => {
    expect(paths(['secretariat'], 'console')).toEqual([
      '/console',
      '/console/findings',
      ...STAFF_MEMBER_PAGES,
      ...GOVERNANCE_PAGES,
      ...SECRETARIAT_FEE_PAGES,
      ...STAFF_EVENT_PAGES,
      ...CONSULTING_PAGES,
      ...STAFF_CREDIT_PAGES,
      ...CONSOLE_SCORECARD_PAGES,
    ])
    expect(paths(['finance'], 'console')).toEqual([
      '/console',
      '/console/findings',
      ...READER_MEMBER_PAGES,
      ...GOVERNANCE_PAGES,
      ...FINANCE_FEE_PAGES,
      ...READER_EVENT_PAGES,
      ...CONSULTING_PAGES,
      ...READER_CREDIT_PAGES,
      ...CONSOLE_SCORECARD_PAGES,
    ])
  })

  it('gives member contacts the portal only', () => {
    expect(paths(['member'], 'portal')).toEqual([
      '/portal',
      '/portal/my-unit',
      '/portal/tiers',
      '/portal/directory',
      '/portal/leadership',
      '/portal/events',
      '/portal/bills',
      '/portal/disclosures',
      '/portal/credit',
    ])
  })

  it('shows the audit log in the board area to supervisors only', () => {
    expect(paths(['supervisor'], 'board')).toEqual([
      '/board',
      ...BOARD_SCORECARD_PAGES,
      '/board/findings',
      '/board/member-structure',
      '/board/members',
      ...BOARD_GOVERNANCE_PAGES,
      ...BOARD_EVENT_PAGES,
      ...BOARD_FEE_PAGES,
      ...BOARD_CREDIT_PAGES,
      '/board/audit',
    ])
    expect(paths(['board'], 'board')).toEqual([
      '/board',
      ...BOARD_SCORECARD_PAGES,
      '/board/findings',
      '/board/member-structure',
      '/board/members',
      ...BOARD_GOVERNANCE_PAGES,
      ...BOARD_EVENT_PAGES,
      ...BOARD_FEE_PAGES,
      ...BOARD_CREDIT_PAGES,
    ])
    // Evaluators see the statistics only, not the roster.
    expect(paths(['evaluator'], 'board')).toEqual([
      '/board',
      ...BOARD_SCORECARD_PAGES,
      '/board/findings',
      '/board/member-structure',
      ...BOARD_GOVERNANCE_PAGES,
      ...BOARD_EVENT_PAGES,
      ...EVALUATOR_FEE_PAGES,
    ])
  })

  it('lets a later module slot its entries in by order', () => {
    const later: AppModule = {
      name: 'later',
      menu: [
        { area: 'console', path: '/console/later', title: 'x', order: 30, roles: ['finance'], icon: markRaw({}) },
        { area: 'portal', path: '/portal/later', title: 'x', order: 10 },
      ],
    }
    const all = [...modules, later]
    expect(menuFor(all, ['finance'], 'console').map((m) => m.path)).toEqual([
      '/console',
      '/console/findings',
      '/console/later',
      ...READER_MEMBER_PAGES,
      ...GOVERNANCE_PAGES,
      ...FINANCE_FEE_PAGES,
      ...READER_EVENT_PAGES,
      ...CONSULTING_PAGES,
      ...READER_CREDIT_PAGES,
      ...CONSOLE_SCORECARD_PAGES,
    ])
    expect(menuFor(all, ['member'], 'portal').map((m) => m.path)).toEqual([
      '/portal',
      // Same order: ties go by path.
      '/portal/later',
      '/portal/my-unit',
      '/portal/tiers',
      '/portal/directory',
      '/portal/leadership',
      '/portal/events',
      '/portal/bills',
      '/portal/disclosures',
      '/portal/credit',
    ])
  })

  it('has a route for every menu entry, with the same area', () => {
    const routes = modules.flatMap((m) => m.routes ?? [])
    for (const item of modules.flatMap((m) => m.menu ?? [])) {
      const route = routes.find((r) => r.path === item.path)
      expect(route, item.path).toBeDefined()
      expect(route?.meta?.area).toBe(item.area)
      expect(route?.meta?.roles ?? []).toEqual(item.roles ?? [])
    }
  })

  it('gathers grouped entries under one heading where the first of them stands', () => {
    const nodes = groupMenu(menuFor(modules, ['admin'], 'console'))
    expect(nodes.map((n) => (n.kind === 'item' ? n.item.path : `group:${n.group.key}`))).toEqual([
      '/console',
      '/console/findings',
      'group:members',
      'group:governance',
      'group:fees',
      'group:events',
      'group:consulting',
      'group:credit',
      'group:scorecard',
      '/console/users',
      '/console/audit',
    ])
    const group = nodes.find((n) => n.kind === 'group')
    expect(group?.kind === 'group' && group.items.map((i) => i.path)).toEqual(STAFF_MEMBER_PAGES)
  })
})
