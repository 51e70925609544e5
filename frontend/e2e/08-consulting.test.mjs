// Walk: consulting services and a government-funded contract end to end (8.2.2, 7.3.1,
// 7.3.2.2). A secretariat clerk is refused a service outside the association's business
// scope (8.2.2.1) and adds one within it, records a government client, draws up a
// special-fund contract with a deliverable and a payment plan, takes it through the nine
// stages of 7.3.1.1 (refused a stage passed over without a reason and 实施 before
// signing), charges the ring-fenced budget and is refused an overspend (7.3.2.2),
// records a receipt and exports the contract register.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import { ADMIN_PASSWORD, ADMIN_USER, BASE_URL, DESKTOP, field, launch, login, newSession, shot, tid, unique } from './helpers.mjs'
import { uscc } from './xlsx.mjs'

const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`
const option = (page, name) => page.locator('.el-select-dropdown__item:visible', { hasText: name }).first()

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

async function fillDate(scope, page, id, value) {
  const input = scope.locator(field(id))
  await input.fill(value)
  await input.press('Enter')
  await page.locator('.el-picker__popper:visible').waitFor({ state: 'hidden' })
}

describe('consulting: catalogue, a government-funded contract through nine stages, ring-fenced budget', { concurrency: false }, () => {
  let browser
  let staff
  const suffix = String(Date.now()).slice(-5)
  const serviceName = `冷链物流规划咨询${suffix}`
  const clientName = `广州市商务局${suffix}`
  const title = `冷链物流发展规划（政府购买服务）${suffix}`
  const sec = { username: unique('consult'), password: `Pw-${Date.now()}-sec` }
  let contractUrl = ''

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    // The catalogue needs the association's business scope with 咨询服务 in it.
    const admin = await api(ADMIN_USER, ADMIN_PASSWORD)
    const got = await admin('GET', '/association')
    if (!got.configured) {
      await admin('PUT', '/association', {
        full_name: '广东省物流行业协会',
        short_name: '省物流协会',
        uscc: uscc('440000'),
        business_scope: ['行业标准制定', '行业培训', '咨询服务'],
        registration_authority: '广东省民政厅',
        registered_on: '2001-06-18',
      })
    } else if (!got.association.business_scope.includes('咨询服务')) {
      await admin('PUT', '/association', { ...got.association, business_scope: [...got.association.business_scope, '咨询服务'] })
    }
    // Budget lines and expenses belong to the project office and finance, not the administrator.
    await admin('POST', '/users', { username: sec.username, password: sec.password, display_name: '周项目', roles: ['secretariat'] })
    browser = await launch()
    staff = await newSession(browser, DESKTOP)
    await login(staff.page, sec.username, sec.password)
  })

  after(async () => {
    await browser?.close()
  })

  it('refuses a service outside the business scope (8.2.2.1) and adds one within it', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/consulting/services`)
    await page.locator(tid('page-consult-services')).waitFor()
    await page.locator(tid('service-create')).click()
    const dialog = page.locator(tid('service-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('service-name')).fill(serviceName)
    // A scope item the association never registered: typed in, the server refuses it.
    await dialog.locator(tid('service-scope')).click()
    await page.keyboard.type('物业管理')
    await page.keyboard.press('Enter')
    await dialog.locator(field('service-fee-basis')).fill('按人天计价，每人天 3000 元')
    await dialog.locator(tid('service-save')).click()
    const refusal = dialog.locator(tid('service-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /8\.2\.2\.1/)
    assert.match(await refusal.innerText(), /物业管理/)
    await shot(page, 'service-out-of-scope', { fullPage: false })

    await dialog.locator(tid('service-scope')).click()
    await option(page, '咨询服务').click()
    await dialog.locator(tid('service-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid(`service-${serviceName}`)).waitFor()
  })

  it('records a government client', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/consulting/clients`)
    await page.locator(tid('page-consult-clients')).waitFor()
    await page.locator(tid('client-create')).click()
    const dialog = page.locator(tid('client-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('client-name')).fill(clientName)
    await dialog.locator(tid('client-kind-government')).click()
    await dialog.locator(tid('client-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid(`client-${clientName}`)).waitFor()
  })

  it('draws up a special-fund contract with a deliverable and a payment plan', async () => {
    const { page } = staff
    await page.goto(`${BASE_URL}/console/consulting/contracts`)
    await page.locator(tid('page-consult-contracts')).waitFor()
    await page.locator(tid('contract-create')).click()
    const dialog = page.locator(tid('contract-dialog'))
    await dialog.waitFor()
    await dialog.locator(tid('cf-client')).click()
    await option(page, clientName).click()
    await dialog.locator(tid('cf-service')).click()
    await option(page, serviceName).click()
    await dialog.locator(field('cf-title')).fill(title)
    await dialog.locator(text('cf-scope')).fill('全省冷链物流现状调研、发展规划编制及专家评审')
    await dialog.locator(field('cf-fee')).fill('500,000.00')
    await fillDate(dialog, page, 'cf-starts', '2026-03-01')
    await fillDate(dialog, page, 'cf-ends', '2027-06-30')
    await dialog.locator(tid('cf-special')).click()
    await dialog.locator(field('cf-del-0-title')).fill('冷链物流发展规划报告')
    await fillDate(dialog, page, 'cf-del-0-due', '2027-03-31')
    await dialog.locator(tid('cf-plan-add')).click()
    await fillDate(dialog, page, 'cf-plan-0-due', '2026-03-15')
    await dialog.locator(field('cf-plan-0-amount')).fill('200000')
    await dialog.locator(tid('cf-plan-add')).click()
    await fillDate(dialog, page, 'cf-plan-1-due', '2027-06-30')
    // A plan that does not add up is caught before the server is asked.
    await dialog.locator(field('cf-plan-1-amount')).fill('299999.99')
    await dialog.locator(tid('cf-save')).click()
    await dialog.locator(tid('cf-plan-error')).waitFor()
    await dialog.locator(field('cf-plan-1-amount')).fill('300000')
    await shot(page, 'contract-form', { fullPage: false })
    await dialog.locator(tid('cf-save')).click()
    await page.waitForURL(/\/console\/consulting\/contracts\/\d+$/)
    contractUrl = page.url()
    await page.locator(tid('page-consult-contract')).waitFor()
    assert.equal(await page.locator(tid('contract-fee')).innerText(), '¥500,000.00')
    assert.match(await page.locator(tid('contract-no')).innerText(), /^ZX2026-\d{4}$/)
    await page.locator(tid('deliverables')).getByText('冷链物流发展规划报告').waitFor()
    await shot(page, 'contract-overview')
  })

  async function recordStage(page, stage, summary) {
    await page.locator(tid('stage-select')).click()
    await option(page, stage).click()
    await page.locator(text('stage-summary')).fill(summary)
    await page.locator(tid('stage-save')).click()
  }

  async function recordOk(page, stage, code, summary) {
    await recordStage(page, stage, summary)
    await page.locator(`${tid(`step-${code}`)}[data-state="done"]`).waitFor()
  }

  it('takes the contract through the nine stages, forward only (7.3.1.1)', async () => {
    const { page } = staff
    await page.goto(`${contractUrl}?tab=lifecycle`)
    await page.locator(tid('lifecycle')).waitFor()
    await recordOk(page, '需求分析', 'requirements', '与商务局确认规划范围和成果要求')

    // Passing over 可行性分析 without a reason is refused.
    await recordStage(page, '方案策划', '编制工作方案')
    const refusal = page.locator(tid('stage-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /7\.3\.1\.1/)
    assert.match(await refusal.innerText(), /可行性分析/)
    await shot(page, 'stage-skip-refused', { fullPage: false })

    await recordOk(page, '可行性分析', 'feasibility', '完成可行性分析')
    await recordOk(page, '方案策划', 'planning', '编制工作方案')
    await recordOk(page, '立项', 'approval', '经秘书长办公会立项')
    // 实施 before the contract is signed is refused.
    await recordStage(page, '实施', '启动调研')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /签订/)

    // Sign it (a domestic client: no compliance review needed).
    await page.goto(`${contractUrl}?tab=compliance`)
    await page.locator(tid('sign-card')).waitFor()
    await page.locator(field('sign-document')).fill(`合同扫描件 ZX-${suffix}`)
    await page.locator(tid('sign-submit')).click()
    await page.locator(tid('signed')).waitFor()

    await page.goto(`${contractUrl}?tab=lifecycle`)
    await page.locator(tid('lifecycle')).waitFor()
    await recordOk(page, '实施', 'implementation', '开展全省调研，完成初稿')
    await recordOk(page, '评审', 'review', '专家评审通过')
    await recordOk(page, '验收', 'acceptance', '委托方验收')
    await recordOk(page, '结项', 'closure', '结项归档')
    await recordOk(page, '绩效评价', 'performance_evaluation', '绩效自评为优')
    assert.equal(await page.locator(`${tid('lifecycle-steps')} [data-state="done"]`).count(), 9)
    await page.locator(tid('lifecycle-steps')).scrollIntoViewIfNeeded()
    await shot(page, 'lifecycle', { fullPage: false })
  })

  it('charges the ring-fenced budget and is refused an overspend (7.3.2.2)', async () => {
    const { page } = staff
    await page.goto(`${contractUrl}?tab=budget`)
    await page.locator(tid('budget-panel')).waitFor()
    await page.locator(field('line-name')).fill('专家咨询费')
    await page.locator(field('line-amount')).fill('10000')
    await page.locator(tid('line-save')).click()
    await page.locator(tid('line-left-专家咨询费')).waitFor()

    await page.locator(tid('expense-line')).click()
    await option(page, '专家咨询费').click()
    await page.locator(field('expense-amount')).fill('6000.00')
    await page.locator(field('expense-description')).fill('专家评审会劳务费')
    await page.locator(tid('expense-save')).click()
    await page.locator(tid('line-left-专家咨询费'), { hasText: '¥4,000.00' }).waitFor()

    await page.locator(field('expense-amount')).fill('4000.01')
    await page.locator(field('expense-description')).fill('补充评审费')
    await page.locator(tid('expense-save')).click()
    const refusal = page.locator(tid('expense-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /7\.3\.2\.2/)
    assert.match(await page.locator(tid('expense-left')).innerText(), /¥4,000\.00/)
    // Nothing was written: the line still has ¥4,000.00 left and one expense.
    assert.equal(await page.locator(tid('line-left-专家咨询费')).innerText(), '¥4,000.00')
    assert.match(await page.locator(tid('budget-total')).innerText(), /¥6,000\.00/)
    await shot(page, 'budget-overspend', { fullPage: false })
  })

  it('records a receipt and exports the contract register', async () => {
    const { page } = staff
    await page.goto(`${contractUrl}?tab=receipts`)
    await page.locator(tid('receipts-panel')).waitFor()
    await page.locator(field('receipt-amount')).fill('200000')
    await page.locator(field('receipt-reference')).fill(`SK-${suffix}`)
    await page.locator(tid('receipt-save')).click()
    await page.locator(tid('receipts-total'), { hasText: '¥200,000.00' }).waitFor()

    await page.goto(`${BASE_URL}/console/consulting/contracts`)
    await page.locator(tid('page-consult-contracts')).waitFor()
    await page.getByText(title).first().waitFor()
    await shot(page, 'contracts', { fullPage: false })
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('contract-export')).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const path = await download.path()
    assert.ok(path && statSync(path).size > 0, 'the export has content')
    assert.deepEqual(staff.problems.filter((p) => !/status of 4\d\d/.test(p)), [])
  })
})
