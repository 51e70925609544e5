import { markRaw } from 'vue'
import { Coin, DocumentChecked, Histogram, Money, Notebook, PriceTag, Tickets, Wallet } from '@element-plus/icons-vue'
import type { AppModule, MenuGroup } from '@/shared/registry'
import type { Role } from '@/shared/auth/types'
import messages from './i18n'

const StandardsPage = () => import('./pages/StandardsPage.vue')
const BillsPage = () => import('./pages/BillsPage.vue')
const LedgerPage = () => import('./pages/LedgerPage.vue')
const FundPage = () => import('./pages/FundPage.vue')
const DisclosuresPage = () => import('./pages/DisclosuresPage.vue')
const ReceiptPage = () => import('./pages/ReceiptPage.vue')

// Who reads what mirrors configs/policy.csv; the pages hide the actions a role lacks.
const CONSOLE: Role[] = ['admin', 'secretariat', 'finance']
const MONEY: Role[] = ['admin', 'finance']
const FINANCE: Role[] = ['finance']
const BOARD_READERS: Role[] = ['board', 'supervisor']
const BOARD_ALL: Role[] = ['board', 'supervisor', 'evaluator']

const group: MenuGroup = { key: 'fees', title: 'fees.menu.group', icon: markRaw(Coin) }

/**
 * fees: the dues of 8.1.1 — fee standards on the assembly's resolution, bills and the
 * bill run, payments with receipts and reversals, the dedicated fee fund with its
 * keeper and expenses, and the annual disclosure (draft, verify, approve, publish,
 * revise) with members' feedback; the board's approvals; the member's bills and the
 * published disclosures in the portal.
 */
const fees: AppModule = {
  name: 'fees',
  routes: [
    { path: '/console/fees/standards', name: 'fee-standards', component: StandardsPage, meta: { area: 'console', roles: CONSOLE, title: 'fees.menu.standards' } },
    { path: '/console/fees/bills', name: 'fee-bills', component: BillsPage, meta: { area: 'console', roles: CONSOLE, title: 'fees.menu.bills' } },
    {
      path: '/console/fees/collect',
      name: 'fee-collect',
      component: BillsPage,
      props: { collect: true },
      meta: { area: 'console', roles: FINANCE, title: 'fees.menu.collect' },
    },
    { path: '/console/fees/ledger', name: 'fee-ledger', component: LedgerPage, meta: { area: 'console', roles: MONEY, title: 'fees.menu.ledger' } },
    { path: '/console/fees/fund', name: 'fee-fund', component: FundPage, meta: { area: 'console', roles: MONEY, title: 'fees.menu.fund' } },
    {
      path: '/console/fees/disclosures',
      name: 'fee-disclosures',
      component: DisclosuresPage,
      meta: { area: 'console', roles: CONSOLE, title: 'fees.menu.disclosures' },
    },
    {
      path: '/console/fees/ledger/receipts/:id(\\d+)',
      name: 'fee-receipt',
      component: ReceiptPage,
      meta: { area: 'console', roles: CONSOLE, title: 'fees.menu.receipt' },
    },
    {
      path: '/board/fees/approvals',
      name: 'board-fee-approvals',
      component: () => import('./pages/ApprovalsPage.vue'),
      meta: { area: 'board', roles: BOARD_READERS, title: 'fees.menu.approvals' },
    },
    {
      path: '/board/fees/disclosures',
      name: 'board-fee-disclosures',
      component: DisclosuresPage,
      meta: { area: 'board', roles: BOARD_ALL, title: 'fees.menu.disclosures' },
    },
    { path: '/board/fees/standards', name: 'board-fee-standards', component: StandardsPage, meta: { area: 'board', roles: BOARD_ALL, title: 'fees.menu.standards' } },
    { path: '/board/fees/bills', name: 'board-fee-bills', component: BillsPage, meta: { area: 'board', roles: BOARD_READERS, title: 'fees.menu.bills' } },
    { path: '/board/fees/ledger', name: 'board-fee-ledger', component: LedgerPage, meta: { area: 'board', roles: BOARD_READERS, title: 'fees.menu.ledger' } },
    { path: '/board/fees/fund', name: 'board-fee-fund', component: FundPage, meta: { area: 'board', roles: BOARD_READERS, title: 'fees.menu.fund' } },
    {
      path: '/board/fees/ledger/receipts/:id(\\d+)',
      name: 'board-fee-receipt',
      component: ReceiptPage,
      meta: { area: 'board', roles: ['supervisor'], title: 'fees.menu.receipt' },
    },
    {
      path: '/portal/bills',
      name: 'portal-fee-bills',
      component: () => import('./pages/PortalBillsPage.vue'),
      meta: { area: 'portal', title: 'fees.menu.myBills' },
    },
    {
      path: '/portal/disclosures',
      name: 'portal-fee-disclosures',
      component: () => import('./pages/PortalDisclosuresPage.vue'),
      meta: { area: 'portal', title: 'fees.menu.portalDisclosures' },
    },
    { path: '/portal/bills/receipts/:id(\\d+)', name: 'portal-fee-receipt', component: ReceiptPage, meta: { area: 'portal', title: 'fees.menu.receipt' } },
  ],
  menu: [
    { area: 'console', group, path: '/console/fees/standards', title: 'fees.menu.standards', icon: markRaw(PriceTag), roles: CONSOLE, order: 300 },
    { area: 'console', group, path: '/console/fees/bills', title: 'fees.menu.bills', icon: markRaw(Tickets), roles: CONSOLE, order: 310 },
    { area: 'console', group, path: '/console/fees/collect', title: 'fees.menu.collect', icon: markRaw(Money), roles: FINANCE, order: 320 },
    { area: 'console', group, path: '/console/fees/ledger', title: 'fees.menu.ledger', icon: markRaw(Notebook), roles: MONEY, order: 330 },
    { area: 'console', group, path: '/console/fees/fund', title: 'fees.menu.fund', icon: markRaw(Wallet), roles: MONEY, order: 340 },
    { area: 'console', group, path: '/console/fees/disclosures', title: 'fees.menu.disclosures', icon: markRaw(Histogram), roles: CONSOLE, order: 350 },
    { area: 'board', group, path: '/board/fees/approvals', title: 'fees.menu.approvals', icon: markRaw(DocumentChecked), roles: BOARD_READERS, order: 80 },
    { area: 'board', group, path: '/board/fees/disclosures', title: 'fees.menu.disclosures', icon: markRaw(Histogram), roles: BOARD_ALL, order: 82 },
    { area: 'board', group, path: '/board/fees/standards', title: 'fees.menu.standards', icon: markRaw(PriceTag), roles: BOARD_ALL, order: 84 },
    { area: 'board', group, path: '/board/fees/bills', title: 'fees.menu.bills', icon: markRaw(Tickets), roles: BOARD_READERS, order: 86 },
    { area: 'board', group, path: '/board/fees/ledger', title: 'fees.menu.ledger', icon: markRaw(Notebook), roles: BOARD_READERS, order: 88 },
    { area: 'board', group, path: '/board/fees/fund', title: 'fees.menu.fund', icon: markRaw(Wallet), roles: BOARD_READERS, order: 90 },
    { area: 'portal', path: '/portal/bills', title: 'fees.menu.myBills', icon: markRaw(Money), order: 60 },
    { area: 'portal', path: '/portal/disclosures', title: 'fees.menu.portalDisclosures', icon: markRaw(Histogram), order: 70 },
  ],
  messages,
}

export default fees
