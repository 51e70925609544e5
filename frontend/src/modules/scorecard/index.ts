import { markRaw } from 'vue'
import { DataLine, Finished, Tickets } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import type { Role } from '@/shared/auth/types'
import messages from './i18n'

const Dashboard = () => import('./pages/ScorecardDashboard.vue')
const Rounds = () => import('./pages/RoundsPage.vue')
const RoundDetail = () => import('./pages/RoundDetailPage.vue')
const Actions = () => import('./pages/ActionsPage.vue')

/** Console readers of the scorecard (policy.csv): the office reads, it does not score. */
const CONSOLE_READERS: Role[] = ['admin', 'secretariat', 'finance']

const group: MenuGroup = { key: 'scorecard', title: 'scorecard.menu.group', icon: markRaw(DataLine) }

/**
 * scorecard: the capability scorecard (clauses 6, 9, 10). The board area holds the
 * dashboard for the 会长办公会, the evaluation rounds the working group (evaluator)
 * scores and the board approves, and the improvement actions; the console reads the
 * same pages and follows the actions up.
 */
const scorecard: AppModule = {
  name: 'scorecard',
  routes: [
    { path: '/board/scorecard', name: 'board-scorecard', component: Dashboard, meta: { area: 'board', title: 'scorecard.menu.dashboard' } },
    { path: '/board/scorecard/rounds', name: 'board-scorecard-rounds', component: Rounds, meta: { area: 'board', title: 'scorecard.menu.rounds' } },
    {
      path: '/board/scorecard/rounds/:id(\\d+)',
      name: 'board-scorecard-round',
      component: RoundDetail,
      meta: { area: 'board', title: 'scorecard.detail.title' },
    },
    { path: '/board/scorecard/actions', name: 'board-scorecard-actions', component: Actions, meta: { area: 'board', title: 'scorecard.menu.actions' } },
    {
      path: '/console/scorecard',
      name: 'console-scorecard',
      component: Dashboard,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'scorecard.menu.dashboard' },
    },
    {
      path: '/console/scorecard/rounds',
      name: 'console-scorecard-rounds',
      component: Rounds,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'scorecard.menu.rounds' },
    },
    {
      path: '/console/scorecard/rounds/:id(\\d+)',
      name: 'console-scorecard-round',
      component: RoundDetail,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'scorecard.detail.title' },
    },
    {
      path: '/console/scorecard/actions',
      name: 'console-scorecard-actions',
      component: Actions,
      meta: { area: 'console', roles: CONSOLE_READERS, title: 'scorecard.menu.actions' },
    },
  ],
  menu: [
    { area: 'board', group, path: '/board/scorecard', title: 'scorecard.menu.dashboard', icon: markRaw(DataLine), order: 10 },
    { area: 'board', group, path: '/board/scorecard/rounds', title: 'scorecard.menu.rounds', icon: markRaw(Tickets), order: 12 },
    { area: 'board', group, path: '/board/scorecard/actions', title: 'scorecard.menu.actions', icon: markRaw(Finished), order: 14 },
    { area: 'console', group, path: '/console/scorecard', title: 'scorecard.menu.dashboard', icon: markRaw(DataLine), roles: CONSOLE_READERS, order: 800 },
    { area: 'console', group, path: '/console/scorecard/rounds', title: 'scorecard.menu.rounds', icon: markRaw(Tickets), roles: CONSOLE_READERS, order: 810 },
    { area: 'console', group, path: '/console/scorecard/actions', title: 'scorecard.menu.actions', icon: markRaw(Finished), roles: CONSOLE_READERS, order: 820 },
  ],
  messages,
}

export default scorecard
