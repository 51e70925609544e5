import { markRaw } from 'vue'
import { Warning } from '@element-plus/icons-vue'
import type { AppModule } from '@/shared/registry'
import messages from './i18n'

/** compliance: findings (合规提示) opened by the standard's FLAG rules. */
const compliance: AppModule = {
  name: 'compliance',
  routes: [
    {
      path: '/console/findings',
      name: 'console-findings',
      component: () => import('./pages/FindingsPage.vue'),
      meta: { area: 'console', title: 'compliance.title' },
    },
    {
      path: '/board/findings',
      name: 'board-findings',
      component: () => import('./pages/FindingsPage.vue'),
      meta: { area: 'board', title: 'compliance.title' },
    },
  ],
  menu: [
    { area: 'console', path: '/console/findings', title: 'compliance.menu.findings', icon: markRaw(Warning), order: 20 },
    { area: 'board', path: '/board/findings', title: 'compliance.menu.findings', icon: markRaw(Warning), order: 20 },
  ],
  messages,
}

export default compliance
