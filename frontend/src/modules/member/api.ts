import { api, ApiError, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import { downloadFile, filenameFrom, saveBlob, XLSX_MIME } from '@/shared/api/download'
import type {
  ChangeRequest,
  ChangeRequestBody,
  CreateMemberBody,
  DirectoryEntry,
  EditMemberBody,
  ExpulsionResolution,
  HistoryEvent,
  ImportProblem,
  ImportResult,
  LifecycleAction,
  Member,
  MemberStats,
  Tier,
  TierBody,
  TransitionBody,
} from './types'

export const tiersApi = {
  list: (activeOnly = false, opts?: RequestOptions) =>
    api.get<{ items: Tier[] }>('/member-tiers', activeOnly ? { active: 'true' } : undefined, opts),
  create: (body: TierBody) => api.post<Tier>('/member-tiers', body, { quiet: true }),
  update: (id: number, body: TierBody) => api.put<Tier>(`/member-tiers/${id}`, body, { quiet: true }),
}

export const membersApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Member>>('/members', params, opts),
  get: (id: number, opts?: RequestOptions) => api.get<Member>(`/members/${id}`, undefined, opts),
  create: (body: CreateMemberBody) => api.post<Member>('/members', body, { quiet: true }),
  edit: (id: number, body: EditMemberBody) => api.patch<Member>(`/members/${id}`, body, { quiet: true }),
  history: (id: number, opts?: RequestOptions) => api.get<{ items: HistoryEvent[] }>(`/members/${id}/history`, undefined, opts),
  transit: (id: number, action: LifecycleAction, body: TransitionBody = {}) =>
    api.post<Member>(`/members/${id}/${action}`, body, { quiet: true }),
  review: (id: number) => api.post<Member>(`/members/${id}/review`),
  /** Passed, current expulsion resolutions: the only grounds on which a unit is expelled. */
  expulsionResolutions: (opts?: RequestOptions) =>
    api.get<ListResponse<ExpulsionResolution>>('/resolutions', { kind: 'expulsion', status: 'passed', page_size: 100 }, opts),
  stats: (opts?: RequestOptions) => api.get<MemberStats>('/members/stats', undefined, opts),
  setIndustryUnits: (n: number) =>
    api.put<MemberStats>('/members/stats/industry-units', { industry_total_units: n }, { quiet: true }),
}

export const changeRequestsApi = {
  list: (params: ListParams, opts?: RequestOptions) =>
    api.get<ListResponse<ChangeRequest>>('/member-change-requests', params, opts),
  apply: (id: number) => api.post<ChangeRequest>(`/member-change-requests/${id}/apply`, {}, { quiet: true }),
  reject: (id: number, note: string) =>
    api.post<ChangeRequest>(`/member-change-requests/${id}/reject`, { note }, { quiet: true }),
}

export const portalApi = {
  myUnit: (opts?: RequestOptions) => api.get<Member>('/portal/my-unit', undefined, opts),
  myRequests: (params: ListParams, opts?: RequestOptions) =>
    api.get<ListResponse<ChangeRequest>>('/portal/my-unit/change-requests', params, opts),
  requestChange: (body: ChangeRequestBody) =>
    api.post<ChangeRequest>('/portal/my-unit/change-requests', body, { quiet: true }),
}

/** The endpoints anyone may read, signed in or not. */
export const publicApi = {
  tiers: (opts?: RequestOptions) =>
    api.get<{ items: Tier[] }>('/public/member-tiers', undefined, { allowUnauthenticated: true, ...opts }),
  directory: (params: ListParams, opts?: RequestOptions) =>
    api.get<ListResponse<DirectoryEntry>>('/public/member-directory', params, { allowUnauthenticated: true, ...opts }),
}

/** exportMembers downloads the roster matching the list filters; the server audits the purpose. */
export function exportMembers(filters: ListParams, purpose: string): Promise<string> {
  return downloadFile('/members/export.xlsx', { ...filters, purpose }, 'members.xlsx', { quiet: true })
}

export function downloadImportTemplate(): Promise<string> {
  return downloadFile('/members/import-template.xlsx', undefined, 'member-import-template.xlsx')
}

/** What an import answered: created units, or every problem (nothing was written). */
export type ImportOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; message: string; problems: ImportProblem[] }

function fileForm(file: File): FormData {
  const fd = new FormData()
  fd.append('file', file, file.name)
  return fd
}

/**
 * importMembers uploads a roster workbook. A refusal with row problems is an outcome,
 * not an error; other failures (wrong template, corrupt file …) throw their ApiError.
 */
export async function importMembers(file: File): Promise<ImportOutcome> {
  const res = await api.raw('POST', '/members/import', { body: fileForm(file), quiet: true })
  if (res.ok) return { ok: true, result: (await res.json()) as ImportResult }
  const err = await api.fail(res, { quiet: true })
  if (err.code === 'member.import_rejected') {
    const rows = Array.isArray(err.body.rows) ? (err.body.rows as ImportProblem[]) : []
    return { ok: false, message: err.message, problems: rows }
  }
  throw err
}

/** downloadImportReport uploads the same file again and saves the workbook with its problems marked. */
export async function downloadImportReport(file: File): Promise<string> {
  const res = await api.raw('POST', '/members/import', { body: fileForm(file), accept: XLSX_MIME, quiet: true })
  const type = res.headers.get('Content-Type') ?? ''
  if (!type.includes('spreadsheetml')) {
    if (res.ok) throw new ApiError(res.status, { code: 'member.import_no_problems', message: '' })
    throw await api.fail(res, { quiet: true })
  }
  const name = filenameFrom(res.headers.get('Content-Disposition'), 'member-import-errors.xlsx')
  saveBlob(await res.blob(), name)
  return name
}
