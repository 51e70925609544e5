// Walk: the credit lists (8.4.1.5). The administrator sets up a member unit and the people
// through the API; the secretariat records a court judgment as evidence and drafts a
// black-list proposal; a board user (会长办公会) approves it citing the meeting; the unit
// appears on the public black list (no sign-in); the unit appeals from the portal; the
// proposer is refused as reviewer (8.4.1.5); a board user overturns the decision and the
// unit leaves the public list.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'playwright-core'
import { ADMIN_PASSWORD, ADMIN_USER, BASE_URL, DESKTOP, PHONE, field, launch, login, newSession, shot, tid, unique } from './helpers.mjs'
import { uscc } from './xlsx.mjs'

// The session probe of a page opened signed out answers 401 by design; anything else is a problem.
const real = (problems) => problems.filter((p) => !/status of 401/.test(p))
const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`
const option = (page, name) => page.locator('.el-select-dropdown__item:visible', { hasText: name }).first()

/** adminApi signs the administrator in through the API and returns a caller with the CSRF token. */
async function adminApi() {
  const ctx = await request.newContext({ baseURL: BASE_URL })
  const res = await ctx.post('/api/v1/auth/login', { data: { username: ADMIN_USER, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  const csrf = (await res.json()).csrf_token
  const call = async (method, path, data) => {
    const r = await ctx.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrf } })
    const body = await r.text()
    return { status: r.status(), json: body ? JSON.parse(body) : undefined, body }
  }
  return { ctx, call }
}

/** pickMember types a unit's name into the MemberSelect of a dialog and picks it. */
async function pickMember(page, dialog, name) {
  await dialog.locator(tid('member-select')).click()
  await page.keyboard.type(name.slice(0, 6))
  await option(page, name).click()
}

describe('credit lists: evidence, board decision, public list, appeal, review', { concurrency: false }, () => {
  let browser
  let api
  const unitName = `佛山诚达${String(Date.now()).slice(-5)}运输有限公司`
  const code = uscc('440600')
  const pw = `Pw-${Date.now()}-credit`
  const clerk = unique('clerk')
  const boss = unique('boss')
  const unitUser = unique('unit')

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    api = await adminApi()
    // A tier to file the unit under: an active one if the registry has one.
    const tiers = await api.call('GET', '/member-tiers?active=true')
    let tierId = tiers.json.items?.[0]?.id
    if (!tierId) {
      const t = await api.call('POST', '/member-tiers', { name: '会员单位', rank: 4, annual_fee_fen: 200000, services: ['行业年会'] })
      assert.equal(t.status, 201, t.body)
      tierId = t.json.id
    }
    const m = await api.call('POST', '/members', {
      name: unitName, uscc: code, tier_id: tierId, unit_type: 'company', charter_accepted: true, channel: 'paper',
      address: '佛山市南海区桂城街道 8 号', industry: '道路货运', region: '佛山', chain_segment: '干线运输',
      legal_representative: { name: '陈志强', phone: '13800000031' },
      member_representative: { name: '黄丽', phone: '13800000032' },
      contacts: [{ name: '吴敏', title: '行政主管', phone: '075780000033', email: 'wu@example.com' }],
    })
    assert.equal(m.status, 201, m.body)
    const ok = await api.call('POST', `/members/${m.json.id}/approve`)
    assert.equal(ok.status, 200, ok.body)
    for (const [username, roles, extra] of [
      [clerk, ['secretariat'], {}],
      [boss, ['board'], {}],
      [unitUser, ['member'], { member_id: m.json.id }],
    ]) {
      const u = await api.call('POST', '/users', { username, password: pw, display_name: username, roles, ...extra })
      assert.equal(u.status, 201, u.body)
    }
  })

  after(async () => {
    await api?.ctx.dispose()
    await browser?.close()
  })

  it('the secretariat records the evidence and drafts a black-list proposal', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, clerk, pw)
    await page.goto(`${BASE_URL}/console/credit/records`)
    await page.locator(tid('page-credit-records')).waitFor()
    await page.locator(tid('record-create')).click()
    const dialog = page.locator(tid('record-dialog'))
    await dialog.waitFor()
    // Nothing filled: the form names what is missing before asking the server.
    await dialog.locator(tid('record-save')).click()
    await dialog.getByText('必填').first().waitFor()
    await pickMember(page, dialog, unitName)
    await dialog.locator(tid('record-category')).click()
    await option(page, '法院判决').click()
    await dialog.locator(field('record-source')).fill('(2026)粤06民终321号')
    await dialog.locator(text('record-summary')).fill('虚构运输合同骗取货款，判决已生效')
    await dialog.locator(text('record-evidence')).fill('民事判决书扫描件.pdf\n法院送达回证')
    await shot(page, 'record-dialog', { fullPage: false })
    await dialog.locator(tid('record-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-table__row', { hasText: unitName }).first().waitFor()
    await shot(page, 'records')

    await page.goto(`${BASE_URL}/console/credit/proposals`)
    await page.locator(tid('page-credit-proposals')).waitFor()
    await page.locator(tid('proposal-create')).click()
    const pd = page.locator(tid('proposal-dialog'))
    await pd.waitFor()
    await pickMember(page, pd, unitName)
    await pd.locator(tid('proposal-list-black')).click()
    await pd.locator(tid('proposal-rule')).waitFor()
    // Without a record checked, the decision has no evidence (8.4.1.5).
    await pd.locator(field('proposal-reason')).fill('合同欺诈')
    await pd.locator(text('proposal-summary')).fill('经法院生效判决认定存在合同欺诈行为')
    await pd.locator(tid('proposal-save')).click()
    await pd.getByText('名单决定须有信用记录作为依据').waitFor()
    await pd.locator(`${tid('proposal-records')} .el-checkbox`).first().click()
    await shot(page, 'proposal-dialog', { fullPage: false })
    await pd.locator(tid('proposal-save')).click()
    await pd.waitFor({ state: 'hidden' })
    await page.locator('.el-table__row', { hasText: unitName }).first().waitFor()
    assert.deepEqual(real(problems), [])
    await page.context().close()
  })

  it('the 会长办公会 approves it, citing the meeting', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, boss, pw)
    await page.goto(`${BASE_URL}/board/credit`)
    await page.locator(tid('page-credit-proposals')).waitFor()
    const row = page.locator('.el-table__row', { hasText: unitName }).first()
    await row.waitFor()
    await row.locator(tid('proposal-decide')).click()
    const dialog = page.locator(tid('decide-dialog'))
    await dialog.waitFor()
    // A decision cites its meeting or resolution.
    await dialog.locator(tid('decide-approve')).click()
    await dialog.getByText('必填').waitFor()
    await dialog.locator(field('decide-ref')).fill('2026 年第 2 次会长办公会')
    await shot(page, 'board-decide', { fullPage: false })
    await dialog.locator(tid('decide-approve')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('已批准，名单已更新').waitFor()
    assert.deepEqual(real(problems), [])
    await page.context().close()
  })

  it('the unit shows on the public black list without signing in', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await page.goto(`${BASE_URL}/login`)
    await page.locator(tid('login-credit-lists')).click()
    await page.waitForURL(/\/credit-lists$/)
    await page.locator(tid('page-public-credit')).waitFor()
    await page.locator(field('public-search')).fill(unitName)
    await page.locator(field('public-search')).press('Enter')
    const row = page.locator('.el-table__row', { hasText: unitName })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(code))
    assert.match(await row.innerText(), /失信黑名单/)
    // Nothing internal: the meeting reference stays off the public page.
    assert.doesNotMatch(await page.locator(tid('public-table')).innerText(), /会长办公会/)
    await page.locator(tid('credit-rule-black')).waitFor()
    await shot(page, 'public-black-list')
    assert.deepEqual(real(problems), [])
    await page.context().close()
  })

  it('the unit appeals from the portal', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, unitUser, pw)
    await page.goto(`${BASE_URL}/portal/credit`)
    await page.locator(tid('page-portal-credit')).waitFor()
    const entry = page.locator(tid('portal-entry-black'))
    await entry.waitFor()
    assert.match(await entry.innerText(), /申诉截止/)
    await entry.locator(tid('portal-appeal')).click()
    const dialog = page.locator(tid('appeal-dialog'))
    await dialog.waitFor()
    await dialog.locator(text('appeal-text')).fill('二审判决已撤销原判，附再审判决书，请求撤销列入失信黑名单的决定')
    await dialog.locator(text('appeal-evidence')).fill('再审判决书.pdf')
    await dialog.locator(tid('appeal-submit')).click()
    await dialog.waitFor({ state: 'hidden' })
    const app = page.locator(tid('portal-application')).first()
    await app.waitFor()
    assert.match(await app.innerText(), /待复核/)
    // One application at a time: the entry now shows it pending instead of the buttons.
    await entry.locator(tid('portal-pending')).waitFor()
    await shot(page, 'portal-appeal')
    await page.setViewportSize(PHONE)
    await shot(page, 'portal-credit-phone')
    assert.deepEqual(real(problems), [])
    await page.context().close()
  })

  it('the proposer may not review the appeal (8.4.1.5)', async () => {
    const { page } = await newSession(browser, DESKTOP)
    await login(page, clerk, pw)
    await page.goto(`${BASE_URL}/console/credit/appeals`)
    await page.locator(tid('page-credit-appeals')).waitFor()
    const row = page.locator('.el-table__row', { hasText: unitName }).first()
    await row.waitFor()
    await row.locator(tid('appeal-review')).click()
    const dialog = page.locator(tid('review-dialog'))
    await dialog.waitFor()
    await dialog.locator(text('review-reasons')).fill('再审改判，原依据不成立')
    await dialog.locator(tid('review-grant')).click()
    const refusal = dialog.locator(tid('review-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /提议人以外/)
    assert.match(await refusal.innerText(), /8\.4\.1\.5/)
    await shot(page, 'review-refused', { fullPage: false })
    await page.context().close()
  })

  it('a board member overturns it and the unit leaves the public list', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, boss, pw)
    await page.goto(`${BASE_URL}/board/credit/appeals`)
    await page.locator(tid('page-credit-appeals')).waitFor()
    const row = page.locator('.el-table__row', { hasText: unitName }).first()
    await row.waitFor()
    await row.locator(tid('appeal-review')).click()
    const dialog = page.locator(tid('review-dialog'))
    await dialog.waitFor()
    await dialog.locator(text('review-reasons')).fill('再审改判，原依据不成立，撤销列入决定')
    await dialog.locator(tid('review-grant')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid('appeal-status')).getByText('全部').click()
    const done = page.locator('.el-table__row', { hasText: unitName }).first()
    await done.getByText('撤销原决定').waitFor()
    await shot(page, 'appeal-overturned')
    assert.deepEqual(real(problems), [])

    const pub = await api.call('GET', `/public/credit-lists?list=black&q=${encodeURIComponent(unitName)}`)
    assert.equal(pub.json.total, 0, pub.body)
    const hist = await api.call('GET', '/credit/entries?status=')
    assert.ok(hist.json.items.some((e) => e.member_name === unitName && e.status === 'lifted'), hist.body)
    await page.context().close()
  })
})
