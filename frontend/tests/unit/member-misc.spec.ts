import { describe, expect, it } from 'vitest'
import { describeValue } from '@/modules/member/changes'
import { groupProblems } from '@/modules/member/importing'
import { filenameFrom } from '@/shared/api/download'

describe('change requests in words', () => {
  it('renders texts, people, contacts and removals', () => {
    expect(describeValue(' 广州市黄埔区 ')).toBe('广州市黄埔区')
    expect(describeValue({ name: '张三', phone: '13800000001' })).toBe('张三 · 13800000001')
    expect(
      describeValue([
        { name: '王五', title: '主任', phone: '', email: 'w@example.com' },
        { name: '赵六', title: '', phone: '020-80000000', email: '' },
      ]),
    ).toBe('王五 · 主任 · w@example.com\n赵六 · 020-80000000')
    expect(describeValue(null)).toBeNull()
  })
})

describe('import problems', () => {
  it('are grouped by data row, in row order', () => {
    const p = (row: number, column: string) => ({ row, column, field: '', code: 'x', message: 'm' })
    const groups = groupProblems([p(3, '住所'), p(1, '单位名称'), p(3, '联络人')])
    expect(groups.map((g) => [g.row, g.problems.map((x) => x.column)])).toEqual([
      [1, ['单位名称']],
      [3, ['住所', '联络人']],
    ])
  })
})

describe('download names', () => {
  it('prefers the UTF-8 name of Content-Disposition', () => {
    expect(filenameFrom(`attachment; filename="members.xlsx"; filename*=UTF-8''members.xlsx`, 'x')).toBe('members.xlsx')
    expect(filenameFrom(`attachment; filename*=UTF-8''%E4%BC%9A%E5%91%98.xlsx`, 'x')).toBe('会员.xlsx')
    expect(filenameFrom('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx')
    expect(filenameFrom(null, 'fallback.xlsx')).toBe('fallback.xlsx')
  })
})
