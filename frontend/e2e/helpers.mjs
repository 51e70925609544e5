// Shared helpers for the browser walks in e2e/*.test.mjs (node --test).
// They drive Debian's Chromium through playwright-core; no browser is downloaded.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

export const BASE_URL = (process.env.HUIGUAN_E2E_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '')
export const ADMIN_USER = process.env.HUIGUAN_E2E_ADMIN_USER ?? 'admin'
export const ADMIN_PASSWORD = process.env.HUIGUAN_E2E_ADMIN_PASSWORD ?? ''
export const SHOTS_DIR = resolve(process.env.HUIGUAN_E2E_SHOTS ?? 'e2e-artifacts/shots')
export const CHROMIUM = process.env.HUIGUAN_E2E_CHROMIUM ?? '/usr/bin/chromium'

export const DESKTOP = { width: 1366, height: 768 }
export const PHONE = { width: 390, height: 844 }

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

mkdirSync(SHOTS_DIR, { recursive: true })

/** launch starts Chromium; close it in an after() hook. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

/**
 * newSession opens an isolated browser context (its own cookies) with one page.
 * Console errors and failed requests are collected for assertions and debugging.
 */
export async function newSession(browser, viewport = DESKTOP, locale = 'zh-CN') {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const problems = []
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`)
  })
  return { context, page, problems }
}

let shotCounter = 0
// Each walk file runs in its own process; its name prefixes its pictures.
const walkName = basename(process.argv[1] ?? 'walk').replace(/\.test\.m?js$/, '')

/** shot saves a PNG named <walk>-NN-name.png in the screenshot folder (full page unless told). */
export async function shot(page, name, { fullPage = true } = {}) {
  shotCounter += 1
  const file = join(SHOTS_DIR, `${walkName}-${String(shotCounter).padStart(2, '0')}-${name}.png`)
  // Let transitions and charts settle before the picture.
  await page.waitForTimeout(350)
  await page.screenshot({ path: file, fullPage })
  return file
}

/** tid builds a data-testid selector. */
export const tid = (id) => `[data-testid="${id}"]`

/**
 * field selects the text box of an el-input by test id (Element Plus puts the
 * attribute on the <input> itself; a wrapper would hold it around the input).
 */
export const field = (id) => `input${tid(id)}, ${tid(id)} input`

/** login signs in through the login page and waits for the landing page. */
export async function login(page, username, password) {
  await page.goto(`${BASE_URL}/login`)
  await page.locator(field('login-username')).fill(username)
  await page.locator(field('login-password')).fill(password)
  // Enter submits: the form must be keyboard-usable.
  await page.locator(field('login-password')).press('Enter')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** logout signs out through the user menu. */
export async function logout(page) {
  await page.locator(tid('user-menu')).click()
  await page.locator(tid('logout')).click()
  await page.waitForURL((url) => url.pathname.startsWith('/login'))
}

/** unique returns a short suffix for names created by a walk. */
export function unique(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
}
