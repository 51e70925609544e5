import type { Role, User } from '@/shared/auth/types'

export type { User }

export interface CreateUserBody {
  username: string
  password: string
  display_name: string
  roles: Role[]
  member_id?: number | null
}

export interface UpdateUserBody {
  display_name?: string
  roles?: Role[]
  disabled?: boolean
  password?: string
  member_id?: number | null
}

/** One entry of the hash-chained audit log. */
export interface AuditEntry {
  id: number
  seq: number
  at: string
  actor_id: number | null
  actor_name: string
  action: string
  entity: string
  entity_id: string | number | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  request_id: string
  ip: string
  hash: string
  prev_hash: string
}

export interface AuditVerifyResult {
  ok: boolean
  checked: number
  first_broken_seq: number | null
  reason: string
}

/** A row of GET /members?q= as far as the user form needs it. */
export interface MemberOption {
  id: number
  name: string
  /** Empty until the unit is approved. */
  member_no?: string
}
