import { markRaw } from 'vue'
import { Calendar, CirclePlus, FirstAidKit, Tickets } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import messages from './i18n'
import { EVENT_ROLES } from './permissions'

const WorkspacePage = () => import('./pages/EventWorkspacePage.vue')
const FormPage = () => import('./pages/EventFormPage.vue')

const STAFF = [...EVENT_ROLES.manage]
const CONSOLE = [...EVENT_ROLES.console]
const BOARD = [...EVENT_ROLES.board]

const group: MenuGroup = { key: 'events', title: 'events.menu.group', icon: markRaw(Calendar) }

/**
 * events: events and exhibitions (8.2.1) — the console's calendar, planning,
 * tasks, providers, the large-event safety gate, registration, check-in and
 * summary; the board's safety overview; the portal's registration; and the
 * public list and registration form reachable without signing in.
 */
const events: AppModule = {
  name: 'events',
  routes: [
    {
      path: '/console/events',
      name: 'events-list',
      component: () => import('./pages/EventsPage.vue'),
      meta: { area: 'console', roles: CONSOLE, title: 'events.menu.list' },
    },
    {
      path: '/console/events/new',
      name: 'events-create',
      component: FormPage,
      meta: { area: 'console', roles: STAFF, title: 'events.menu.create' },
    },
    {
      path: '/console/events/:id(\\d+)',
      name: 'events-workspace',
      component: WorkspacePage,
      meta: { area: 'console', roles: CONSOLE, title: 'events.menu.workspace' },
    },
    {
      path: '/console/events/:id(\\d+)/edit',
      name: 'events-edit',
      component: FormPage,
      meta: { area: 'console', roles: STAFF, title: 'events.menu.edit' },
    },
    {
      path: '/board/event-safety',
      name: 'board-event-safety',
      component: () => import('./pages/BoardSafetyPage.vue'),
      meta: { area: 'board', roles: BOARD, title: 'events.menu.safety' },
    },
    {
      path: '/board/event-safety/:id(\\d+)',
      name: 'board-event',
      component: WorkspacePage,
      meta: { area: 'board', roles: BOARD, title: 'events.menu.workspace' },
    },
    {
      path: '/portal/events',
      name: 'portal-events',
      component: () => import('./pages/PortalEventsPage.vue'),
      meta: { area: 'portal', title: 'events.menu.portal' },
    },
  ],
  bareRoutes: [
    {
      path: '/events',
      name: 'public-events',
      component: () => import('./pages/PublicEventsPage.vue'),
      meta: { public: true, title: 'events.menu.publicList' },
    },
    {
      path: '/events/:id(\\d+)/register',
      name: 'public-event-register',
      component: () => import('./pages/PublicRegisterPage.vue'),
      meta: { public: true, title: 'events.menu.publicRegister' },
    },
    {
      path: '/events/:id(\\d+)/survey',
      name: 'public-event-survey',
      component: () => import('./pages/PublicSurveyPage.vue'),
      meta: { public: true, title: 'events.menu.survey' },
    },
  ],
  menu: [
    { area: 'console', group, path: '/console/events', title: 'events.menu.list', icon: markRaw(Calendar), roles: CONSOLE, order: 400 },
    { area: 'console', group, path: '/console/events/new', title: 'events.menu.create', icon: markRaw(CirclePlus), roles: STAFF, order: 410 },
    { area: 'board', path: '/board/event-safety', title: 'events.menu.safety', icon: markRaw(FirstAidKit), roles: BOARD, order: 70 },
    { area: 'portal', path: '/portal/events', title: 'events.menu.portal', icon: markRaw(Tickets), order: 50 },
  ],
  messages,
}

export default events
