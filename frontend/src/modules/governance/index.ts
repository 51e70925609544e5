import { markRaw } from 'vue'
import { Calendar, Connection, Medal, OfficeBuilding, Postcard, Share, Stamp, UserFilled } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import { WRITERS } from './labels'
import messages from './i18n'

const MeetingsPage = () => import('./pages/MeetingsPage.vue')
const MeetingDetailPage = () => import('./pages/MeetingDetailPage.vue')
const ResolutionsPage = () => import('./pages/ResolutionsPage.vue')

const group: MenuGroup = { key: 'governance', title: 'governance.menu.group', icon: markRaw(OfficeBuilding) }

/**
 * governance: the association's governance register (7.1.2, 7.3.3.1) — its profile,
 * bodies with their terms and voting rules, meetings with quorum, immutable resolutions,
 * positions and tenures, branches; the board's overview; the portal's leadership page.
 * Every console user reads it; admin and secretariat record it.
 */
const governance: AppModule = {
  name: 'governance',
  routes: [
    {
      path: '/console/governance/association',
      name: 'gov-association',
      component: () => import('./pages/AssociationPage.vue'),
      meta: { area: 'console', title: 'governance.menu.association' },
    },
    {
      path: '/console/governance/bodies',
      name: 'gov-bodies',
      component: () => import('./pages/BodiesPage.vue'),
      meta: { area: 'console', title: 'governance.menu.bodies' },
    },
    {
      path: '/console/governance/meetings',
      name: 'gov-meetings',
      component: MeetingsPage,
      meta: { area: 'console', title: 'governance.menu.meetings' },
    },
    {
      path: '/console/governance/meetings/new',
      name: 'gov-meeting-record',
      component: () => import('./pages/MeetingRecordPage.vue'),
      meta: { area: 'console', roles: WRITERS, title: 'governance.record.title' },
    },
    {
      path: '/console/governance/meetings/:id(\\d+)',
      name: 'gov-meeting',
      component: MeetingDetailPage,
      meta: { area: 'console', title: 'governance.meeting.title' },
    },
    {
      path: '/console/governance/resolutions',
      name: 'gov-resolutions',
      component: ResolutionsPage,
      meta: { area: 'console', title: 'governance.menu.resolutions' },
    },
    {
      path: '/console/governance/positions',
      name: 'gov-positions',
      component: () => import('./pages/PositionsPage.vue'),
      meta: { area: 'console', title: 'governance.menu.positions' },
    },
    {
      path: '/console/governance/branches',
      name: 'gov-branches',
      component: () => import('./pages/BranchesPage.vue'),
      meta: { area: 'console', title: 'governance.menu.branches' },
    },
    {
      path: '/board/governance',
      name: 'board-gov-overview',
      component: () => import('./pages/BoardOverviewPage.vue'),
      meta: { area: 'board', title: 'governance.menu.overview' },
    },
    {
      path: '/board/governance/meetings',
      name: 'board-gov-meetings',
      component: MeetingsPage,
      meta: { area: 'board', title: 'governance.menu.meetings' },
    },
    {
      path: '/board/governance/meetings/:id(\\d+)',
      name: 'board-gov-meeting',
      component: MeetingDetailPage,
      meta: { area: 'board', title: 'governance.meeting.title' },
    },
    {
      path: '/board/governance/resolutions',
      name: 'board-gov-resolutions',
      component: ResolutionsPage,
      meta: { area: 'board', title: 'governance.menu.resolutions' },
    },
    {
      path: '/portal/leadership',
      name: 'portal-leadership',
      component: () => import('./pages/LeadershipPage.vue'),
      meta: { area: 'portal', title: 'governance.menu.leadership' },
    },
  ],
  menu: [
    { area: 'console', group, path: '/console/governance/association', title: 'governance.menu.association', icon: markRaw(Postcard), order: 200 },
    { area: 'console', group, path: '/console/governance/bodies', title: 'governance.menu.bodies', icon: markRaw(Connection), order: 210 },
    { area: 'console', group, path: '/console/governance/meetings', title: 'governance.menu.meetings', icon: markRaw(Calendar), order: 220 },
    { area: 'console', group, path: '/console/governance/resolutions', title: 'governance.menu.resolutions', icon: markRaw(Stamp), order: 230 },
    { area: 'console', group, path: '/console/governance/positions', title: 'governance.menu.positions', icon: markRaw(Medal), order: 240 },
    { area: 'console', group, path: '/console/governance/branches', title: 'governance.menu.branches', icon: markRaw(Share), order: 250 },
    { area: 'board', path: '/board/governance', title: 'governance.menu.overview', icon: markRaw(OfficeBuilding), order: 50 },
    { area: 'board', path: '/board/governance/resolutions', title: 'governance.menu.resolutions', icon: markRaw(Stamp), order: 60 },
    { area: 'portal', path: '/portal/leadership', title: 'governance.menu.leadership', icon: markRaw(UserFilled), order: 40 },
  ],
  messages,
}

export default governance
