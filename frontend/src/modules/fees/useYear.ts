import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { todayInShanghai } from '@/shared/format/date'

/** The current year in Asia/Shanghai. */
export function currentYear(): number {
  return Number(todayInShanghai().slice(0, 4))
}

/** useYearQuery binds a page's year to ?year= in the URL (default: this year). */
export function useYearQuery(fallback: () => number = currentYear) {
  const route = useRoute()
  const router = useRouter()
  return computed<number>({
    get() {
      const v = route.query.year
      const s = Array.isArray(v) ? v[0] : v
      return s && /^\d{4}$/.test(s) ? Number(s) : fallback()
    },
    set(y: number) {
      void router.replace({ query: { ...route.query, year: String(y), page: undefined } })
    },
  })
}
