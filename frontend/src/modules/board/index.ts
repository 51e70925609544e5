import { markRaw } from 'vue'
import { DataBoard } from '@element-plus/icons-vue'
import type { AppModule } from '@/shared/registry'
import messages from './i18n'

/** board: the dashboard of the president's office, supervisors and evaluators. */
const board: AppModule = {
  name: 'board',
  routes: [
    {
      path: '/board',
      name: 'board-home',
      component: () => import('./pages/BoardHome.vue'),
      meta: { area: 'board', title: 'board.title' },
    },
  ],
  menu: [{ area: 'board', path: '/board', title: 'board.menu.home', icon: markRaw(DataBoard), order: 0 }],
  messages,
}

export default board
