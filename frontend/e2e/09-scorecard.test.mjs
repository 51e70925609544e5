// Walk: the capability scorecard (#11). The administrator creates an evaluator (评价工作组)
// and a board member (会长办公会) through the API. The evaluator plans a round in the UI
// and is refused a working group without both heads (10.1.2), snapshots the auto
// indicators, scores an indicator and is refused without evidence (10.1.3), confirms the
// internal baseline and submits (the bulk of the 91 evidence scores goes through the
// API); the board member approves, downloads the report, closes the round (read-only
// from then on) and sees the dashboard with the radar of the ten areas.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import { ADMIN_PASSWORD, ADMIN_USER, BASE_URL, DESKTOP, field, launch, login, newSession, shot, tid, unique } from './helpers.mjs'

const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`

/** apiSession signs in through the API and returns a caller that keeps the cookie and CSRF token. */
async function apiSession(username, password) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `login ${username}: ${res.status}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrf_token: csrf } = await res.json()
  return async (method, path, body) => {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const t = await r.text()
    return { status: r.status, body: t ? JSON.parse(t) : undefined }
  }
}

/** Refusals (401 before login, 422 on purpose) are expected answers; script errors are not. */
const unexpected = (p) => !/Failed to load resource/.test(p)

async function confirmBox(page) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

describe('scorecard: a round from plan to closed report, and the board dashboard', { concurrency: false }, () => {
  let browser
  let admin
  let evaluatorApi
  const evaluator = { username: unique('eval'), password: `Pw-${Date.now()}-eval`, id: 0 }
  const boardUser = { username: unique('head'), password: `Pw-${Date.now()}-head`, id: 0 }
  const title = `${new Date().getFullYear()} 年度能力建设自评 ${String(Date.now()).slice(-4)}`
  let roundId = 0
  let catalogue

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    admin = await apiSession(ADMIN_USER, ADMIN_PASSWORD)
    for (const [u, role, name] of [
      [evaluator, 'evaluator', '评价组 陈静'],
      [boardUser, 'board', '会长 周明'],
    ]) {
      const res = await admin('POST', '/users', { username: u.username, password: u.password, display_name: name, roles: [role] })
      assert.equal(res.status, 201, JSON.stringify(res.body))
      u.id = res.body.id
    }
    evaluatorApi = await apiSession(evaluator.username, evaluator.password)
    catalogue = (await admin('GET', '/scorecard/indicators')).body
    assert.equal(catalogue.items.length, 112)
    browser = await launch()
  })

  after(async () => {
    await browser?.close()
  })

  it('the evaluator plans a round; a working group without both heads is refused (10.1.2)', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, evaluator.username, evaluator.password)
    await page.goto(`${BASE_URL}/board/scorecard/rounds`)
    await page.locator(tid('page-scorecard-rounds')).waitFor()
    await page.locator(tid('round-create')).click()
    const dialog = page.locator(tid('round-dialog'))
    await dialog.waitFor()
    await dialog.locator(field('round-title')).fill(title)
    await dialog.locator(text('round-plan')).fill('范围：第 7、8 章全部指标；11 月完成自评，12 月提交会长办公会审定')
    await dialog.locator(tid('round-save')).click()
    const refusal = dialog.locator(tid('round-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /10\.1\.2/)
    await shot(page, 'working-group-refused', { fullPage: false })

    await dialog.locator(field('round-business-head')).fill(String(boardUser.id))
    await dialog.locator(field('round-title')).click()
    await dialog.locator(tid('round-save')).click()
    await page.waitForURL(/\/board\/scorecard\/rounds\/\d+$/)
    roundId = Number(new URL(page.url()).pathname.split('/').pop())
    assert.ok(roundId > 0)
    await page.locator(tid('round-status')).getByText('计划中').waitFor()

    await page.locator(tid('round-step-snapshot')).click()
    await confirmBox(page)
    await page.locator(tid('round-status')).getByText('评分中').waitFor()
    assert.deepEqual(problems.filter(unexpected), [])
    await page.context().close()
  })

  it('scores an indicator: refused without evidence (10.1.3), saved with it', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, evaluator.username, evaluator.password)
    await page.goto(`${BASE_URL}/board/scorecard/rounds/${roundId}`)
    await page.locator(tid('page-scorecard-round')).waitFor()
    await page.locator(tid('score-btn-7.1.1.2')).click()
    const dialog = page.locator(tid('score-dialog'))
    await dialog.waitFor()
    await dialog.locator(tid('score-70')).click()
    await dialog.locator(tid('score-save')).click()
    const refusal = dialog.locator(tid('score-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /证据/)
    assert.match(await refusal.innerText(), /10\.1\.3/)
    await shot(page, 'score-without-evidence', { fullPage: false })

    await dialog.locator(text('score-evidence')).fill('DA-2026-031 党组织工作规则.pdf\nDA-2026-044 三会一课记录')
    await dialog.locator(text('score-comment')).fill('制度健全，记录完整')
    await dialog.locator(tid('score-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal((await page.locator(tid('score-7.1.1.2')).innerText()).trim(), '70')

    // The rest of the internal layer through the API, then the baseline in the UI (clause 9).
    const internal = catalogue.areas[0].layer
    const round = (await evaluatorApi('GET', `/scorecard/rounds/${roundId}`)).body
    const todo = catalogue.items.filter((i) => !round.snapshot[i.id] && i.id !== '7.1.1.2')
    const put = async (i, n) => {
      const score = [100, 70, 70, 40][n % 4]
      const res = await evaluatorApi('PUT', `/scorecard/rounds/${roundId}/scores`, {
        indicator_id: i.id,
        score,
        evidence: [`DA-2026-${String(100 + n)} ${i.title_zh}`],
        comment: '',
      })
      assert.equal(res.status, 204, `${i.id}: ${JSON.stringify(res.body)}`)
    }
    let n = 0
    for (const i of todo.filter((x) => x.layer === internal)) await put(i, n++)
    await page.reload()
    await page.locator(tid('round-step-baseline')).click()
    await confirmBox(page)
    await page.locator(tid('round-step-submit')).waitFor()

    for (const i of todo.filter((x) => x.layer !== internal)) await put(i, n++)
    await page.reload()
    await page.locator(tid('round-step-submit')).click()
    await confirmBox(page)
    await page.locator(tid('round-status')).getByText('已提交待审定').waitFor()
    await shot(page, 'round-submitted')
    assert.deepEqual(problems.filter(unexpected), [])
    await page.context().close()
  })

  it('the board approves, downloads the report and closes the round', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, boardUser.username, boardUser.password)
    await page.goto(`${BASE_URL}/board/scorecard/rounds/${roundId}`)
    await page.locator(tid('round-step-approve')).click()
    await confirmBox(page)
    await page.locator(tid('round-report')).waitFor()
    assert.match(await page.locator(tid('report-total')).innerText(), /^\d+(\.\d)?$/)
    await page.locator(`${tid('round-report')} ${tid('scorecard-radar')} canvas`).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('round-download')).click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    assert.ok(statSync(await download.path()).size > 1000)
    await shot(page, 'round-report')

    await page.locator(tid('round-step-close')).click()
    await confirmBox(page)
    await page.locator(tid('round-readonly')).waitFor()
    await page.locator(tid('round-status')).getByText('已关闭归档').waitFor()
    assert.equal(await page.locator('[data-testid^="score-btn-"]').count(), 0)
    assert.equal(await page.locator('[data-testid^="round-step-"]').count(), 0)
    // The server agrees: a closed round takes no score.
    const res = await evaluatorApi('PUT', `/scorecard/rounds/${roundId}/scores`, { indicator_id: '7.1.1.2', score: 100, evidence: ['x'] })
    assert.notEqual(res.status, 204)
    assert.deepEqual(problems.filter(unexpected), [])
    await page.context().close()
  })

  it('the dashboard shows the total, stage, radar and live indicators; actions follow up', async () => {
    const { page, problems } = await newSession(browser, DESKTOP)
    await login(page, boardUser.username, boardUser.password)
    await page.goto(`${BASE_URL}/board/scorecard`)
    await page.locator(tid('page-scorecard-dashboard')).waitFor()
    await page.locator(`${tid('scorecard-radar')} canvas`).waitFor()
    await page.locator(`${tid('scorecard-trend')} canvas`).waitFor()
    assert.match(await page.locator(tid('scorecard-total')).innerText(), /\d/)
    await page.locator(tid('live-8.1.2.3')).waitFor()
    await shot(page, 'dashboard')

    await page.goto(`${BASE_URL}/board/scorecard/actions`)
    await page.locator(tid('page-scorecard-actions')).waitFor()
    const ack = page.locator('[data-testid^="action-ack-"]').first()
    await ack.waitFor()
    await ack.click()
    await page.getByText('已更新').first().waitFor()
    await shot(page, 'actions', { fullPage: false })
    assert.deepEqual(problems.filter(unexpected), [])
    await page.context().close()
  })
})
