import type { AppModule } from '@/shared/registry'
import auth from '@/modules/auth'
import admin from '@/modules/admin'
import consoleModule from '@/modules/console'
import portal from '@/modules/portal'
import board from '@/modules/board'
import compliance from '@/modules/compliance'
import member from '@/modules/member'
import fees from '@/modules/fees'
import governance from '@/modules/governance'
import events from '@/modules/events'
import consulting from '@/modules/consulting'
import scorecard from '@/modules/scorecard'
import credit from '@/modules/credit'

/**
 * Every module of the application. A new bounded context (members, fees, events …)
 * adds its folder under src/modules and one line here; its routes, menu entries and
 * translations come with it.
 */
export const modules: readonly AppModule[] = [auth, consoleModule, compliance, member, fees, governance, events, credit, scorecard, consulting, admin, portal, board]
