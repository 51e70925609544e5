import { ref } from 'vue'
import { govApi } from './api'
import type { AssociationState } from './types'

/**
 * The association's registered name for the layout's brand line, loaded once and
 * updated when the profile is saved. null while unknown or not recorded.
 */
const name = ref<string | null>(null)
let loading: Promise<void> | null = null

export function setAssociationName(state: AssociationState): void {
  name.value = state.configured ? state.association.full_name : null
}

export function useAssociationName() {
  if (!loading) {
    loading = govApi.association({ quiet: true }).then(setAssociationName, () => {
      // Try again on the next page that asks (the session may not be ready yet).
      loading = null
    })
  }
  return name
}
