import { markRaw } from 'vue'
import { Briefcase, Document, Tickets, User } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import type { Role } from '@/shared/auth/types'
import messages from './i18n'

/** Console readers of consulting (the board-side roles read through the API, not these pages). */
const CONSOLE: Role[] = ['admin', 'secretariat', 'finance']

const group: MenuGroup = { key: 'consulting', title: 'consulting.menu.group', icon: markRaw(Briefcase) }

/**
 * consulting: consulting services and projects (8.2.2, 7.3.1, 7.3.2) — the catalogue
 * within the business scope, clients, contracts with deliverables and payment plans,
 * the nine-stage lifecycle, the compliance review of foreign commissions, ring-fenced
 * budgets and consulting receipts.
 */
const consulting: AppModule = {
  name: 'consulting',
  routes: [
    {
      path: '/console/consulting/contracts',
      name: 'consulting-contracts',
      component: () => import('./pages/ContractsPage.vue'),
      meta: { area: 'console', roles: CONSOLE, title: 'consulting.menu.contracts' },
    },
    {
      path: '/console/consulting/contracts/:id(\\d+)',
      name: 'consulting-contract',
      component: () => import('./pages/ContractDetailPage.vue'),
      meta: { area: 'console', roles: CONSOLE, title: 'consulting.menu.contracts' },
    },
    {
      path: '/console/consulting/services',
      name: 'consulting-services',
      component: () => import('./pages/ServicesPage.vue'),
      meta: { area: 'console', roles: CONSOLE, title: 'consulting.menu.services' },
    },
    {
      path: '/console/consulting/clients',
      name: 'consulting-clients',
      component: () => import('./pages/ClientsPage.vue'),
      meta: { area: 'console', roles: CONSOLE, title: 'consulting.menu.clients' },
    },
  ],
  menu: [
    { area: 'console', group, path: '/console/consulting/contracts', title: 'consulting.menu.contracts', icon: markRaw(Document), roles: CONSOLE, order: 500 },
    { area: 'console', group, path: '/console/consulting/services', title: 'consulting.menu.services', icon: markRaw(Tickets), roles: CONSOLE, order: 510 },
    { area: 'console', group, path: '/console/consulting/clients', title: 'consulting.menu.clients', icon: markRaw(User), roles: CONSOLE, order: 520 },
  ],
  messages,
}

export default consulting
