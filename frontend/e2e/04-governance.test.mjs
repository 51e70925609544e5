// Walk: the governance register (7.1.2, 7.3.3.1). The administrator records the
// association's profile (prompted by the console banner), sets up a council with named
// seats, records a quorate meeting with the live quorum meter, records a fee-standard
// resolution that passes the 2/3 threshold and one that falls short of it, defines the
// secretary-general position and appoints someone citing the election resolution (and is
// refused a third consecutive full-time term, 7.3.3.1), and sets up a branch after being
// refused a name without the association's full name (7.1.2.3).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_PASSWORD, ADMIN_USER, BASE_URL, DESKTOP, field, launch, login, newSession, shot, tid } from './helpers.mjs'

const FULL_NAME = '广东省物流行业协会'
// A unified social credit code with a correct check character.
const USCC = '51440000MJL00007Q4'
const SEATS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆']
const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`
const option = (page, name) => page.locator('.el-select-dropdown__item:visible', { hasText: name }).first()

/** fillDate types a date into an el-date-picker and closes its panel. */
async function fillDate(page, id, value) {
  const input = page.locator(field(id))
  await input.fill(value)
  // Enter takes the typed date and closes the panel (Escape would close the dialog).
  await input.press('Enter')
  await page.locator('.el-picker__popper:visible').waitFor({ state: 'hidden' })
}

/** fillNumber types into an el-input-number and commits the value. */
async function fillNumber(scope, id, value) {
  const input = scope.locator(`${tid(id)} input`)
  await input.fill(String(value))
  // Blur commits the value without moving into the next field (a date picker would open).
  await input.blur()
}

describe('governance register: profile, bodies, meetings, resolutions, positions, branches', { concurrency: false }, () => {
  let browser
  let session
  let meetingUrl = ''

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    session = await newSession(browser, DESKTOP)
    await login(session.page, ADMIN_USER, ADMIN_PASSWORD)
  })

  after(async () => {
    await browser?.close()
  })

  it('records the association profile from the console banner', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console`)
    await page.locator(tid('page-console-home')).waitFor()
    const banner = page.locator(tid('association-banner'))
    await banner.waitFor()
    await shot(page, 'console-banner', { fullPage: false })
    await banner.locator(tid('association-banner-link')).click()
    await page.waitForURL(/\/console\/governance\/association$/)
    await page.locator(tid('assoc-not-set')).waitFor()

    await page.locator(field('assoc-full-name')).fill(FULL_NAME)
    await page.locator(field('assoc-short-name')).fill('省物流协会')
    // A wrong check character is caught before the server is asked.
    await page.locator(field('assoc-uscc')).fill(`${USCC.slice(0, 17)}5`)
    await page.locator(field('assoc-short-name')).click()
    await page.getByText('校验位错误，请核对').waitFor()
    await page.locator(field('assoc-uscc')).fill(USCC)
    for (const item of ['行业标准制定与推广', '行业培训', '咨询服务']) {
      await page.locator(field('assoc-scope-input')).fill(item)
      await page.locator(field('assoc-scope-input')).press('Enter')
    }
    assert.equal(await page.locator(tid('assoc-scope-tag')).count(), 3)
    await page.locator(field('assoc-authority')).fill('广东省民政厅')
    await fillDate(page, 'assoc-registered-on', '2001-06-18')
    await shot(page, 'association-form')
    await page.locator(tid('assoc-save')).click()
    await page.getByText('本会信息已保存').waitFor()
    await page.locator('.is-set').waitFor()
    // The layout's brand line now names the association.
    await page.locator('.brand-assoc', { hasText: FULL_NAME }).first().waitFor()
    await shot(page, 'association-saved', { fullPage: false })

    await page.goto(`${BASE_URL}/console`)
    await page.locator(tid('page-console-home')).waitFor()
    await page.waitForTimeout(500)
    assert.equal(await page.locator(tid('association-banner')).count(), 0, 'the banner goes once the profile is set')
  })

  it('sets up a council with named seats', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/governance/bodies`)
    await page.locator(tid('page-gov-bodies')).waitFor()
    // The core bodies are missing (7.1.2.2): placeholders invite setting them up.
    await page.locator(tid('body-missing')).first().waitFor()
    await page.locator(tid('body-create')).click()
    const drawer = page.locator(tid('body-dialog'))
    await drawer.waitFor()
    await drawer.locator(tid('body-kind')).click()
    await option(page, '理事会').click()
    await drawer.locator(field('body-name')).fill('第一届理事会')
    await fillDate(page, 'body-term-start', '2026-01-10')
    await drawer.locator(tid('body-term-years-5')).click()
    assert.equal(await drawer.locator(field('body-term-end')).inputValue(), '2031-01-09')
    await drawer.locator(text('body-powers')).fill('执行会员大会决议，选举会长、副会长，聘任秘书长，决定分支机构的设立')
    await drawer.locator(field('body-formation')).fill('由会员大会选举产生')
    await drawer.locator(field('body-removal')).fill('由会员大会罢免')
    await drawer.locator(field('seat-person-input')).fill(SEATS.join('、'))
    await drawer.locator(tid('seat-person-add')).click()
    assert.equal(await drawer.locator(tid('seat-item')).count(), SEATS.length)
    await drawer.locator(tid('seat-list')).scrollIntoViewIfNeeded()
    await shot(page, 'body-editor', { fullPage: false })
    await drawer.locator(tid('body-save')).click()
    await drawer.waitFor({ state: 'hidden' })

    const card = page.locator(tid('body-card'), { hasText: '第一届理事会' })
    await card.waitFor()
    assert.match(await card.locator(tid('body-seats')).innerText(), /6 席/)
    assert.match(await card.innerText(), /2\/3 出席/)
    await shot(page, 'bodies')
  })

  it('records a quorate meeting with the live quorum meter', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/governance/meetings`)
    await page.locator(tid('page-gov-meetings')).waitFor()
    await page.locator(tid('meeting-create')).click()
    await page.waitForURL(/\/console\/governance\/meetings\/new/)
    await page.locator(tid('page-gov-meeting-record')).waitFor()
    await page.locator(tid('meeting-body')).click()
    await option(page, '第一届理事会').click()
    const rows = page.locator(tid('attendee-row'))
    await rows.first().waitFor()
    assert.equal(await rows.count(), SEATS.length)
    const meter = page.locator(tid('quorum-meter'))
    assert.equal(await meter.getAttribute('data-quorate'), 'false')
    assert.match(await page.locator(tid('quorum-line')).innerText(), /出席 0\/6，法定人数 4/)

    await page.locator(field('meeting-title')).fill('第一届理事会第一次会议')
    await page.locator(field('meeting-place')).fill('协会会议室')
    await page.locator(text('meeting-agenda')).fill('审议会费标准；选举秘书长；设立分支机构')
    await page.locator(tid('attend-all-present')).click()
    await rows.nth(4).locator(tid('attendee-proxy')).click()
    await rows.nth(5).locator(tid('attendee-absent')).click()
    // Five of six attend (one by proxy): two thirds of 6 is 4.
    assert.match(await page.locator(tid('quorum-line')).innerText(), /出席 5\/6，法定人数 4 ✓/)
    assert.equal(await meter.getAttribute('data-quorate'), 'true')
    await shot(page, 'meeting-recorder', { fullPage: false })
    await page.locator(tid('meeting-save')).click()
    await page.waitForURL(/\/console\/governance\/meetings\/\d+$/)
    await page.locator(tid('page-gov-meeting')).waitFor()
    meetingUrl = page.url()
    assert.equal(await page.locator(tid('meeting-title-view')).innerText(), '第一届理事会第一次会议')
    assert.equal(await page.locator(tid('quorum-meter')).getAttribute('data-quorate'), 'true')
  })

  it('records fee-standard resolutions: one passes the 2/3 threshold, one falls short', async () => {
    const { page } = session
    async function record(title, kind, votes) {
      await page.locator(tid('resolution-create')).click()
      const dialog = page.locator(tid('resolution-dialog'))
      await dialog.waitFor()
      await dialog.locator(field('res-title')).fill(title)
      await dialog.locator(tid('res-kind')).click()
      await option(page, kind).click()
      await fillNumber(dialog, 'res-for', votes[0])
      await fillNumber(dialog, 'res-against', votes[1])
      await fillNumber(dialog, 'res-abstain', votes[2])
      return dialog
    }

    let dialog = await record('关于调整会费标准的决议', '会费标准', [4, 1, 0])
    await dialog.locator(text('res-text')).fill('会员单位年会费 2000 元，自 2027 年起执行。')
    const th = dialog.locator(tid('res-threshold'))
    // The threshold is shown before submitting: 2/3 of the 5 attending is 4 votes.
    assert.equal(await th.getAttribute('data-rule'), 'special')
    assert.equal(await th.getAttribute('data-needed'), '4')
    assert.match(await th.innerText(), /至少 4 票赞成/)
    assert.equal(await dialog.locator(tid('res-projection')).getAttribute('data-outcome'), 'passed')
    await shot(page, 'resolution-dialog-pass', { fullPage: false })
    await dialog.locator(tid('res-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    let item = page.locator(tid('resolution-item'), { hasText: '关于调整会费标准的决议' })
    await item.waitFor()
    assert.equal(await item.getAttribute('data-status'), 'passed')
    assert.equal(await item.locator(tid('resolution-outcome')).innerText(), '通过')

    // Three of five is a majority but short of two thirds.
    dialog = await record('关于提高理事单位会费的决议', '会费标准', [3, 2, 0])
    assert.equal(await dialog.locator(tid('res-projection')).getAttribute('data-outcome'), 'failed')
    await shot(page, 'resolution-dialog-fail', { fullPage: false })
    await dialog.locator(tid('res-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    item = page.locator(tid('resolution-item'), { hasText: '关于提高理事单位会费的决议' })
    await item.waitFor()
    assert.equal(await item.getAttribute('data-status'), 'failed')
    assert.equal(await item.locator(tid('resolution-outcome')).innerText(), '未通过')

    // The election of the secretary-general (an ordinary majority) and the branch decision.
    dialog = await record('关于聘任秘书长的决议', '选举', [5, 0, 0])
    assert.equal(await dialog.locator(tid('res-threshold')).getAttribute('data-rule'), 'majority')
    await dialog.locator(tid('res-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    dialog = await record('关于设立冷链物流专业委员会的决议', '其他事项', [5, 0, 0])
    await dialog.locator(tid('res-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid('resolution-item')).nth(3).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'meeting-detail')

    await page.goto(`${BASE_URL}/console/governance/resolutions?kind=fee_standard`)
    await page.locator(tid('page-gov-resolutions')).waitFor()
    await page.locator(`${tid('table')} .el-table__row`).nth(1).waitFor()
    const outcomes = await page.locator(tid('register-outcome')).allInnerTexts()
    assert.deepEqual([...outcomes].sort(), ['未通过', '通过'])
    await shot(page, 'resolution-register')
  })

  it('defines the secretary-general and appoints one citing the election (7.3.3.1 refuses a third full-time term)', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/governance/positions`)
    await page.locator(tid('page-gov-positions')).waitFor()
    assert.equal(await page.locator(tid('pt-state-secretary_general')).innerText(), '未明确')
    await page.locator(tid('pt-edit-secretary_general')).click()
    const def = page.locator(tid('position-type-dialog'))
    await def.waitFor()
    await def.locator(text('pt-powers')).fill('主持秘书处日常工作，组织实施年度工作计划')
    await def.locator(field('pt-appointment')).fill('理事会聘任')
    await def.locator(field('pt-removal')).fill('理事会解聘')
    await fillNumber(def, 'pt-term-years', 5)
    await def.locator(tid('pt-save')).click()
    await def.waitFor({ state: 'hidden' })
    await page.locator(tid('pt-state-secretary_general'), { hasText: '已明确' }).waitFor()

    async function appoint(termNo, start) {
      await page.locator(tid('pt-appoint-secretary_general')).click()
      const dialog = page.locator(tid('appoint-dialog'))
      await dialog.waitFor()
      await dialog.locator(field('appoint-person')).fill('陈立')
      await dialog.locator(tid('appoint-full-time')).click()
      await fillNumber(dialog, 'appoint-term-no', termNo)
      await dialog.locator(tid('appoint-resolution')).click()
      await option(page, '关于聘任秘书长的决议').click()
      await fillDate(page, 'appoint-term-start', start)
      return dialog
    }

    let dialog = await appoint(1, '2026-01-10')
    assert.equal(await dialog.locator(field('appoint-term-end')).inputValue(), '2031-01-09')
    await shot(page, 'appoint-dialog', { fullPage: false })
    await dialog.locator(tid('appoint-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    const roster = page.locator(tid('leadership-roster'))
    await roster.locator('[data-title="secretary_general"]', { hasText: '陈立' }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'positions')

    dialog = await appoint(2, '2031-01-10')
    await dialog.locator(tid('appoint-save')).click()
    await dialog.waitFor({ state: 'hidden' })

    dialog = await appoint(3, '2036-01-10')
    await dialog.locator(tid('appoint-run')).waitFor()
    await dialog.locator(tid('appoint-save')).click()
    const refusal = dialog.locator(tid('clause-alert'))
    await refusal.waitFor()
    assert.equal(await refusal.locator(tid('clause-alert-clause')).innerText(), '第 7.3.3.1 条')
    assert.match(await refusal.locator(tid('clause-alert-message')).innerText(), /连任不得超过 2 届/)
    await shot(page, 'appoint-term-limit', { fullPage: false })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('sets up a branch: the name must begin with the full name (7.1.2.3)', async () => {
    const { page } = session
    await page.goto(`${BASE_URL}/console/governance/branches`)
    await page.locator(tid('page-gov-branches')).waitFor()
    await page.locator(tid('branch-create')).click()
    const dialog = page.locator(tid('branch-dialog'))
    await dialog.waitFor()
    // The full name is prefilled.
    assert.equal(await dialog.locator(field('branch-name')).inputValue(), FULL_NAME)
    await dialog.locator(tid('branch-scope')).click()
    await option(page, '行业培训').click()
    await option(page, '行业标准制定与推广').click()
    // Clicking the title closes the multiple select's dropdown.
    await dialog.locator('.el-dialog__title').click()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
    await dialog.locator(field('branch-head')).fill('梁志强')
    await dialog.locator(tid('branch-resolution')).click()
    await option(page, '关于设立冷链物流专业委员会的决议').click()

    // A name without the full name: the form warns, the server refuses citing 7.1.2.3.
    await dialog.locator(field('branch-name')).fill('冷链物流专业委员会')
    await dialog.locator(tid('branch-name-hints')).getByText('名称须以本会规范全称').waitFor()
    await dialog.locator(tid('branch-save')).click()
    const refusal = dialog.locator(tid('clause-alert'))
    await refusal.waitFor()
    assert.equal(await refusal.locator(tid('clause-alert-clause')).innerText(), '第 7.1.2.3 条')
    assert.match(await refusal.locator(tid('clause-alert-message')).innerText(), /冠以本会规范全称/)
    await shot(page, 'branch-refused', { fullPage: false })

    await dialog.locator(field('branch-name')).fill(`${FULL_NAME}冷链物流专业委员会`)
    await dialog.locator(tid('branch-name-hints')).getByText('名称符合命名规则').waitFor()
    await dialog.locator(tid('branch-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator(`${tid('branches-table')} .el-table__row`, { hasText: `${FULL_NAME}冷链物流专业委员会` })
    await row.waitFor()
    assert.equal(await row.locator(tid('branch-row-status')).innerText(), '已设立')
    await row.locator(tid('branch-activate')).click()
    await row.locator(tid('branch-row-status'), { hasText: '已启用' }).waitFor()
    await shot(page, 'branches')
  })

  it('has no console errors', () => {
    const unexpected = session.problems.filter((p) => !/status of 4\d\d/.test(p))
    assert.deepEqual(unexpected, [])
    assert.ok(meetingUrl)
  })
})
