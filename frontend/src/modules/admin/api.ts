import { api, ApiError, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import type { RoleInfo } from '@/shared/auth/types'
import type { AuditEntry, AuditVerifyResult, CreateUserBody, MemberOption, UpdateUserBody, User } from './types'

export const usersApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<User>>('/users', params, opts),
  create: (body: CreateUserBody) => api.post<User>('/users', body, { quiet: true }),
  update: (id: number, body: UpdateUserBody, opts?: RequestOptions) => api.patch<User>(`/users/${id}`, body, opts),
  roles: () => api.get<{ items: RoleInfo[] }>('/roles', undefined, { quiet: true }),
}

export const auditApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<AuditEntry>>('/audit', params, opts),
  verify: () => api.post<AuditVerifyResult>('/audit/verify'),
}

/**
 * searchMembers looks member units up by name for the user form. When the registry
 * cannot be read (404, or a role without access) `available: false` hides the field.
 */
export async function searchMembers(q: string): Promise<{ available: boolean; items: MemberOption[] }> {
  try {
    const res = await api.get<ListResponse<MemberOption & Record<string, unknown>>>(
      '/members',
      { q, page_size: 20 },
      { quiet: true },
    )
    return {
      available: true,
      items: (res.items ?? []).map((m) => ({ id: m.id, name: m.name, member_no: m.member_no })),
    }
  } catch (err) {
    if (err instanceof ApiError && ([403, 404, 405, 501].includes(err.status))) {
      return { available: false, items: [] }
    }
    throw err
  }
}
