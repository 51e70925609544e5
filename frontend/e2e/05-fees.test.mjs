// Walk: the dues (会费, 8.1.1) end to end. The setup records, through the API, what
// dues rest on: the association, a tier, an approved unit with a complete roster, the
// general assembly with a meeting that passed the fee-standard resolution before the
// year, and people for finance, secretariat, the board and the unit. Then finance sets
// the year's standard, runs the bills, records a payment (naming the fund keeper when
// asked, and retrying once the answer was lost: the idempotency key makes it one
// payment) and sees the receipt, charges an expense to the fund and drafts the
// disclosure; the secretariat verifies it (the author may not), the board approves it,
// the secretariat publishes it, and the unit reads it in the portal and asks a question
// that the secretariat answers.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_PASSWORD, ADMIN_USER, BASE_URL, DESKTOP, PHONE, field, launch, login, newSession, shot as picture, tid, unique } from './helpers.mjs'

const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const text = (id) => `textarea${tid(id)}, ${tid(id)} textarea`

/** withCheck completes 17 characters of a unified social credit code with its check character. */
function withCheck(first17) {
  let sum = 0
  let w = 1
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(first17[i]) * w
    w = (w * 3) % 31
  }
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31]
}
function randomCode(prefix) {
  let s = prefix
  while (s.length < 17) s += USCC_ALPHABET[Math.floor(Math.random() * 31)]
  return withCheck(s)
}

/** An API session of its own (cookie and CSRF token), for the setup and the checks. */
async function apiSession(username, password) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `login ${username}: ${res.status}`)
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const { csrf_token: csrf } = await res.json()
  return async function call(method, path, body) {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrf,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = r.status === 204 ? null : await r.json().catch(() => null)
    return { status: r.status, data }
  }
}

async function must(p, what, ...ok) {
  const r = await p
  assert.ok((ok.length ? ok : [200, 201]).includes(r.status), `${what}: ${r.status} ${JSON.stringify(r.data)}`)
  return r.data
}

/** shot takes the picture from the top of the page once the toasts are gone. */
async function shot(page, name, opts) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined)
  return picture(page, name, opts)
}

/** memberBody is an application with a complete roster. */
function memberBody(name, tierId) {
  return {
    name,
    uscc: randomCode('91440101MA'),
    tier_id: tierId,
    unit_type: 'company',
    charter_accepted: true,
    channel: 'paper',
    address: '广州市黄埔区港前路 8 号',
    industry: '快递',
    region: '广州',
    chain_segment: '城市配送',
    legal_representative: { name: '王建国', phone: '13800000001' },
    member_representative: { name: '李敏', phone: '13800000002' },
    contacts: [{ name: '赵婷', title: '行政主管', phone: '02080000003', email: 'zhao@example.com' }],
  }
}

/** confirm clicks the primary button of the open confirmation box. */
async function confirm(page) {
  const box = page.locator('.fee-step-confirm')
  await box.waitFor()
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

describe('dues: standard, bills, payment and receipt, fund, disclosure through to the portal', { concurrency: false }, () => {
  let browser
  let admin
  const password = `Pw-${Date.now()}-fees`
  const people = { finance: unique('fin'), secretariat: unique('sec'), board: unique('brd'), member: unique('unit') }
  const unitName = `广州顺丰${String(Date.now()).slice(-5)}会费物流有限公司`
  const lateName = `佛山迅达${String(Date.now()).slice(-5)}供应链管理有限公司`
  const keeper = '张出纳'
  const question = `请问 ${YEAR} 年度行政管理支出包括哪些项目？`
  let tier
  let unitId
  let billNo = ''
  let paymentId = 0

  async function as(role, viewport = DESKTOP) {
    const s = await newSession(browser, viewport)
    await login(s.page, people[role], password)
    return s
  }

  before(async () => {
    assert.ok(ADMIN_PASSWORD, 'HUIGUAN_E2E_ADMIN_PASSWORD must be set')
    browser = await launch()
    admin = await apiSession(ADMIN_USER, ADMIN_PASSWORD)

    // The association (named on every receipt), unless another walk recorded it.
    const assoc = await admin('GET', '/association')
    if (assoc.status !== 200 || !assoc.data?.full_name) {
      await must(
        admin('PUT', '/association', {
          full_name: '广东省物流行业协会',
          short_name: '省物流协会',
          uscc: withCheck('51440000MJL000000'),
          business_scope: ['行业标准制定', '行业培训', '咨询服务'],
          registration_authority: '广东省民政厅',
          registered_on: '2001-06-18',
        }),
        'association',
      )
    }

    // A tier: an active one of an earlier walk, else a new one.
    const tiers = (await must(admin('GET', '/member-tiers'), 'tiers')).items
    tier = tiers.filter((x) => x.active).sort((a, b) => b.rank - a.rank)[0]
    if (!tier) {
      tier = await must(
        admin('POST', '/member-tiers', { name: '会员单位', rank: 4, annual_fee_fen: 200000, services: ['行业数据季报'] }),
        'tier',
      )
    }

    // The unit, applied for with a complete roster and approved.
    const unit = await must(admin('POST', '/members', memberBody(unitName, tier.id)), 'member')
    unitId = unit.id
    await must(admin('POST', `/members/${unitId}/approve`, {}), 'approve')

    // The general assembly (one of an earlier walk if there is one) and its meeting
    // before 1 January, with every current unit present, passing the fee standard.
    const bodies = await must(admin('GET', '/bodies'), 'bodies')
    let assembly = (bodies.items ?? bodies).find((b) => b.kind === 'general_assembly')
    if (!assembly) {
      assembly = await must(
        admin('POST', '/bodies', {
          kind: 'general_assembly',
          name: '第三届会员大会',
          term_no: 3,
          term_start: `${YEAR - 3}-01-01`,
          term_end: `${YEAR + 1}-12-31`,
          powers: '制定和修改章程，制定会费标准',
          formation_method: '全体会员组成',
          removal_method: '不适用',
        }),
        'general assembly',
      )
    }
    const members = (await must(admin('GET', '/members?status=active&page_size=200'), 'members')).items
    const meeting = await must(
      admin('POST', '/meetings', {
        body_id: assembly.id,
        title: `${YEAR - 1} 年会员大会`,
        held_on: `${YEAR - 1}-12-20`,
        attendees: members.map((m) => ({ member_id: m.id, status: 'present' })),
      }),
      'meeting',
    )
    const resolution = await must(
      admin('POST', `/meetings/${meeting.meeting.id}/resolutions`, {
        title: `关于 ${YEAR} 年度会费标准的决议`,
        text: `${tier.name}年会费 2000 元`,
        kind: 'fee_standard',
        votes_for: members.length,
        votes_against: 0,
      }),
      'resolution',
    )
    assert.equal(resolution.status, 'passed', JSON.stringify(resolution))

    // The people.
    const roles = { finance: ['finance'], secretariat: ['secretariat'], board: ['board'], member: ['member'] }
    for (const [role, username] of Object.entries(people)) {
      await must(
        admin('POST', '/users', {
          username,
          password,
          display_name: { finance: '林会计', secretariat: '陈秘书', board: '黄会长', member: '李经理' }[role],
          roles: roles[role],
          member_id: role === 'member' ? unitId : null,
        }),
        `user ${role}`,
      )
    }
  })

  after(async () => {
    await browser?.close()
  })

  it('finance sets the year’s standard on the assembly’s resolution', async () => {
    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/standards?year=${YEAR}`)
    await page.locator(tid('page-fee-standards')).waitFor()
    await page.locator(tid('standard-create')).click()
    const dialog = page.locator(tid('standard-dialog'))
    await dialog.waitFor()
    await dialog.locator(tid('standard-tier')).click()
    await page.locator('.el-select-dropdown__item:visible').filter({ has: page.getByText(tier.name, { exact: true }) }).click()
    // Three decimals are refused, not rounded.
    await dialog.locator(field('standard-amount')).fill('2000.125')
    await dialog.locator(tid('standard-save')).click()
    await dialog.getByText('金额最多保留两位小数').waitFor()
    await dialog.locator(field('standard-amount')).fill('2000')
    assert.match(await dialog.locator(tid('standard-resolution')).innerText(), new RegExp(`关于 ${YEAR} 年度会费标准的决议`))
    await shot(page, 'standard-dialog', { fullPage: false })
    await dialog.locator(tid('standard-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    const card = page.locator(tid(`standard-${tier.name}`))
    await card.waitFor()
    assert.match(await card.innerText(), /¥2,000\.00/)
    assert.match(await card.innerText(), new RegExp(`${YEAR - 1}-12-20`))
    await shot(page, 'standards')
    await context.close()
  })

  it('finance runs the year’s bills and sees the result', async () => {
    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/bills`)
    await page.locator(tid('page-fee-bills')).waitFor()
    await page.locator(tid('bill-generate')).click()
    const dialog = page.locator(tid('generate-dialog'))
    await dialog.waitFor()
    await dialog.locator(tid('generate-run')).click()
    await dialog.locator(tid('generate-result')).waitFor()
    assert.ok(Number(await dialog.locator(tid('generate-created')).innerText()) >= 1)
    await shot(page, 'generate-result', { fullPage: false })
    // Running it again bills nobody twice.
    await dialog.locator(tid('generate-run')).click()
    await dialog.locator(tid('generate-created')).getByText('0', { exact: true }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    const bills = await (await apiSession(people.finance, password))('GET', `/bills?year=${YEAR}&member_id=${unitId}`)
    assert.equal(bills.data.items.length, 1)
    billNo = bills.data.items[0].bill_no
    await page.locator(tid('bills-chip-outstanding')).click()
    await page.locator(tid('table')).getByText(billNo).waitFor()
    await shot(page, 'bills')
    await context.close()
  })

  it('finance records the payment, names the keeper when asked, retries a lost answer, and gets one receipt', async () => {
    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/collect`)
    await page.locator(tid('page-fee-collect')).waitFor()
    await page.locator(tid(`bill-pay-${billNo}`)).click()
    const dialog = page.locator(tid('pay-dialog'))
    await dialog.waitFor()
    // The amount starts at what is outstanding.
    assert.equal(await dialog.locator(field('pay-amount')).inputValue(), '2000.00')
    await dialog.locator(field('pay-reference')).fill('BANK-2026-0001')
    await shot(page, 'pay-dialog', { fullPage: false })

    const finance = await apiSession(people.finance, password)
    const summary = await must(finance('GET', `/fund-ledger/summary?year=${YEAR}`), 'summary')
    await dialog.locator(tid('pay-submit')).click()
    if (!summary.keeper) {
      // No payment before the fund has a keeper (专人专账, 8.1.1.3).
      const refusal = dialog.locator(tid('pay-error'))
      await refusal.waitFor()
      assert.match(await refusal.innerText(), /8\.1\.1\.3/)
      await dialog.locator(field('pay-keeper-name')).fill(keeper)
      await shot(page, 'pay-needs-keeper', { fullPage: false })
    }

    // The next answer is lost on the way back: the server records the payment, the
    // browser sees a network failure. The retry reuses the key and gets the same payment.
    let dropped = 0
    await page.route('**/api/v1/payments', async (route) => {
      if (dropped === 0 && route.request().method() === 'POST') {
        dropped++
        await route.fetch()
        await route.abort('failed')
        return
      }
      await route.continue()
    })
    await dialog.locator(tid(summary.keeper ? 'pay-submit' : 'pay-keeper-save')).click()
    await dialog.locator(tid('pay-unknown')).waitFor()
    await shot(page, 'pay-unknown-outcome', { fullPage: false })
    await dialog.locator(tid('pay-submit')).click()

    await page.waitForURL(/\/console\/fees\/ledger\/receipts\/\d+/)
    paymentId = Number(new URL(page.url()).pathname.split('/').pop())
    const receipt = page.locator(tid('receipt'))
    await receipt.waitFor()
    assert.equal(await receipt.locator(tid('receipt-amount')).innerText(), '¥2,000.00')
    assert.equal(await receipt.locator(tid('receipt-words')).innerText(), '贰仟元整')
    assert.equal(await receipt.locator(tid('receipt-bill')).innerText(), billNo)
    assert.equal(await receipt.locator(tid('receipt-member')).innerText(), unitName)
    assert.match(await receipt.locator(tid('receipt-no')).innerText(), /^SJ\d{4}-\d{6}$/)
    assert.ok((await receipt.locator(tid('receipt-association')).innerText()).length > 2)
    await shot(page, 'receipt')

    const payments = await must(finance('GET', `/payments?member_id=${unitId}`), 'payments')
    assert.equal(payments.items.length, 1, 'the retry must not record a second payment')
    assert.equal(payments.items[0].id, paymentId)

    await page.goto(`${BASE_URL}/console/fees/ledger?member_id=${unitId}`)
    await page.locator(tid('table')).getByText(billNo).waitFor()
    await shot(page, 'ledger')
    await context.close()
  })

  it('finance bills a unit admitted after the run, is refused a second bill (8.1.1.3), and reverses a payment', async () => {
    const late = await must(admin('POST', '/members', memberBody(lateName, tier.id)), 'late member')
    await must(admin('POST', `/members/${late.id}/approve`, {}), 'approve late member')

    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/bills`)
    await page.locator(tid('page-fee-bills')).waitFor()
    const issue = async () => {
      await page.locator(tid('bill-issue')).click()
      const dialog = page.locator(tid('issue-dialog'))
      await dialog.waitFor()
      await dialog.locator(tid('issue-member')).click()
      await page.keyboard.type(lateName.slice(0, 9))
      await page.locator('.el-select-dropdown__item:visible', { hasText: lateName }).click()
      await dialog.locator(tid('issue-submit')).click()
      return dialog
    }
    let dialog = await issue()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid('table')).getByText(lateName).waitFor()

    // The same unit and year again: no double collection.
    dialog = await issue()
    const refusal = dialog.locator(tid('issue-error'))
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /8\.1\.1\.3/)
    await shot(page, 'issue-double-collection', { fullPage: false })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // A payment recorded against the wrong unit is reversed, never edited.
    const finance = await apiSession(people.finance, password)
    const bill = (await must(finance('GET', `/bills?year=${YEAR}&member_id=${late.id}`), 'late bill')).items[0]
    const wrong = await must(
      finance('POST', '/payments', { bill_id: bill.id, amount_fen: 50000, method: 'cash', paid_on: `${YEAR}-01-15`, reference: '误记' }),
      'wrong payment',
    )
    await page.goto(`${BASE_URL}/console/fees/ledger?member_id=${late.id}`)
    await page.locator(tid(`ledger-reverse-${wrong.receipt_no}`)).click()
    const reverse = page.locator(tid('reverse-dialog'))
    await reverse.waitFor()
    await reverse.locator(text('reason-input')).fill('误记到本单位，应为其他单位的缴费')
    await reverse.locator(tid('reason-submit')).click()
    await reverse.waitFor({ state: 'hidden' })
    await page.locator(tid('ledger-reversal')).waitFor()
    await page.locator(tid('ledger-reversed')).waitFor()
    await shot(page, 'ledger-reversal')
    await context.close()
  })

  it('finance charges a member-service expense to the fund and sees the main-use share', async () => {
    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/fund?year=${YEAR}`)
    await page.locator(tid('page-fee-fund')).waitFor()
    await page.locator(tid('keeper-name-shown')).getByText(keeper).waitFor()
    const form = page.locator(tid('expense-form'))
    await form.locator(field('expense-amount')).fill('1200.5')
    await form.locator(field('expense-description')).fill('会员企业政策宣讲会场地费')
    await form.locator(field('expense-responsible')).fill('陈秘书')
    await form.locator(tid('expense-submit')).click()
    await page.locator(tid('table')).getByText('会员企业政策宣讲会场地费').waitFor()
    await page.locator(tid('share-verdict')).getByText('达到').waitFor()
    await shot(page, 'fund')
    await context.close()
  })

  it('finance drafts the disclosure and cannot verify it herself', async () => {
    const { page, context } = await as('finance')
    await page.goto(`${BASE_URL}/console/fees/disclosures`)
    await page.locator(tid('page-fee-disclosures')).waitFor()
    await page.locator(tid('disclosure-new')).click()
    const dialog = page.locator(tid('draft-dialog'))
    await dialog.waitFor()
    await dialog.locator(tid('draft-year')).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: String(YEAR) }).first().click()
    await dialog.locator(tid('draft-run')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(tid('disclosure-heading')).getByText(`${YEAR} 年度`).waitFor()
    assert.match(await page.locator(tid('disclosure-status')).innerText(), /草稿/)
    assert.match(await page.locator(tid('step-draft-by')).innerText(), new RegExp(people.finance))
    // 7.3.4.3: someone other than the author verifies.
    assert.ok(await page.locator(tid('disclosure-verify')).isDisabled())
    await shot(page, 'disclosure-draft')
    await context.close()
  })

  it('the secretariat verifies it', async () => {
    const { page, context } = await as('secretariat')
    await page.goto(`${BASE_URL}/console/fees/disclosures?year=${YEAR}`)
    await page.locator(tid('disclosure-verify')).click()
    await confirm(page)
    await page.locator(tid('disclosure-status')).getByText('已复核').waitFor()
    assert.match(await page.locator(tid('step-verify-by')).innerText(), new RegExp(people.secretariat))
    await shot(page, 'disclosure-verified')
    await context.close()
  })

  it('the board approves it on its approvals page', async () => {
    const { page, context } = await as('board')
    await page.goto(`${BASE_URL}/board/fees/approvals`)
    const card = page.locator(tid(`approval-${YEAR}`))
    await card.waitFor()
    await shot(page, 'approvals')
    await card.locator(tid(`approval-approve-${YEAR}`)).click()
    await confirm(page)
    await card.waitFor({ state: 'hidden' })
    await page.goto(`${BASE_URL}/board/fees/disclosures?year=${YEAR}`)
    await page.locator(tid('disclosure-status')).getByText('已审批').waitFor()
    assert.match(await page.locator(tid('step-approve-by')).innerText(), new RegExp(people.board))
    await shot(page, 'disclosure-approved')
    await context.close()
  })

  it('the secretariat publishes it', async () => {
    const { page, context } = await as('secretariat')
    await page.goto(`${BASE_URL}/console/fees/disclosures?year=${YEAR}`)
    await page.locator(tid('disclosure-publish')).click()
    await confirm(page)
    await page.locator(tid('disclosure-status')).getByText('已发布').waitFor()
    await page.locator(tid('disclosure-deadline')).getByText('发布').waitFor()
    await shot(page, 'disclosure-published')
    await context.close()
  })

  it('the unit reads it in the portal and asks a question', async () => {
    const { page, context } = await as('member')
    await page.goto(`${BASE_URL}/portal`)
    await page.locator(tid('portal-card-disclosures')).click()
    await page.waitForURL(/\/portal\/disclosures/)
    await page.locator(tid(`portal-disclosure-year-${YEAR}`)).click()
    await page.locator(tid('portal-disclosure-heading')).getByText(`${YEAR} 年度`).waitFor()
    await page.locator(tid('disclosure-figures')).waitFor()
    await page.locator(text('portal-feedback-text')).fill(question)
    await page.locator(tid('portal-feedback-send')).click()
    await page.locator(tid('feedback-list')).getByText(question).waitFor()
    await shot(page, 'portal-disclosure')

    await page.goto(`${BASE_URL}/portal/bills`)
    await page.locator(tid(`portal-bill-${YEAR}`)).getByText('已缴清').waitFor()
    await shot(page, 'portal-bills')
    await context.close()
  })

  it('the secretariat answers, and the unit sees the answer and its receipt on a phone', async () => {
    const sec = await as('secretariat')
    await sec.page.goto(`${BASE_URL}/console/fees/disclosures?year=${YEAR}`)
    const item = sec.page.locator(tid('feedback-list')).locator('article', { hasText: question })
    await item.waitFor()
    await item.locator('textarea').fill('行政管理支出包括秘书处办公及人员费用，明细见公示表。')
    await item.getByRole('button', { name: '回复' }).click()
    await item.getByText('明细见公示表').waitFor()
    await sec.context.close()

    const { page, context } = await as('member', PHONE)
    await page.goto(`${BASE_URL}/portal/disclosures?year=${YEAR}`)
    await page.locator(tid('feedback-list')).getByText('明细见公示表').waitFor()
    await shot(page, 'portal-disclosure-phone')
    await page.goto(`${BASE_URL}/portal/bills`)
    await page.locator(tid(`portal-bill-${YEAR}`)).locator('button', { hasText: '收据' }).first().click()
    await page.waitForURL(/\/portal\/bills\/receipts\/\d+/)
    await page.locator(tid('receipt-amount')).getByText('¥2,000.00').waitFor()
    await shot(page, 'portal-receipt-phone')
    await context.close()
  })

  it('finance revises the published disclosure; the unit keeps seeing the published version', async () => {
    const fin = await as('finance')
    await fin.page.goto(`${BASE_URL}/console/fees/disclosures?year=${YEAR}`)
    await fin.page.locator(tid('disclosure-revise')).click()
    const dialog = fin.page.locator(tid('revise-dialog'))
    await dialog.waitFor()
    await dialog.locator(text('revise-note')).fill('补记 11 月份会员服务支出')
    await dialog.locator(tid('revise-run')).click()
    await dialog.waitFor({ state: 'hidden' })
    await fin.page.locator(tid('disclosure-status')).getByText('草稿').waitFor()
    assert.match(await fin.page.locator(tid('disclosure-change-note')).innerText(), /补记 11 月份会员服务支出/)
    assert.equal(await fin.page.locator(`${tid('disclosure-versions')} .el-table__row`).count(), 2)
    await shot(fin.page, 'disclosure-revision')
    await fin.context.close()

    const { page, context } = await as('member')
    await page.goto(`${BASE_URL}/portal/disclosures?year=${YEAR}`)
    await page.locator(tid('portal-disclosure-heading')).waitFor()
    assert.equal(await page.locator(tid('portal-change-note')).count(), 0)
    assert.match(await page.locator(tid('page-portal-disclosures')).innerText(), /第 1 版/)
    await context.close()
  })
})
