import QRCode from 'qrcode'

/**
 * qrSvg draws a check-in code as an SVG QR code in the browser (no network, no
 * canvas), with a quiet zone; error correction M survives a phone screen's glare.
 */
export async function qrSvg(text: string, opts: { margin?: number; dark?: string } = {}): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: opts.margin ?? 2,
    color: { dark: opts.dark ?? '#15233b', light: '#ffffff' },
  })
}

/** qrDataUrl wraps the SVG as a data: URL for an <img> (downloadable, printable). */
export async function qrDataUrl(text: string, opts: { margin?: number; dark?: string } = {}): Promise<string> {
  const svg = await qrSvg(text, opts)
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** qrModules is the side of the symbol in modules (for tests and sizing). */
export function qrModules(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size
}
