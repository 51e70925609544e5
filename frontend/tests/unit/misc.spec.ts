import { describe, expect, it } from 'vitest'
import { diffObjects, display, stable } from '@/modules/admin/diff'
import { checkDisplayName, checkPassword, checkUsername } from '@/modules/admin/rules'
import { i18n, registerMessages } from '@/shared/i18n'
import zh from '@/shared/i18n/messages/zh-CN'
import en from '@/shared/i18n/messages/en'
import { modules } from '@/app/modules'

describe('audit diff', () => {
  it('compares snapshots field by field', () => {
    const rows = diffObjects(
      { roles: ['member'], disabled: false, display_name: '张三', gone: 1 },
      { roles: ['member', 'finance'], disabled: false, display_name: '张三丰', added: { a: 1 } },
    )
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      ['added', 'added'],
      ['disabled', 'same'],
      ['display_name', 'changed'],
      ['gone', 'removed'],
      ['roles', 'changed'],
    ])
  })

  it('treats a create as all added and a delete as all removed', () => {
    expect(diffObjects(null, { a: 1 })[0].kind).toBe('added')
    expect(diffObjects({ a: 1 }, null)[0].kind).toBe('removed')
    expect(diffObjects(null, null)).toEqual([])
  })

  it('compares nested values regardless of key order', () => {
    expect(stable({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(stable({ a: [1, { c: 3, d: 2 }], b: 1 }))
    expect(diffObjects({ x: { a: 1, b: 2 } }, { x: { b: 2, a: 1 } })[0].kind).toBe('same')
    expect(display(null)).toBe('null')
    expect(display(['a'])).toBe('["a"]')
    expect(display('文本')).toBe('文本')
  })
})

describe('user form rules mirror the server', () => {
  it('username: 3–64 of a-z 0-9 . _ -, starting with a letter or digit (case-folded)', () => {
    expect(checkUsername('member01')).toBeNull()
    expect(checkUsername('Member.01')).toBeNull()
    expect(checkUsername('ab')?.key).toBe('validation.minLength')
    expect(checkUsername('a'.repeat(65))?.key).toBe('validation.maxLength')
    expect(checkUsername('_abc')?.key).toBe('admin.users.usernameRule')
    expect(checkUsername('张三丰')?.key).toBe('admin.users.usernameRule')
    expect(checkUsername('')?.key).toBe('validation.required')
  })

  it('password: at least 10 characters, at most 72 bytes', () => {
    expect(checkPassword('123456789')?.key).toBe('validation.minLength')
    expect(checkPassword('1234567890')).toBeNull()
    expect(checkPassword('密'.repeat(10))).toBeNull()
    expect(checkPassword('密'.repeat(25))?.key).toBe('admin.users.passwordTooLong')
  })

  it('display name: required, at most 64 characters', () => {
    expect(checkDisplayName('  ')?.key).toBe('validation.required')
    expect(checkDisplayName('名'.repeat(64))).toBeNull()
    expect(checkDisplayName('名'.repeat(65))?.key).toBe('validation.maxLength')
  })
})

describe('translations', () => {
  function keys(o: unknown, prefix = ''): string[] {
    if (typeof o !== 'object' || o === null) return [prefix]
    return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  }

  it('every module has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    for (const m of modules) {
      if (!m.messages) continue
      expect(keys(m.messages.en).sort(), m.name).toEqual(keys(m.messages['zh-CN']).sort())
    }
  })

  it('every menu and route title resolves in both languages', () => {
    for (const m of modules) if (m.messages) registerMessages(m.messages)
    const titles = [
      ...modules.flatMap((m) => m.menu ?? []).map((i) => i.title),
      ...modules.flatMap((m) => [...(m.routes ?? []), ...(m.bareRoutes ?? [])]).map((r) => r.meta?.title as string),
    ]
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of titles) expect(i18n.global.te(key, locale), `${locale}:${key}`).toBe(true)
    }
    expect(i18n.global.t('clearance.2', {}, { locale: 'zh-CN' })).toBe('内部')
  })
})
