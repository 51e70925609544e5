import { api } from './index'
import type { ListParams } from './types'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * filenameFrom reads the file name of a Content-Disposition header, preferring the
 * RFC 5987 `filename*` form; `fallback` when there is none.
 */
export function filenameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)
  return plain ? plain[1].trim() : fallback
}

/** saveBlob hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/**
 * downloadFile GETs a file with the session cookie and saves it. A failed answer
 * throws the ApiError of its envelope (and shows it unless quiet).
 */
export async function downloadFile(
  path: string,
  query: ListParams | undefined,
  fallbackName: string,
  opts: { quiet?: boolean; accept?: string } = {},
): Promise<string> {
  const res = await api.raw('GET', path, { query, accept: opts.accept ?? XLSX_MIME, quiet: opts.quiet })
  if (!res.ok) throw await api.fail(res, { quiet: opts.quiet })
  const name = filenameFrom(res.headers.get('Content-Disposition'), fallbackName)
  saveBlob(await res.blob(), name)
  return name
}
