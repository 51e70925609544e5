import { markRaw } from 'vue'
import { Checked, Document, Files, Finished, Stamp, Tickets } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import type { Role } from '@/shared/auth/types'
import messages from './i18n'

const ProposalsPage = () => import('./pages/ProposalsPage.vue')
const AppealsPage = () => import('./pages/AppealsPage.vue')

/** Console pages and who sees them (configs/policy.csv; the server still decides). */
export const CONSOLE_STAFF: Role[] = ['admin', 'secretariat']
export const CONSOLE_READERS: Role[] = ['admin', 'secretariat', 'finance']
export const BOARD_READERS: Role[] = ['board', 'supervisor']

const group: MenuGroup = { key: 'credit', title: 'credit.menu.group', icon: markRaw(Stamp) }

/**
 * credit: the industry credit mechanism (8.4.1.5, 8.4.1.6) — the console's records,
 * proposals, lists (with the government export) and appeal/repair reviews; the board's
 * decisions and reviews; the portal's own credit status with appeal and repair; and the
 * public red and black lists reachable without signing in.
 */
const credit: AppModule = {
  name: 'credit',
  routes: [
    {
      path: '/console/credit/records',
      name: 'credit-records',
      component: () => import('./pages/RecordsPage.vue'),
      meta: { area: 'console', roles: CONSOLE_STAFF, title: 'credit.menu.records' },
    },
    {
      path: '/console/credit/proposals',
      name: 'credit-proposals',
      component: ProposalsPage,
      meta: { area: 'console', roles: CONSOLE_STAFF, title: 'credit.menu.proposals' },
    },
    {
      path: '/console/credit/entries',
      name: 'credit-entries',
      component: () => import('./pages/EntriesPage.vue'),
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'credit.menu.entries' },
    },
    {
      path: '/console/credit/appeals',
      name: 'credit-appeals',
      component: AppealsPage,
      meta: { area: 'console', roles: CONSOLE_STAFF, title: 'credit.menu.appeals' },
    },
    {
      path: '/board/credit',
      name: 'board-credit-decide',
      component: ProposalsPage,
      meta: { area: 'board', roles: BOARD_READERS, title: 'credit.menu.decide' },
    },
    {
      path: '/board/credit/appeals',
      name: 'board-credit-appeals',
      component: AppealsPage,
      meta: { area: 'board', roles: BOARD_READERS, title: 'credit.menu.boardAppeals' },
    },
    {
      path: '/portal/credit',
      name: 'portal-credit',
      component: () => import('./pages/PortalCreditPage.vue'),
      meta: { area: 'portal', title: 'credit.menu.portal' },
    },
  ],
  bareRoutes: [
    {
      path: '/credit-lists',
      name: 'public-credit',
      component: () => import('./pages/PublicCreditPage.vue'),
      meta: { public: true, title: 'credit.menu.public' },
    },
  ],
  menu: [
    { area: 'console', group, path: '/console/credit/records', title: 'credit.menu.records', icon: markRaw(Document), roles: CONSOLE_STAFF, order: 700 },
    { area: 'console', group, path: '/console/credit/proposals', title: 'credit.menu.proposals', icon: markRaw(Tickets), roles: CONSOLE_STAFF, order: 710 },
    { area: 'console', group, path: '/console/credit/entries', title: 'credit.menu.entries', icon: markRaw(Files), roles: CONSOLE_READERS, order: 720 },
    { area: 'console', group, path: '/console/credit/appeals', title: 'credit.menu.appeals', icon: markRaw(Checked), roles: CONSOLE_STAFF, order: 730 },
    { area: 'board', path: '/board/credit', title: 'credit.menu.decide', icon: markRaw(Stamp), roles: BOARD_READERS, order: 100 },
    { area: 'board', path: '/board/credit/appeals', title: 'credit.menu.boardAppeals', icon: markRaw(Finished), roles: BOARD_READERS, order: 102 },
    { area: 'portal', path: '/portal/credit', title: 'credit.menu.portal', icon: markRaw(Stamp), order: 80 },
  ],
  messages,
}

export default credit
