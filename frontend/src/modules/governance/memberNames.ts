import { reactive, ref } from 'vue'
import { ApiError } from '@/shared/api'
import { govApi } from './api'
import type { MemberOption, Seat } from './types'

/**
 * Member-unit names for seats, attendance and tenures. Bodies and meetings carry
 * member ids only; the names come from the roster, paged through once and cached
 * for the session. Roles that cannot read the roster see "会员单位 #id".
 */
const names = reactive(new Map<number, MemberOption>())
const unavailable = ref(false)
let scanned = 0
let total = Infinity
let pending: Promise<void> | null = null

const MAX_PAGES = 25

async function scan(wanted: Set<number>): Promise<void> {
  while ([...wanted].some((id) => !names.has(id)) && scanned * 200 < total && scanned < MAX_PAGES) {
    const page = await govApi.memberPage(scanned + 1, { sort: 'member_no' }, { quiet: true })
    scanned += 1
    total = page.total
    for (const m of page.items) names.set(m.id, m)
    if (page.items.length === 0) break
  }
}

export function rememberMembers(items: readonly MemberOption[]): void {
  for (const m of items) names.set(m.id, m)
}

/** ensureMemberNames loads the names of `ids` that are not known yet. */
export async function ensureMemberNames(ids: readonly number[]): Promise<void> {
  if (unavailable.value) return
  const wanted = new Set(ids.filter((id) => !names.has(id)))
  if (wanted.size === 0) return
  while (pending) await pending
  pending = scan(wanted)
    .catch((err) => {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) unavailable.value = true
    })
    .finally(() => {
      pending = null
    })
  await pending
}

export function useMemberNames() {
  return {
    unavailable,
    member: (id: number | null | undefined) => (id == null ? undefined : names.get(id)),
    name: (id: number | null | undefined) => (id == null ? '' : names.get(id)?.name ?? ''),
    ensure: ensureMemberNames,
    remember: rememberMembers,
    seatIds: (seats: readonly Seat[]) => seats.flatMap((s) => (s.member_id != null ? [s.member_id] : [])),
  }
}
