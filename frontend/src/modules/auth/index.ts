import type { AppModule } from '@/shared/registry'
import messages from './i18n'

/** auth: the login page (the session itself lives in shared/auth). */
const auth: AppModule = {
  name: 'auth',
  bareRoutes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, title: 'auth.title' },
    },
  ],
  messages,
}

export default auth
