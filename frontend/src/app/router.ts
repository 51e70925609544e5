import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import type { AppModule } from '@/shared/registry'
import { decide } from '@/shared/router/guard'
import { useSession } from '@/shared/auth/session'
import { i18n } from '@/shared/i18n'

/** buildRoutes assembles the modules' pages around the layout, 403 and 404. */
export function buildRoutes(modules: readonly AppModule[]): RouteRecordRaw[] {
  return [
    ...modules.flatMap((m) => m.bareRoutes ?? []),
    {
      path: '/',
      component: () => import('./AppLayout.vue'),
      children: [
        ...modules.flatMap((m) => m.routes ?? []),
        {
          path: '/403',
          name: 'forbidden',
          component: () => import('@/shared/components/ErrorPage.vue'),
          props: { kind: 'forbidden' },
          meta: { title: 'errors.forbiddenTitle' },
        },
        {
          path: '/:pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/shared/components/ErrorPage.vue'),
          props: { kind: 'notfound' },
          meta: { title: 'errors.notFoundTitle' },
        },
      ],
    },
  ]
}

/** installGuard applies the navigation policy (see decide) before every navigation. */
export function installGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSession()
    await session.load()
    const d = decide(to, session.user ? session.user.roles : null)
    if (!d.allow) return d.redirect
    if (to.meta.area) session.lastArea = to.meta.area
    return true
  })
  router.afterEach((to) => setDocumentTitle(to.meta.title))
}

/** setDocumentTitle names the browser tab after the page, in the UI language. */
export function setDocumentTitle(titleKey: string | undefined): void {
  const base = i18n.global.t('app.fullName')
  document.title = titleKey ? `${i18n.global.t(titleKey)} · ${base}` : base
}

export function createAppRouter(modules: readonly AppModule[], history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes: buildRoutes(modules),
    scrollBehavior: () => ({ top: 0 }),
  })
  installGuard(router)
  return router
}
