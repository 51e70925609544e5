import { markRaw } from 'vue'
import { HomeFilled } from '@element-plus/icons-vue'
import type { AppModule } from '@/shared/registry'
import messages from './i18n'

/** console: the secretariat's workbench home. */
const consoleModule: AppModule = {
  name: 'console',
  routes: [
    {
      path: '/console',
      name: 'console-home',
      component: () => import('./pages/ConsoleHome.vue'),
      meta: { area: 'console', title: 'console.title' },
    },
  ],
  menu: [{ area: 'console', path: '/console', title: 'console.menu.home', icon: markRaw(HomeFilled), order: 0 }],
  messages,
}

export default consoleModule
