import { markRaw } from 'vue'
import { Document, User } from '@element-plus/icons-vue'
import type { AppModule } from '@/shared/registry'
import messages from './i18n'

const UsersPage = () => import('./pages/UsersPage.vue')
const AuditPage = () => import('./pages/AuditPage.vue')

/** admin: user accounts and the audit log (console), and the audit log for supervisors (board). */
const admin: AppModule = {
  name: 'admin',
  routes: [
    {
      path: '/console/users',
      name: 'admin-users',
      component: UsersPage,
      meta: { area: 'console', roles: ['admin'], title: 'admin.users.title' },
    },
    {
      path: '/console/audit',
      name: 'admin-audit',
      component: AuditPage,
      meta: { area: 'console', roles: ['admin'], title: 'admin.audit.title' },
    },
    {
      path: '/board/audit',
      name: 'board-audit',
      component: AuditPage,
      meta: { area: 'board', roles: ['supervisor'], title: 'admin.audit.title' },
    },
  ],
  menu: [
    { area: 'console', path: '/console/users', title: 'admin.menu.users', icon: markRaw(User), roles: ['admin'], order: 900 },
    { area: 'console', path: '/console/audit', title: 'admin.menu.audit', icon: markRaw(Document), roles: ['admin'], order: 910 },
    { area: 'board', path: '/board/audit', title: 'admin.menu.audit', icon: markRaw(Document), roles: ['supervisor'], order: 900 },
  ],
  messages,
}

export default admin
