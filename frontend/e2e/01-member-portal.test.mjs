// Walk: the administrator creates a member-unit contact; the contact signs in, lands in
// the member portal, is refused the console with the 403 page, and switches to English.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  BASE_URL,
  DESKTOP,
  PHONE,
  launch,
  login,
  logout,
  newSession,
  shot,
  field,
  tid,
  unique,
} from './helpers.mjs'

describe('member contact: created by admin, uses the portal', { concurrency: false }, () => {
  let browser
  let session
  const username = unique('member')
  const password = `Pw-${Date.now()}-e2e`
  const displayName = '王会员'

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    session = await newSession(browser, DESKTOP)
  })

  after(async () => {
    await browser?.close()
  })

  it('shows the login page in Chinese', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/`)
    await page.waitForURL(/\/login/)
    await page.locator(tid('login-submit')).waitFor()
    assert.match(await page.locator('.login-title').innerText(), /欢迎使用会馆/)
    await shot(page, 'login')
  })

  it('rejects a wrong password with the server message', async () => {
    const { page } = session
    await page.locator(field('login-username')).fill(ADMIN_USER)
    await page.locator(field('login-password')).fill('not-the-password')
    await page.locator(tid('login-submit')).click()
    const alert = page.locator(tid('login-error'))
    await alert.waitFor()
    assert.match(await alert.innerText(), /用户名或密码错误/)
    await shot(page, 'login-wrong-password')
  })

  it('admin signs in and lands in the console', async () => {
    const { page } = session
    await login(page, ADMIN_USER, ADMIN_PASSWORD)
    await page.waitForURL(/\/console$/)
    await page.locator(tid('page-console-home')).waitFor()
    await page.locator(tid('findings-overview')).waitFor()
    await shot(page, 'admin-console-home')
  })

  it('admin creates a member-role user', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/users`)
    await page.locator(tid('page-users')).waitFor()
    await page.locator(`${tid('table')} .el-table__row`).first().waitFor()
    await shot(page, 'admin-users')

    await page.locator(tid('user-create')).click()
    const dialog = page.locator(tid('user-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('user-username')).fill(username)
    await dialog.locator(field('user-display-name')).fill(displayName)
    await dialog.locator(field('user-password')).fill(password)
    await dialog.locator(field('user-password-confirm')).fill(password)
    await dialog.locator(tid('role-member')).click()
    await shot(page, 'admin-create-user-dialog')
    await dialog.locator(tid('user-save')).click()
    await dialog.waitFor({ state: 'hidden' })

    const row = page.locator(`${tid('table')} .el-table__row`, { hasText: username })
    await row.waitFor()
    assert.match(await row.innerText(), /会员单位联系人/)
    await shot(page, 'admin-user-created')
  })

  it('admin opens the audit log and verifies the hash chain', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/audit`)
    await page.locator(`${tid('table')} .el-table__row`).first().waitFor()
    await page.locator(tid('audit-verify')).click()
    const result = page.locator(tid('audit-verify-result'))
    await result.waitFor()
    assert.match(await result.innerText(), /哈希链完整/)
    await page.locator(`${tid('table')} .el-table__row`, { hasText: 'user.create' }).first().click()
    await page.locator(tid('audit-diff')).waitFor()
    await shot(page, 'admin-audit-detail')
    await page.keyboard.press('Escape')
  })

  it('admin signs out', async () => {
    const { page } = session
    await logout(page)
    await page.locator(tid('login-submit')).waitFor()
  })

  it('the member contact signs in and sees the portal', async () => {
    const { page } = session
    await login(page, username, password)
    await page.waitForURL(/\/portal$/)
    await page.locator(tid('page-portal-home')).waitFor()
    assert.match(await page.locator(tid('portal-unit')).innerText(), /尚未关联会员单位/)
    // Three open services and four announced ones.
    assert.equal(await page.locator('[data-testid^="portal-card-"]').count(), 7)
    await shot(page, 'member-portal')
  })

  it('the console answers with the 403 page', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/users`)
    await page.locator(tid('page-403')).waitFor()
    assert.match(await page.locator(tid('page-403')).innerText(), /无权访问/)
    await shot(page, 'member-403')
  })

  it('an unknown address answers with the 404 page', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/portal/no-such-page`)
    await page.locator(tid('page-404')).waitFor()
    await shot(page, 'member-404')
  })

  it('switches to English and keeps it', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/portal`)
    await page.locator(tid('page-portal-home')).waitFor()
    await page.locator(tid('lang-switch')).click()
    await page.locator(tid('lang-en')).click()
    await page.getByText('Member services').waitFor()
    assert.match(await page.locator(tid('portal-unit')).innerText(), /No member unit linked yet/)
    assert.match(await page.locator(tid('page-title')).innerText(), /Member portal/)
    await shot(page, 'member-portal-en')

    // The choice is saved on the user: a reload comes back in English.
    await page.reload()
    await page.getByText('Member services').waitFor()
  })

  it('the portal works on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    const page = await phone.newPage()
    try {
      await page.goto(`${BASE_URL}/login`)
      await page.locator(tid('login-submit')).waitFor()
      await shot(page, 'phone-login', { fullPage: false })
      await login(page, username, password)
      await page.locator(tid('page-portal-home')).waitFor()
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px phone`)
      await shot(page, 'member-portal-phone')
      await page.locator(tid('menu-toggle')).click()
      await page.locator(`.menu-drawer ${tid('menu')}`).waitFor()
      await shot(page, 'member-portal-phone-menu', { fullPage: false })
    } finally {
      await phone.close()
    }
  })

  it('raised no page errors', () => {
    const serious = session.problems.filter((p) => !/401|403|404/.test(p))
    assert.deepEqual(serious, [])
  })
})
