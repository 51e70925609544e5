// Walk: the member registry end to end. The administrator sets up the tiers (and meets
// the four-tier limit of 8.1.1.1), records an application with a complete roster,
// approves it, exports the roster with a purpose, imports a file with a bad row and
// then a good one, links a member-role user to the approved unit, and that user finds
// the unit under 我的单位 in the portal (on a desktop and on a phone).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  BASE_URL,
  DESKTOP,
  PHONE,
  field,
  launch,
  login,
  logout,
  newSession,
  shot,
  tid,
  unique,
} from './helpers.mjs'
import { TEMPLATE_HEADERS, uscc, xlsx } from './xlsx.mjs'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const TIERS = [
  { name: '会长单位', fee: '50000', service: '会长办公会席位' },
  { name: '副会长单位', fee: '20000', service: '常务理事会席位' },
  { name: '理事单位', fee: '8000', service: '理事会席位' },
  { name: '会员单位', fee: '2000', service: '行业数据季报' },
]
const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`

function importRow(name, code) {
  return [name, code, '企业法人', '会员单位', '是', '否', '广州市黄埔区科学大道 99 号', '赵一', '13800000011', '钱二',
    '13900000022', '', '', '孙三', '办公室主任', '020-80000033', 'office@example.com', '快递', '城市配送', '广州',
    '2026-03-01', 'SQ-2026-009']
}

describe('member registry: tiers, application, approval, export, import, portal', { concurrency: false }, () => {
  let browser
  let session
  const unitName = `广州速达${String(Date.now()).slice(-5)}物流有限公司`
  const code = uscc('440112')
  let memberNo = ''
  const username = unique('unit')
  const password = `Pw-${Date.now()}-unit`

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    session = await newSession(browser, DESKTOP)
    await login(session.page, ADMIN_USER, ADMIN_PASSWORD)
  })

  after(async () => {
    await browser?.close()
  })

  it('sets up four tiers and is refused a fifth active one (8.1.1.1)', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/member-tiers`)
    await page.locator(tid('page-tiers')).waitFor()
    for (const t of TIERS) {
      if (await page.locator(tid(`tier-${t.name}`)).count()) continue
      await page.locator(tid('tier-create')).click()
      const dialog = page.locator(tid('tier-dialog'))
      await dialog.waitFor()
      await dialog.locator(field('tier-name')).fill(t.name)
      await dialog.locator(field('tier-fee')).fill(t.fee)
      await dialog.locator(field('tier-service-0')).fill(t.service)
      await dialog.locator(tid('tier-save')).click()
      await dialog.waitFor({ state: 'hidden' })
      await page.locator(tid(`tier-${t.name}`)).waitFor()
    }
    assert.match(await page.locator(tid('tier-active-count')).innerText(), /4 \/ 4/)
    await shot(page, 'tiers')

    await page.locator(tid('tier-create')).click()
    const dialog = page.locator(tid('tier-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('tier-name')).fill('特邀单位')
    await dialog.locator(field('tier-fee')).fill('1000')
    await dialog.locator(field('tier-service-0')).fill('年会邀请')
    // At the limit a new tier starts inactive; switching it on asks for a fifth.
    await dialog.locator(tid('tier-active')).click()
    await dialog.locator(tid('tier-save')).click()
    const refusal = dialog.locator(tid('tier-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /8\.1\.1\.1/)
    await shot(page, 'tier-limit', { fullPage: false })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('records an application with a complete roster', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/members/new`)
    await page.locator(tid('page-member-create')).waitFor()
    await page.locator(field('f-name')).fill(unitName)
    // A wrong check character is caught before the server is asked.
    await page.locator(field('f-uscc')).fill(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`)
    await page.locator(field('f-name')).click()
    await page.getByText('校验位错误，请核对代码').waitFor()
    await page.locator(field('f-uscc')).fill(code)
    await page.locator(tid('unit-type-company')).click()
    await page.locator(tid('f-tier')).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^会员单位/ }).click()
    await page.locator(tid('f-charter')).click()
    await page.locator(field('f-address')).fill('广州市黄埔区科学大道 1 号')
    await page.locator(field('f-legal-name')).fill('张三')
    await page.locator(field('f-legal-phone')).fill('13800000001')
    await page.locator(field('f-rep-name')).fill('李四')
    await page.locator(field('f-rep-phone')).fill('13900000002')
    await page.locator(field('contact-0-name')).fill('王五')
    await page.locator(field('contact-0-title')).fill('办公室主任')
    await page.locator(field('contact-0-phone')).fill('020-80000000')
    await page.locator(field('contact-0-email')).fill('wangwu@example.com')
    await page.locator(field('f-industry')).fill('快递')
    await page.locator(field('f-segment')).fill('城市配送')
    await page.locator(field('f-region')).fill('广州')
    // A full-page picture of a scrolled page would draw the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'application-form')
    await page.locator(tid('member-submit')).click()
    await page.waitForURL(/\/console\/members\/\d+$/)
    await page.locator(tid('page-member-detail')).waitFor()
    assert.equal(await page.locator(tid('member-name')).innerText(), unitName)
    await page.locator(tid('approval-checklist')).getByText('名册已完整').waitFor()
    await shot(page, 'applicant-detail')
  })

  it('approves it and shows the member number', async () => {
    const { page } = session
    await page.locator(tid('action-approve')).click()
    const dialog = page.locator(tid('lifecycle-dialog'))
    await dialog.waitFor()
    await shot(page, 'approve-dialog', { fullPage: false })
    await dialog.locator(tid('lifecycle-submit')).click()
    await dialog.waitFor({ state: 'hidden' })
    const no = page.locator(tid('member-no'))
    await no.waitFor()
    memberNo = (await no.innerText()).trim()
    assert.match(memberNo, /^\d{4}-\d{5}$/)
    assert.match(await page.locator(tid('status-tag')).first().innerText(), /正常/)
    await page.locator(tid('member-tabs')).getByText('变更历史').click()
    await page.locator(tid('member-history')).getByText('经办：admin').first().waitFor()
    await shot(page, 'approved-history')
  })

  it('exports the filtered roster with a purpose', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/members?status=active`)
    await page.locator(`${tid('table')} .el-table__row`, { hasText: unitName }).waitFor()
    await shot(page, 'roster')
    await page.locator(tid('member-export')).click()
    const dialog = page.locator(tid('export-dialog'))
    await dialog.waitFor()
    // Without a purpose the export is not sent.
    await dialog.locator(tid('export-submit')).click()
    await dialog.getByText('请填写导出用途').waitFor()
    await dialog.locator(text('export-purpose')).fill('年度检查报送')
    await shot(page, 'export-dialog', { fullPage: false })
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator(tid('export-submit')).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const path = await download.path()
    assert.ok(path && statSync(path).size > 0, 'the export has content')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('imports a file with a bad row: nothing is written, the row is listed', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/members/import`)
    await page.locator(tid('page-member-import')).waitFor()
    const [template] = await Promise.all([page.waitForEvent('download'), page.locator(tid('import-template')).click()])
    assert.match(template.suggestedFilename(), /template.*\.xlsx$/)
    const bad = xlsx([
      TEMPLATE_HEADERS,
      importRow(`导入甲${unique('')}物流有限公司`, uscc()),
      // The template's own example code has a wrong check character.
      importRow(`导入乙${unique('')}物流有限公司`, '91440101MA5C00000X'),
    ])
    await page.locator(`${tid('import-upload')} input[type=file]`).setInputFiles({ name: 'members-bad.xlsx', mimeType: XLSX_MIME, buffer: bad })
    await page.locator(tid('import-file')).waitFor()
    await page.locator(tid('import-submit')).click()
    const problems = page.locator(tid('import-problems'))
    await problems.waitFor()
    const row = problems.locator(tid('problem-row-2'))
    await row.waitFor()
    assert.match(await row.innerText(), /统一社会信用代码/)
    assert.match(await row.innerText(), /校验位错误/)
    assert.equal(await problems.locator(tid('problem-row-1')).count(), 0)
    await shot(page, 'import-problems')
    const [report] = await Promise.all([page.waitForEvent('download'), page.locator(tid('import-report')).click()])
    assert.match(report.suggestedFilename(), /\.xlsx$/)
  })

  it('imports a good file and links to the new applicants', async () => {
    const { page } = session
    const good = xlsx([
      TEMPLATE_HEADERS,
      importRow(`导入丙${unique('')}物流有限公司`, uscc()),
      importRow(`导入丁${unique('')}物流有限公司`, uscc()),
    ])
    await page.locator(`${tid('import-upload')} input[type=file]`).setInputFiles({ name: 'members-good.xlsx', mimeType: XLSX_MIME, buffer: good })
    await page.locator(tid('import-submit')).click()
    const result = page.locator(tid('import-result'))
    await result.waitFor()
    assert.match(await result.innerText(), /新增 2 份入会申请/)
    await shot(page, 'import-done')
    await result.getByText('查看申请中的单位').click()
    await page.waitForURL(/status=applicant/)
    await page.locator(`${tid('table')} .el-table__row`, { hasText: '导入丙' }).waitFor()
  })

  it('shows the statistics', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/member-stats`)
    await page.locator(tid('member-stats')).waitFor()
    assert.equal((await page.locator(tid('kpi-current')).innerText()).trim(), '1')
    await page.locator(field('industry-units')).fill('200')
    await page.locator(tid('industry-units-save')).click()
    await page.locator(tid('coverage')).getByText('会员 1 家 / 行业单位 200 家').waitFor()
    await shot(page, 'stats')
  })

  it('links a member-role user to the approved unit', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/users`)
    await page.locator(tid('user-create')).click()
    const dialog = page.locator(tid('user-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('user-username')).fill(username)
    await dialog.locator(field('user-display-name')).fill('赵联络')
    await dialog.locator(field('user-password')).fill(password)
    await dialog.locator(field('user-password-confirm')).fill(password)
    await dialog.locator(tid('role-member')).click()
    await dialog.locator(tid('member-select')).click()
    await page.keyboard.type(unitName.slice(0, 8))
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: unitName })
    await option.waitFor()
    assert.match(await option.innerText(), new RegExp(memberNo))
    await option.click()
    await shot(page, 'user-member-link', { fullPage: false })
    await dialog.locator(tid('user-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator(`${tid('table')} .el-table__row`, { hasText: username })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(unitName))
    await logout(page)
  })

  it('the unit contact sees 我的单位 in the portal', async () => {
    const { page } = session
    await login(page, username, password)
    await page.waitForURL(/\/portal$/)
    assert.equal(await page.locator(tid('portal-unit')).innerText(), unitName)
    await shot(page, 'portal-home')
    await page.locator(tid('portal-card-unit')).click()
    await page.waitForURL(/\/portal\/my-unit$/)
    await page.locator(tid('page-my-unit')).waitFor()
    assert.equal(await page.locator(tid('my-unit-name')).innerText(), unitName)
    assert.equal((await page.locator(tid('my-unit-no')).innerText()).trim(), memberNo)
    const roster = await page.locator(tid('roster-view')).innerText()
    assert.match(roster, /广州市黄埔区科学大道 1 号/)
    assert.match(roster, /13800000001/) // the unit sees its own data unmasked
    await shot(page, 'portal-my-unit')
  })

  it('the unit asks for a change of address', async () => {
    const { page } = session
    await page.locator(tid('my-unit-request')).click()
    const dialog = page.locator(tid('change-request-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('cr-address')).fill('广州市黄埔区开创大道 2 号')
    await dialog.locator(text('cr-note')).fill('办公地点搬迁')
    await dialog.locator(tid('cr-submit')).click()
    await dialog.waitFor({ state: 'hidden' })
    const requests = page.locator(tid('my-requests'))
    await requests.getByText('待处理').waitFor()
    await requests.getByText('广州市黄埔区开创大道 2 号').waitFor()
    await shot(page, 'portal-change-request')
  })

  it('the portal pages work on a phone', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    const page = await phone.newPage()
    try {
      await login(page, username, password)
      await page.goto(`${BASE_URL}/portal/my-unit`)
      await page.locator(tid('my-unit-name')).waitFor()
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= PHONE.width, `my unit is ${width}px wide on a ${PHONE.width}px phone`)
      await shot(page, 'phone-my-unit')
      await page.goto(`${BASE_URL}/portal/directory`)
      await page.locator(tid('directory-entry')).first().waitFor()
      await shot(page, 'phone-directory', { fullPage: false })
    } finally {
      await phone.close()
    }
  })

  it('staff apply the change request', async () => {
    const { page } = session
    await logout(page)
    await login(page, ADMIN_USER, ADMIN_PASSWORD)
    await page.goto(`${BASE_URL}/console/member-change-requests`)
    const row = page.locator(`${tid('table')} .el-table__row`, { hasText: unitName }).first()
    await row.waitFor()
    await row.locator('.el-table__expand-icon').click()
    await page.getByText('广州市黄埔区开创大道 2 号').first().waitFor()
    await shot(page, 'change-requests')
    await row.locator(tid('cr-apply')).click()
    await page.locator('.el-message-box').getByRole('button', { name: '应用' }).click()
    await page.getByText('变更已应用到会员名册').waitFor()
  })

  it('the directory is public, from the login page', async () => {
    const anon = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const page = await anon.newPage()
    try {
      await page.goto(`${BASE_URL}/login`)
      await page.locator(tid('login-directory')).click()
      await page.waitForURL(/\/directory$/)
      await page.locator(`${tid('directory-table')} .el-table__row`, { hasText: unitName }).waitFor()
      await shot(page, 'public-directory')
    } finally {
      await anon.close()
    }
  })

  it('raised no page errors', () => {
    const serious = session.problems.filter((p) => !/401|403|404|422/.test(p))
    assert.deepEqual(serious, [])
  })
})
