// Walk: a large exhibition from plan to check-in (8.2.1). The secretariat plans an
// exhibition expecting 3000 people with its overall lead, publishes it and sees the
// safety items still missing; a member unit's contact registers from the portal (also
// on a phone) and a guest from the public page; holding the event is refused with the
// missing items listed; the secretariat records the safety filing, the fire inspection
// and the emergency plan, holds the event and checks the member in with their code.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  BASE_URL,
  DESKTOP,
  PHONE,
  field,
  launch,
  login,
  newSession,
  shot,
  tid,
  unique,
} from './helpers.mjs'
import { uscc } from './xlsx.mjs'

const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`

/** api signs in through the JSON API and returns a caller with the session's cookie and CSRF token. */
async function api(username, password) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `login ${username}`)
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const { csrf_token: csrf } = await res.json()
  return async (method, path, body) => {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const t = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${t}`)
    return t ? JSON.parse(t) : null
  }
}

/** snap takes a screenshot from the top of the page (a scrolled page repeats its sticky header). */
async function snap(page, name, opts = {}) {
  if (opts.fullPage !== false) await page.evaluate(() => window.scrollTo(0, 0))
  return shot(page, name, opts)
}

/** A Shanghai wall-clock time `days` from today, as the date picker takes it. */
function shanghaiDay(days) {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

describe('events: a large exhibition from plan to check-in', { concurrency: false }, () => {
  // Each step builds on the one before: after a failure the rest are skipped.
  let broken = false
  const step = (name, fn) =>
    it(name, async (t) => {
      if (broken) return t.skip('an earlier step failed')
      try {
        await fn()
      } catch (err) {
        broken = true
        throw err
      }
    })
  let browser
  let staff
  const suffix = String(Date.now()).slice(-5)
  const title = `2026 华南物流装备博览会 ${suffix}`
  const unitName = `广州展联${suffix}物流有限公司`
  const sec = { username: unique('sec'), password: `Pw-${Date.now()}-sec` }
  const unit = { username: unique('unit'), password: `Pw-${Date.now()}-unit` }
  const chair = { username: unique('board'), password: `Pw-${Date.now()}-board` }
  const day = shanghaiDay(20)
  let eventId = 0
  let memberCode = ''

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    // The e2e server starts empty: a tier, an approved member unit and the users.
    const admin = await api(ADMIN_USER, ADMIN_PASSWORD)
    const tiers = await admin('GET', '/member-tiers')
    const tier =
      tiers.items.find((t) => t.active) ??
      (await admin('POST', '/member-tiers', { name: `会员单位${suffix}`, rank: 9, annual_fee_fen: 200000, services: ['行业数据季报'] }))
    const m = await admin('POST', '/members', {
      name: unitName,
      uscc: uscc('440106'),
      tier_id: tier.id,
      unit_type: 'company',
      charter_accepted: true,
      address: '广州市天河区珠江新城 8 号',
      legal_representative: { name: '陈一', phone: '13800000101' },
      member_representative: { name: '周二', phone: '13900000102' },
      contacts: [{ name: '吴三', title: '办公室主任', phone: '020-80000103', email: 'wu@example.com' }],
      industry: '物流装备',
      chain_segment: '仓储',
      region: '广州',
    })
    await admin('POST', `/members/${m.id}/approve`, {})
    await admin('POST', '/users', { username: sec.username, password: sec.password, display_name: '孙秘书', roles: ['secretariat'] })
    await admin('POST', '/users', { username: unit.username, password: unit.password, display_name: '赵联络', roles: ['member'], member_id: m.id })
    await admin('POST', '/users', { username: chair.username, password: chair.password, display_name: '钱会长', roles: ['board'] })

    browser = await launch()
    staff = await newSession(browser, DESKTOP)
    await login(staff.page, sec.username, sec.password)
  })

  after(async () => {
    await browser?.close()
  })

  step('plans a large exhibition with its overall lead', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/events`)
    await page.locator(tid('event-calendar')).waitFor()
    await page.locator(tid('event-create')).click()
    await page.waitForURL(/\/console\/events\/new$/)
    await page.locator(field('ef-title')).fill(title)
    await page.locator(tid('ef-kind')).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '展览交易' }).click()
    await page.locator(field('ef-starts')).fill(`${day} 09:00`)
    await page.locator(field('ef-starts')).press('Enter')
    await page.locator(field('ef-ends')).fill(`${day} 17:30`)
    await page.locator(field('ef-ends')).press('Enter')
    await page.locator(field('ef-venue')).fill('广州琶洲国际会展中心 A 区 1 号馆')
    await page.locator(field('ef-capacity')).fill('2000')
    await page.locator(field('ef-expected')).fill('3000')
    await page.locator(field('ef-budget')).fill('680000')
    await page.locator(field('ef-lead')).click()
    await page.locator(tid('ef-large')).getByText('将按大型活动管理').waitFor()
    await page.locator(field('ef-lead')).fill('张建国')
    await page.locator(field('team-0-name')).fill('李敏')
    await page.locator(field('team-0-role')).fill('执行总监')
    await page.locator(field('team-0-resp')).fill('现场统筹与展商服务')
    await page.locator(text('ef-goals')).fill('集中展示智能仓储与冷链装备，促成供需对接 200 场以上。')
    await page.locator(text('ef-plan')).fill('T-30 招展截止；T-14 完成安全报备；T-7 消防检查；T-1 布展验收。')
    await page.locator(field('risk-0-risk')).fill('入场高峰人员拥挤')
    await page.locator(field('risk-0-control')).fill('分时段预约、分区限流、增设安检通道')
    await page.locator(tid('ef-field-title')).click()
    await snap(page, 'event-form')
    await page.locator(tid('ef-submit')).click()
    await page.waitForURL(/\/console\/events\/\d+$/)
    eventId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.locator(tid('event-title')).getByText(title).waitFor()
    await page.locator(`${tid('page-event-workspace')} ${tid('large-badge')}`).first().waitFor()
    await page.locator(`${tid('page-event-workspace')} ${tid('gate-open')}`).first().waitFor()
    assert.match(await page.locator(tid('plan-lead')).innerText(), /张建国/)
    await snap(page, 'workspace-plan')
  })

  step('publishes it and sees the safety items still missing', async () => {
    const { page } = staff
    await page.locator(tid('action-publish')).click()
    const warnings = page.locator(tid('publish-warnings'))
    await warnings.waitFor()
    const body = await warnings.innerText()
    assert.match(body, /11 项安全条件/)
    assert.match(body, /活动安全报备/)
    assert.match(body, /应急预案：与场馆协商一致/)
    await page.locator(tid('event-status-published')).first().waitFor()
    await snap(page, 'published-warnings', { fullPage: false })
  })

  step('breaks the work into tasks and engages a provider only under contract (8.2.1.2)', async () => {
    const { page } = staff
    await page.locator(tid('event-tabs')).getByText('任务', { exact: true }).click()
    await page.locator(tid('task-create')).click()
    const task = page.locator(tid('task-dialog'))
    await task.waitFor()
    await task.locator(field('task-title')).fill('向公安机关提交大型活动安全报备')
    await task.locator(field('task-owner')).fill('李敏')
    await task.locator(field('task-due')).fill(shanghaiDay(6))
    await task.locator(field('task-due')).press('Enter')
    await task.locator(tid('task-save')).click()
    await task.waitFor({ state: 'hidden' })
    const card = page.locator(`${tid('task-col-todo')} ${tid('task-card')}`, { hasText: '安全报备' })
    await card.waitFor()
    await card.getByText('开始').click()
    await page.locator(`${tid('task-col-doing')} ${tid('task-card')}`, { hasText: '安全报备' }).waitFor()
    await snap(page, 'tasks')

    await page.locator(tid('event-tabs')).getByText('服务商', { exact: true }).click()
    await page.locator(tid('provider-create')).click()
    const dialog = page.locator(tid('provider-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('provider-name')).fill('广州安盾保安服务有限公司')
    await dialog.locator(tid('provider-service')).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '安保' }).click()
    await dialog.locator(tid('provider-engage')).click()
    // Engaged without a contract: refused with the clause.
    await dialog.locator(tid('provider-save')).click()
    await dialog.locator(tid('refusal-clause')).getByText('8.2.1.2').waitFor()
    await snap(page, 'provider-refused', { fullPage: false })
    await dialog.locator(field('provider-contract')).fill(`AD-2026-${suffix}`)
    await dialog.locator(text('provider-terms')).fill('展期 1 天，安保人员 60 名，含入口安检与巡逻')
    await dialog.locator(text('provider-quality')).fill('持证上岗率 100%，突发事件 3 分钟内到场')
    await dialog.locator(field('provider-quals')).fill('保安服务许可证')
    await dialog.locator(field('provider-quals')).press('Enter')
    await dialog.locator(tid('provider-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    const provider = page.locator(tid('provider-card'), { hasText: '安盾' })
    await provider.locator(tid('provider-engaged')).waitFor()
    await provider.getByText('保安服务许可证').waitFor()
    await snap(page, 'providers')
  })

  step('shows the event in the month calendar', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/events?month=${day.slice(0, 7)}`)
    const cell = page.locator(tid(`cal-day-${day}`))
    await cell.locator(tid('cal-event'), { hasText: title }).waitFor()
    await snap(page, 'calendar')
    await page.locator(tid('view-list')).click()
    await page.locator(`${tid('table')} .el-table__row`, { hasText: title }).waitFor()
    await snap(page, 'event-list', { fullPage: false })
  })

  step('a member contact registers from the portal and gets a code', async () => {
    const member = await newSession(browser, DESKTOP)
    const { page } = member
    try {
      await login(page, unit.username, unit.password)
      await page.waitForURL(/\/portal$/)
      await page.locator(tid('portal-card-events')).click()
      await page.waitForURL(/\/portal\/events$/)
      await page.locator(tid(`portal-register-${eventId}`)).click()
      const dialog = page.locator(tid('portal-register-dialog'))
      await dialog.waitFor()
      // Only the configured fields: company and title, not email or ID number.
      assert.equal(await dialog.locator(tid('reg-email')).count(), 0)
      assert.equal(await dialog.locator(tid('reg-id_number')).count(), 0)
      assert.equal(await dialog.locator(field('reg-company')).inputValue(), unitName)
      await dialog.locator(field('reg-name')).fill('赵联络')
      await dialog.locator(field('reg-phone')).fill('13700000003')
      await dialog.locator(field('reg-title')).fill('运营经理')
      // Consent first: without it the form is not sent.
      await dialog.locator(tid('portal-submit')).click()
      await dialog.getByText('请阅读并同意个人信息的收集和使用目的').waitFor()
      await dialog.locator(tid('reg-consent')).click()
      await snap(page, 'portal-register-form', { fullPage: false })
      await dialog.locator(tid('portal-submit')).click()
      await dialog.locator(tid('portal-result')).waitFor()
      assert.match(await dialog.locator(tid('portal-result-status')).innerText(), /报名成功/)
      await dialog.locator(tid('qr-image')).waitFor()
      memberCode = (await dialog.locator(tid('qr-caption')).innerText()).trim()
      assert.match(memberCode, /^[A-Z2-9]{8}$/)
      await snap(page, 'portal-registered', { fullPage: false })
      await dialog.locator(tid('portal-result-close')).click()
      const ticket = page.locator(tid('my-registration'), { hasText: title })
      await ticket.waitFor()
      assert.match(await ticket.innerText(), new RegExp(memberCode))
      await snap(page, 'portal-events')
    } finally {
      await member.context.close()
    }
  })

  step('the portal and the public form work on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await phone.newPage()
    try {
      await login(page, unit.username, unit.password)
      await page.goto(`${BASE_URL}/portal/events`)
      await page.locator(tid('my-registration')).first().waitFor()
      let width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= PHONE.width, `portal events is ${width}px wide on a ${PHONE.width}px phone`)
      await page.locator(tid('my-code')).first().click()
      await page.locator(`${tid('my-qr-dialog')} ${tid('qr-image')}`).waitFor()
      await snap(page, 'phone-portal-qr', { fullPage: false })
      await page.keyboard.press('Escape')
      await snap(page, 'phone-portal-events')

      // A guest, signed out, on the public page.
      const guest = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      const gp = await guest.newPage()
      try {
        await gp.goto(`${BASE_URL}/events`)
        await gp.locator(tid(`public-register-${eventId}`)).click()
        await gp.waitForURL(new RegExp(`/events/${eventId}/register$`))
        await gp.locator(tid('public-event-title')).getByText(title).waitFor()
        assert.match(await gp.locator(tid('reg-purpose')).innerText(), /签到和安全管理/)
        assert.equal(await gp.locator(tid('reg-email')).count(), 0)
        await gp.locator(field('reg-name')).fill('林访客')
        await gp.locator(field('reg-phone')).fill('13600000009')
        await gp.locator(field('reg-company')).fill('深圳前海供应链有限公司')
        await gp.locator(tid('reg-consent')).click()
        width = await gp.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(width <= PHONE.width, `the public form is ${width}px wide`)
        await snap(gp, 'phone-public-form')
        await gp.locator(tid('public-submit')).click()
        await gp.locator(tid('public-result')).waitFor()
        await gp.locator(tid('qr-image')).waitFor()
        assert.match(await gp.locator(tid('public-result-status')).innerText(), /报名成功/)
        await snap(gp, 'phone-public-registered')
      } finally {
        await guest.close()
      }
    } finally {
      await phone.close()
    }
  })

  step('holding the event is refused with the missing items listed (8.2.1.4)', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/events/${eventId}`)
    await page.locator(tid('action-hold')).click()
    const refusal = page.locator(tid('hold-refusal'))
    await refusal.waitFor()
    assert.match(await refusal.locator(tid('refusal-clause')).innerText(), /8\.2\.1\.4/)
    assert.match(await refusal.locator(tid('refusal-message')).innerText(), /安全条件未齐/)
    const items = await refusal.locator(tid('refused-items')).innerText()
    assert.match(items, /活动安全报备/)
    assert.match(items, /消防检查：疏散标志/)
    assert.match(items, /应急预案：医疗救护/)
    // The refusal leads to the safety gate, which is red.
    await page.locator(tid('tab-safety')).waitFor()
    await page.locator(tid('gate-status')).getByText('安全条件未齐备：还缺 11 项').waitFor()
    await snap(page, 'hold-refused')
  })

  step('the board sees the exhibition on the safety overview, not ready', async () => {
    const board = await newSession(browser, DESKTOP)
    try {
      await login(board.page, chair.username, chair.password)
      await board.page.goto(`${BASE_URL}/board/event-safety`)
      const card = board.page.locator(tid('safety-event'), { hasText: title })
      await card.waitFor()
      await card.locator(tid('gate-open')).waitFor()
      await snap(board.page, 'board-safety')
    } finally {
      await board.context.close()
    }
  })

  step('records the safety filing, the fire inspection and the emergency plan', async () => {
    const { page } = staff
    // Safety filing.
    await page.locator(tid('filing-edit')).click()
    const filing = page.locator(tid('filing-dialog'))
    await filing.waitFor()
    await filing.locator(field('filing-authority')).fill('广州市公安局海珠区分局')
    await filing.locator(field('filing-no')).fill(`穗公(海)备字〔2026〕${suffix}号`)
    await filing.locator(field('filing-on')).fill(shanghaiDay(0))
    await filing.locator(field('filing-on')).press('Enter')
    await filing.locator(field('filing-document')).fill('大型活动安全报备回执.pdf')
    await filing.locator(tid('filing-save')).click()
    await filing.waitFor({ state: 'hidden' })
    await page.locator(`${tid('gate-item-safety_filing')}.ok`).waitFor()

    // Fire inspection: one item fails first, then passes after the fix.
    await page.locator(tid('inspection-edit')).click()
    const insp = page.locator(tid('inspection-dialog'))
    await insp.waitFor()
    await insp.locator(tid('insp-evacuation_signs-ok')).click()
    await insp.locator(tid('insp-exits_clear-ok')).click()
    await insp.locator(tid('insp-equipment_valid-fail')).click()
    await insp.locator(field('insp-equipment_valid-note')).fill('2 号门灭火器过期，已通知场馆更换')
    await insp.locator(tid('inspection-save')).click()
    await insp.waitFor({ state: 'hidden' })
    await page.locator(`${tid('gate-item-fire_inspection.equipment_valid')}.failed`).waitFor()
    assert.match(await page.locator(tid('gate-item-fire_inspection.exits_clear')).innerText(), new RegExp(`检查人 ${sec.username}`))
    await page.locator(tid('inspection-edit')).click()
    await insp.waitFor()
    await insp.locator(tid('insp-equipment_valid-ok')).click()
    await insp.locator(field('insp-equipment_valid-note')).fill('已更换并复检')
    await insp.locator(tid('inspection-save')).click()
    await insp.waitFor({ state: 'hidden' })
    await page.locator(`${tid('gate-item-fire_inspection.equipment_valid')}.ok`).waitFor()

    // Emergency plan: four domains, procedure, roles, the venue's agreement.
    await page.locator(tid('emergency-edit')).click()
    const plan = page.locator(tid('emergency-dialog'))
    await plan.waitFor()
    await plan.locator(text('ep-public_safety')).fill('分区限流、安检、治安巡逻，设应急疏散引导员 40 名')
    await plan.locator(text('ep-food_safety')).fill('持证餐饮单位供餐，留样 48 小时')
    await plan.locator(text('ep-medical')).fill('设医疗点 2 处，救护车 1 辆驻场')
    await plan.locator(text('ep-online_opinion')).fill('专人监测舆情，统一口径由秘书长发布')
    await plan.locator(text('ep-procedure')).fill('发现 → 报告现场指挥部 → 分级处置 → 疏散 → 善后与报告')
    await plan.locator(field('ep-role-0-name')).fill('张建国')
    await plan.locator(field('ep-role-0-role')).fill('总指挥')
    await plan.locator(field('ep-role-0-resp')).fill('统一指挥调度')
    await plan.locator(tid('ep-venue')).click()
    await snap(page, 'emergency-plan-dialog', { fullPage: false })
    await plan.locator(tid('emergency-save')).click()
    await plan.waitFor({ state: 'hidden' })
    await page.locator(tid('gate-status')).getByText('安全条件已齐备').waitFor()
    await page.locator(`${tid('page-event-workspace')} ${tid('gate-ready')}`).first().waitFor()
    await snap(page, 'gate-complete')
  })

  step('holds the event and checks the member in with their code', async () => {
    const { page } = staff
    await page.locator(tid('safety-hold')).click()
    await page.locator(tid('event-status-held')).first().waitFor()
    await page.locator(tid('tab-checkin')).waitFor()
    const input = page.locator(field('checkin-code'))
    // The code box has the focus: typing and Enter is enough.
    await page.keyboard.type(memberCode.toLowerCase())
    await page.keyboard.press('Enter')
    await page.locator(tid('checkin-ok')).waitFor()
    assert.equal((await page.locator(tid('checkin-name')).innerText()).trim(), '赵联络')
    assert.equal(await input.inputValue(), '')
    await snap(page, 'checkin-ok')
    // The same code again is refused.
    await input.fill(memberCode)
    await input.press('Enter')
    await page.locator(tid('checkin-fail')).waitFor()
    assert.match(await page.locator(tid('checkin-message')).innerText(), /已使用/)
    // A code that does not exist.
    await input.fill('ZZZZ2222')
    await input.press('Enter')
    await page.locator(tid('checkin-message')).getByText('签到码无效').waitFor()
    await snap(page, 'checkin-unknown')
  })

  step('the registration list shows the check-in, the waitlist filter and the QR code', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/events/${eventId}?tab=registrations`)
    const row = page.locator(`${tid('table')} .el-table__row`, { hasText: '赵联络' })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(unitName))
    await page.locator(`${tid('table')} .el-table__row`, { hasText: '林访客' }).waitFor()
    await snap(page, 'registrations')
    await row.getByText('详情').click()
    const drawer = page.locator(tid('reg-drawer'))
    await drawer.locator(tid('qr-image')).waitFor()
    assert.equal((await drawer.locator(tid('qr-caption')).innerText()).trim(), memberCode)
    await snap(page, 'registration-detail', { fullPage: false })
    await page.keyboard.press('Escape')
    await page.locator(tid('reg-export')).click()
    const dialog = page.locator(tid('reg-export-dialog'))
    await dialog.waitFor()
    await dialog.locator(text('reg-export-purpose')).fill('制作胸卡与座位表')
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator(tid('reg-export-submit')).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    await dialog.waitFor({ state: 'hidden' })
  })

  step('closes the event; the summary shows attendance and satisfaction', async () => {
    const { page } = staff
    // The attendee rates the event on a phone with their code, without signing in.
    const guest = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    try {
      const gp = await guest.newPage()
      await gp.goto(`${BASE_URL}/events/${eventId}/survey?code=${memberCode}`)
      await gp.locator(`${tid('survey-score')} .el-rate__item`).nth(4).click()
      await gp.locator(text('survey-comment')).fill('供需对接效率高，入场排队略长')
      await snap(gp, 'phone-survey')
      await gp.locator(tid('survey-submit')).click()
      await gp.locator(tid('survey-done')).waitFor()
    } finally {
      await guest.close()
    }
    await page.goto(`${BASE_URL}/console/events/${eventId}?tab=summary`)
    await page.locator(tid('action-close')).click()
    await page.locator('.el-message-box').getByRole('button', { name: '结束活动' }).click()
    await page.locator(tid('event-status-closed')).first().waitFor()
    await page.locator(tid('kpi-checked-in')).getByText('1').waitFor()
    assert.match(await page.locator(tid('kpi-rate')).innerText(), /50\.0/)
    await page.locator(text('summary-text')).fill('到场率 50%，现场对接 36 场；入场高峰分时段预约有效，下次增设一处安检通道。')
    await page.locator(tid('summary-save')).click()
    await page.getByText('已保存').first().waitFor()
    await snap(page, 'summary')
  })

  it('raised no page errors', () => {
    const serious = staff.problems.filter((p) => !/401|403|404|409|422/.test(p))
    assert.deepEqual(serious, [])
  })
})
