import { api, type RequestOptions } from '@/shared/api'
import { downloadFile } from '@/shared/api/download'
import type { Action, ActionPatch, Catalogue, LiveScorecard, Round, RoundBody, RoundStep, ScoreBody } from './types'

/** Paths of the scorecard endpoints, relative to /api/v1 (kept here so tests can check them). */
export const scorecardPaths = {
  indicators: '/scorecard/indicators',
  live: '/scorecard/live',
  rounds: '/scorecard/rounds',
  round: (id: number) => `/scorecard/rounds/${id}`,
  step: (id: number, step: RoundStep) => `/scorecard/rounds/${id}/${step}`,
  scores: (id: number) => `/scorecard/rounds/${id}/scores`,
  report: (id: number) => `/scorecard/rounds/${id}/report.xlsx`,
  actions: '/scorecard/actions',
  action: (id: number) => `/scorecard/actions/${id}`,
}

export const scorecardApi = {
  catalogue: (opts?: RequestOptions) => api.get<Catalogue>(scorecardPaths.indicators, undefined, opts),
  live: (opts?: RequestOptions) => api.get<LiveScorecard>(scorecardPaths.live, undefined, opts),
  rounds: (opts?: RequestOptions) => api.get<{ items: Round[] }>(scorecardPaths.rounds, undefined, opts),
  round: (id: number, opts?: RequestOptions) => api.get<Round>(scorecardPaths.round(id), undefined, opts),
  createRound: (body: RoundBody) => api.post<Round>(scorecardPaths.rounds, body, { quiet: true }),
  advance: (id: number, step: RoundStep) => api.post<Round>(scorecardPaths.step(id, step), undefined, { quiet: true }),
  score: (id: number, body: ScoreBody) => api.put<void>(scorecardPaths.scores(id), body, { quiet: true }),
  actions: (status?: string, opts?: RequestOptions) =>
    api.get<{ items: Action[] }>(scorecardPaths.actions, status ? { status } : undefined, opts),
  updateAction: (id: number, body: ActionPatch) => api.patch<Action>(scorecardPaths.action(id), body, { quiet: true }),
}

/** downloadReport saves the round's report workbook (refused before approval). */
export function downloadReport(id: number): Promise<string> {
  return downloadFile(scorecardPaths.report(id), undefined, `scorecard-report-${id}.xlsx`, { quiet: true })
}
