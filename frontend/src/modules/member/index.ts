import { markRaw } from 'vue'
import {
  Avatar,
  CirclePlus,
  Collection,
  DataAnalysis,
  EditPen,
  List,
  Medal,
  OfficeBuilding,
  PieChart,
  Reading,
  Upload,
} from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import type { Role } from '@/shared/auth/types'
import messages from './i18n'

const ListPage = () => import('./pages/MemberListPage.vue')
const DetailPage = () => import('./pages/MemberDetailPage.vue')
const StatsPage = () => import('./pages/StatsPage.vue')

const STAFF: Role[] = ['admin', 'secretariat']
const CONSOLE_READERS: Role[] = ['admin', 'secretariat', 'finance']
const BOARD_READERS: Role[] = ['board', 'supervisor']

const group: MenuGroup = { key: 'members', title: 'member.menu.group', icon: markRaw(Avatar) }

/**
 * member: the member registry (会员名册, 8.1.2) and tiers (8.1.1.1) — the console's
 * roster, applications, imports, change requests and statistics; the board's read-only
 * structure and roster; the portal's own unit, tiers and directory; and the public
 * directory reachable without signing in.
 */
const member: AppModule = {
  name: 'member',
  routes: [
    {
      path: '/console/members',
      name: 'member-list',
      component: ListPage,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'member.menu.list' },
    },
    {
      path: '/console/members/new',
      name: 'member-create',
      component: () => import('./pages/MemberCreatePage.vue'),
      meta: { area: 'console', roles: STAFF, title: 'member.menu.create' },
    },
    {
      path: '/console/members/import',
      name: 'member-import',
      component: () => import('./pages/ImportPage.vue'),
      meta: { area: 'console', roles: STAFF, title: 'member.menu.import' },
    },
    {
      path: '/console/members/:id(\\d+)',
      name: 'member-detail',
      component: DetailPage,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'member.detail.title' },
    },
    {
      path: '/console/member-tiers',
      name: 'member-tiers',
      component: () => import('./pages/TiersPage.vue'),
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'member.menu.tiers' },
    },
    {
      path: '/console/member-change-requests',
      name: 'member-change-requests',
      component: () => import('./pages/ChangeRequestsPage.vue'),
      meta: { area: 'console', roles: STAFF, title: 'member.menu.changes' },
    },
    {
      path: '/console/member-stats',
      name: 'member-stats',
      component: StatsPage,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'member.menu.stats' },
    },
    {
      path: '/board/member-structure',
      name: 'board-member-structure',
      component: StatsPage,
      meta: { area: 'board', title: 'member.menu.structure' },
    },
    {
      path: '/board/members',
      name: 'board-member-list',
      component: ListPage,
      meta: { area: 'board', roles: BOARD_READERS, title: 'member.menu.list' },
    },
    {
      path: '/board/members/:id(\\d+)',
      name: 'board-member-detail',
      component: DetailPage,
      meta: { area: 'board', roles: BOARD_READERS, title: 'member.detail.title' },
    },
    {
      path: '/portal/my-unit',
      name: 'portal-my-unit',
      component: () => import('./pages/PortalMyUnitPage.vue'),
      meta: { area: 'portal', title: 'member.menu.myUnit' },
    },
    {
      path: '/portal/tiers',
      name: 'portal-tiers',
      component: () => import('./pages/PortalTiersPage.vue'),
      meta: { area: 'portal', title: 'member.menu.portalTiers' },
    },
    {
      path: '/portal/directory',
      name: 'portal-directory',
      component: () => import('./pages/PortalDirectoryPage.vue'),
      meta: { area: 'portal', title: 'member.menu.directory' },
    },
  ],
  bareRoutes: [
    {
      path: '/directory',
      name: 'public-directory',
      component: () => import('./pages/PublicDirectoryPage.vue'),
      meta: { public: true, title: 'member.menu.directory' },
    },
  ],
  menu: [
    { area: 'console', group, path: '/console/members', title: 'member.menu.list', icon: markRaw(List), roles: CONSOLE_READERS, order: 100 },
    { area: 'console', group, path: '/console/members/new', title: 'member.menu.create', icon: markRaw(CirclePlus), roles: STAFF, order: 110 },
    { area: 'console', group, path: '/console/member-change-requests', title: 'member.menu.changes', icon: markRaw(EditPen), roles: STAFF, order: 120 },
    { area: 'console', group, path: '/console/members/import', title: 'member.menu.import', icon: markRaw(Upload), roles: STAFF, order: 130 },
    { area: 'console', group, path: '/console/member-tiers', title: 'member.menu.tiers', icon: markRaw(Medal), roles: CONSOLE_READERS, order: 140 },
    { area: 'console', group, path: '/console/member-stats', title: 'member.menu.stats', icon: markRaw(DataAnalysis), roles: CONSOLE_READERS, order: 150 },
    { area: 'board', path: '/board/member-structure', title: 'member.menu.structure', icon: markRaw(PieChart), order: 30 },
    { area: 'board', path: '/board/members', title: 'member.menu.list', icon: markRaw(List), roles: BOARD_READERS, order: 40 },
    { area: 'portal', path: '/portal/my-unit', title: 'member.menu.myUnit', icon: markRaw(OfficeBuilding), order: 10 },
    { area: 'portal', path: '/portal/tiers', title: 'member.menu.portalTiers', icon: markRaw(Collection), order: 20 },
    { area: 'portal', path: '/portal/directory', title: 'member.menu.directory', icon: markRaw(Reading), order: 30 },
  ],
  messages,
}

export default member
