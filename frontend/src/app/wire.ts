import type { Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { configureApi, type ApiError } from '@/shared/api'
import { currentLocale, t } from '@/shared/i18n'
import { LOGIN_PATH } from '@/shared/router/guard'
import type { useSession } from '@/shared/auth/session'

type Session = ReturnType<typeof useSession>

/** sessionLostHandler sends the user to login once when the server ends the session. */
export function sessionLostHandler(session: Session, router: Router): () => void {
  return () => {
    // Several calls may fail at once; only the first one navigates.
    if (!session.user) return
    session.clear(true)
    const here = router.currentRoute.value.fullPath
    const query: Record<string, string> = { expired: '1' }
    if (here && here !== '/' && !here.startsWith(LOGIN_PATH)) query.redirect = here
    void router.replace({ path: LOGIN_PATH, query })
  }
}

/** wireApi connects the shared API client to the session, the UI language and the router. */
export function wireApi(session: Session, router: Router, notify: (err: ApiError) => void = showError): void {
  configureApi({
    csrfToken: () => session.csrfToken,
    locale: () => currentLocale(),
    networkMessage: () => t('errors.network'),
    onError: notify,
    onSessionLost: sessionLostHandler(session, router),
  })
}

function showError(err: ApiError): void {
  ElMessage({ type: 'error', message: err.message, grouping: true, showClose: true })
}
