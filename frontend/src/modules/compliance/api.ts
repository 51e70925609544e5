import { api, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import type { Finding, FindingsSummary } from './types'

export const findingsApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<Finding>>('/findings', params, opts),
  summary: (opts?: RequestOptions) => api.get<FindingsSummary>('/findings/summary', undefined, opts),
}
