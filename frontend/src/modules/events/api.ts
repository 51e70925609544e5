import { api, type ListParams, type ListResponse, type RequestOptions } from '@/shared/api'
import { downloadFile } from '@/shared/api/download'
import type {
  EmergencyPlan,
  EventBody,
  EventItem,
  EventStats,
  InspectionItem,
  LifecycleAction,
  Provider,
  ProviderBody,
  PublicEvent,
  RegisterBody,
  Registration,
  SafetyFiling,
  Task,
  TaskBody,
  TransitionResult,
} from './types'

const base = (id: number) => `/events/${id}`

export const eventsApi = {
  list: (params: ListParams, opts?: RequestOptions) => api.get<ListResponse<EventItem>>('/events', params, opts),
  get: (id: number, opts?: RequestOptions) => api.get<EventItem>(base(id), undefined, opts),
  create: (body: EventBody) => api.post<EventItem>('/events', body, { quiet: true }),
  update: (id: number, body: EventBody) => api.put<EventItem>(base(id), body, { quiet: true }),
  transition: (id: number, action: LifecycleAction) =>
    api.post<TransitionResult>(`${base(id)}/${action}`, {}, { quiet: true }),

  filing: (id: number, body: SafetyFiling) => api.put<EventItem>(`${base(id)}/safety-filing`, body, { quiet: true }),
  inspection: (id: number, items: { item: InspectionItem; ok: boolean; note: string }[]) =>
    api.put<EventItem>(`${base(id)}/fire-inspection`, { items }, { quiet: true }),
  emergency: (id: number, body: EmergencyPlan) => api.put<EventItem>(`${base(id)}/emergency-plan`, body, { quiet: true }),
  summary: (id: number, summary: string) => api.put<EventItem>(`${base(id)}/summary`, { summary }, { quiet: true }),

  tasks: (id: number, opts?: RequestOptions) => api.get<{ items: Task[] }>(`${base(id)}/tasks`, undefined, opts),
  createTask: (id: number, body: TaskBody) => api.post<Task>(`${base(id)}/tasks`, body, { quiet: true }),
  updateTask: (id: number, taskId: number, body: TaskBody) =>
    api.put<Task>(`${base(id)}/tasks/${taskId}`, body, { quiet: true }),

  providers: (id: number, opts?: RequestOptions) => api.get<{ items: Provider[] }>(`${base(id)}/providers`, undefined, opts),
  createProvider: (id: number, body: ProviderBody) => api.post<Provider>(`${base(id)}/providers`, body, { quiet: true }),
  updateProvider: (id: number, providerId: number, body: ProviderBody) =>
    api.put<Provider>(`${base(id)}/providers/${providerId}`, body, { quiet: true }),

  registrations: (id: number, params: ListParams, opts?: RequestOptions) =>
    api.get<ListResponse<Registration>>(`${base(id)}/registrations`, params, opts),
  register: (id: number, body: RegisterBody) => api.post<Registration>(`${base(id)}/registrations`, body, { quiet: true }),
  cancelRegistration: (id: number, regId: number) =>
    api.post<Registration>(`${base(id)}/registrations/${regId}/cancel`, {}, { quiet: true }),
  checkin: (id: number, code: string) => api.post<Registration>(`${base(id)}/checkin`, { code }, { quiet: true }),
  stats: (id: number, opts?: RequestOptions) => api.get<EventStats>(`${base(id)}/stats`, undefined, opts),
}

/** exportRegistrations downloads the attendee list; the server requires and audits a purpose. */
export function exportRegistrations(id: number, purpose: string): Promise<string> {
  return downloadFile(`${base(id)}/registrations/export.xlsx`, { purpose }, `registrations-${id}.xlsx`, { quiet: true })
}

/** The member contact's side (the unit comes from the session). */
export const portalEventsApi = {
  upcoming: (opts?: RequestOptions) =>
    api.get<ListResponse<PublicEvent>>('/portal/events', { page_size: 100 }, opts),
  register: (id: number, body: RegisterBody) =>
    api.post<Registration>(`/portal/events/${id}/register`, body, { quiet: true }),
  mine: (opts?: RequestOptions) => api.get<{ items: Registration[] }>('/portal/registrations', undefined, opts),
  cancel: (eventId: number, regId: number) =>
    api.post<Registration>(`/portal/events/${eventId}/registrations/${regId}/cancel`, {}, { quiet: true }),
}

/** Reachable without signing in. */
export const publicEventsApi = {
  upcoming: (opts?: RequestOptions) =>
    api.get<ListResponse<PublicEvent>>('/public/events', { page_size: 100 }, { allowUnauthenticated: true, ...opts }),
  get: (id: number, opts?: RequestOptions) =>
    api.get<PublicEvent>(`/public/events/${id}`, undefined, { allowUnauthenticated: true, ...opts }),
  register: (id: number, body: RegisterBody) =>
    api.post<Registration>(`/public/events/${id}/register`, body, { quiet: true, allowUnauthenticated: true }),
  survey: (id: number, body: { code: string; score: number; comment: string }) =>
    api.post<void>(`/public/events/${id}/survey`, body, { quiet: true, allowUnauthenticated: true }),
}
