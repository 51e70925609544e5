import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { i18n, registerMessages, currentLocale, applyLocale } from '@/shared/i18n'
import { useSession } from '@/shared/auth/session'
import { createAppRouter } from './app/router'
import { modules } from './app/modules'
import { wireApi } from './app/wire'

for (const m of modules) if (m.messages) registerMessages(m.messages)
applyLocale(currentLocale())

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
const router = createAppRouter(modules)
app.use(router)
wireApi(useSession(pinia), router)

void router.isReady().then(() => app.mount('#app'))
