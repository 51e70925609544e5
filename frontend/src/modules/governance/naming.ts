/**
 * Mirror of the server's branch naming rules (domain/governance/branch.go), so the
 * create form can warn while typing. The server still decides and cites the clause.
 */
import type { BranchKind } from './types'

/** Suffixes that show a branch's nature (7.1.2.3); the list is open (「等」): others need a review. */
export const BRANCH_SUFFIXES = ['分会', '专业委员会', '工作委员会', '专家委员会', '技术委员会'] as const
/** Suffixes of a representative office; this list is closed. */
export const OFFICE_SUFFIXES = ['代表处', '办事处', '联络处'] as const

/** Place-like tokens after the full name that hold a branch for a review (R-7.1.2.4 b). */
export const PLACE_TOKENS = [
  '省', '市', '县', '镇', '乡', '街道', '地区', '片区',
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古',
  '广西', '西藏', '宁夏', '新疆', '香港', '澳门', '广州', '深圳', '佛山', '东莞', '珠海', '中山', '惠州', '江门',
  '汕头', '湛江', '肇庆', '清远', '韶关', '揭阳', '茂名', '梅州', '河源', '阳江', '潮州', '汕尾', '云浮',
  '粤东', '粤西', '粤北', '珠三角', '大湾区',
] as const

export const CLAUSE_BRANCH_NAME = '7.1.2.3'
export const CLAUSE_REGIONAL = '7.1.2.4'

export type NameProblem =
  /** Nothing typed. */
  | 'required'
  /** The association's profile (its full name) is not recorded yet. */
  | 'no_profile'
  /** Does not start with the full name, or is only the full name. */
  | 'prefix'
  /** An office whose name does not end with 代表处, 办事处 or 联络处. */
  | 'office_suffix'

/** nameProblem: the refusal the server would give the name (7.1.2.3), or null. */
export function nameProblem(fullName: string, kind: BranchKind, name: string): NameProblem | null {
  const n = name.trim()
  if (!n) return 'required'
  if (!fullName) return 'no_profile'
  if (!n.startsWith(fullName) || n.length === fullName.length) return 'prefix'
  if (kind === 'representative_office' && !OFFICE_SUFFIXES.some((s) => n.endsWith(s))) return 'office_suffix'
  return null
}

/** suffixListed: a branch ends with a listed suffix (offices are checked at creation). */
export function suffixListed(kind: BranchKind, name: string): boolean {
  const n = name.trim()
  return kind === 'representative_office' || BRANCH_SUFFIXES.some((s) => n.endsWith(s))
}

/** placeToken: the first place-like token after the full name ('' when none). */
export function placeToken(fullName: string, name: string): string {
  const n = name.trim()
  const tail = fullName && n.startsWith(fullName) ? n.slice(fullName.length) : n
  return PLACE_TOKENS.find((t) => tail.includes(t)) ?? ''
}

/** nameHints gathers what the form shows under the name field while typing. */
export function nameHints(fullName: string, kind: BranchKind, name: string) {
  const problem = nameProblem(fullName, kind, name)
  const ok = problem === null
  return {
    problem,
    /** A branch suffix outside the list: accepted but flagged until a review (R-7.1.2.3-b). */
    unlistedSuffix: ok && !suffixListed(kind, name),
    /** A place name: the branch waits for a place review before activation (R-7.1.2.4). */
    place: ok ? placeToken(fullName, name) : '',
  }
}
