// Walk: a user with roles in two areas (supervisor and member contact) lands in the
// first one, switches to the board with the header switcher, sees the findings chart
// or its empty state and the scorecard placeholder, and reads the audit log.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  BASE_URL,
  DESKTOP,
  field,
  launch,
  login,
  logout,
  newSession,
  shot,
  tid,
  unique,
} from './helpers.mjs'

describe('supervisor who is also a member contact', { concurrency: false }, () => {
  let browser
  let session
  const username = unique('jianshi')
  const password = `Pw-${Date.now()}-multi`

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    session = await newSession(browser, DESKTOP)
  })

  after(async () => {
    await browser?.close()
  })

  it('admin creates the user with two roles', async () => {
    const { page } = session
    await login(page, ADMIN_USER, ADMIN_PASSWORD)
    await page.goto(`${BASE_URL}/console/users`)
    await page.locator(tid('user-create')).click()
    const dialog = page.locator(tid('user-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('user-username')).fill(username)
    await dialog.locator(field('user-display-name')).fill('周监事')
    await dialog.locator(field('user-password')).fill(password)
    await dialog.locator(field('user-password-confirm')).fill(password)
    await dialog.locator(tid('role-supervisor')).click()
    await dialog.locator(tid('role-member')).click()
    // Enter in a field submits the dialog form.
    await dialog.locator(field('user-password-confirm')).press('Enter')
    await dialog.waitFor({ state: 'hidden' })

    // The search box narrows the list through the URL.
    await page.locator(field('table-search')).fill(username)
    await page.locator(field('table-search')).press('Enter')
    await page.waitForURL(new RegExp(`q=${username}`))
    // The URL changes before the filtered page arrives: wait for the list to narrow.
    const rows = page.locator(`${tid('table')} .el-table__row`)
    await page.waitForFunction(
      (sel) => document.querySelectorAll(sel).length === 1,
      `${tid('table')} .el-table__row`,
    )
    assert.equal(await rows.count(), 1)
    await shot(page, 'admin-users-search')
    await logout(page)
  })

  it('lands in the first area and switches to the board', async () => {
    const { page } = session
    await login(page, username, password)
    await page.waitForURL(/\/portal$/)
    const switcher = page.locator(tid('area-switcher'))
    await switcher.waitFor()
    await switcher.locator(tid('area-board')).click()
    await page.waitForURL(/\/board$/)
    await page.locator(tid('page-board-home')).waitFor()
    await page.locator(`${tid('findings-charts')}, ${tid('state-empty')}`).first().waitFor()
    await page.locator(tid('scorecard-entry')).waitFor()
    await shot(page, 'board-home')
  })

  it('reads the audit log from the board menu', async () => {
    const { page } = session
    await page.locator(`${tid('menu')} .el-menu-item`, { hasText: '审计日志' }).click()
    await page.waitForURL(/\/board\/audit$/)
    await page.locator(`${tid('table')} .el-table__row`).first().waitFor()
    await shot(page, 'board-audit')
  })

  it('is refused the admin pages', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/audit`)
    await page.locator(tid('page-403')).waitFor()
  })

  it('is sent to login with a notice when the session ends', async () => {
    const { page, context } = session
    await page.goto(`${BASE_URL}/board`)
    await page.locator(tid('page-board-home')).waitFor()
    // The server forgets the session: the next API call answers 401.
    await context.clearCookies()
    await page.locator(`${tid('menu')} .el-menu-item`, { hasText: '合规提示' }).click()
    await page.waitForURL(/\/login\?/)
    const notice = page.locator(tid('login-expired'))
    await notice.waitFor()
    assert.match(await notice.innerText(), /会话已过期，请重新登录/)
    assert.match(page.url(), /redirect=%2Fboard%2Ffindings|redirect=\/board\/findings/)
    await shot(page, 'session-expired')

    // Signing in again returns to the page the user was on.
    await page.locator(field('login-username')).fill(username)
    await page.locator(field('login-password')).fill(password)
    await page.locator(field('login-password')).press('Enter')
    await page.waitForURL(/\/board\/findings/)
    await page.locator(tid('page-findings')).waitFor()
  })
})
