import { markRaw } from 'vue'
import { HomeFilled } from '@element-plus/icons-vue'
import type { AppModule } from '@/shared/registry'
import messages from './i18n'

/** portal: the member unit contact's home. Own-unit sections join as they open. */
const portal: AppModule = {
  name: 'portal',
  routes: [
    {
      path: '/portal',
      name: 'portal-home',
      component: () => import('./pages/PortalHome.vue'),
      meta: { area: 'portal', title: 'portal.title' },
    },
  ],
  menu: [{ area: 'portal', path: '/portal', title: 'portal.menu.home', icon: markRaw(HomeFilled), order: 0 }],
  messages,
}

export default portal
