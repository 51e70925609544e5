import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { configureApi } from '@/shared/api'
import { i18n, registerMessages, currentLocale, applyLocale, t } from '@/shared/i18n'
import { useSession } from '@/shared/auth/session'
import { LOGIN_PATH } from '@/shared/router/guard'
import { createAppRouter } from './app/router'
import { modules } from './app/modules'

for (const m of modules) if (m.messages) registerMessages(m.messages)
applyLocale(currentLocale())

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
const router = createAppRouter(modules)
app.use(router)

const session = useSession(pinia)
configureApi({
  csrfToken: () => session.csrfToken,
  locale: () => currentLocale(),
  networkMessage: () => t('errors.network'),
  onError: (err) => {
    ElMessage({ type: 'error', message: err.message, grouping: true, showClose: true })
  },
  onSessionLost: () => {
    // Several calls may fail at once; only the first one navigates.
    if (!session.user) return
    session.clear(true)
    const here = router.currentRoute.value.fullPath
    void router.replace({ path: LOGIN_PATH, query: { expired: '1', redirect: here } })
  },
})

void router.isReady().then(() => app.mount('#app'))
