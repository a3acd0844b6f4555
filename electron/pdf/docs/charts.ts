// Small vector charts for the PDFs, drawn as SVG (pdfmake renders SVG as vector paths).
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Horizontal bars, one per label, two series stacked (e.g. Class 1 and Class 2). */
export function stackedBars(
  rows: { label: string; a: number; b: number }[],
  legend: [string, string],
  width = 500,
): string {
  const rowH = 22
  const labelW = 110
  const height = rows.length * rowH + 30
  const max = Math.max(1, ...rows.map((r) => r.a + r.b))
  const scale = (width - labelW - 40) / max
  const bars = rows
    .map((r, i) => {
      const y = i * rowH + 4
      const wa = r.a * scale
      const wb = r.b * scale
      return `<text x="${labelW - 6}" y="${y + 13}" font-size="9" text-anchor="end">${esc(r.label)}</text>
<rect x="${labelW}" y="${y}" width="${wa}" height="14" fill="#4a7fc1"/>
<rect x="${labelW + wa}" y="${y}" width="${wb}" height="14" fill="#e0883c"/>
<text x="${labelW + wa + wb + 4}" y="${y + 11}" font-size="8">${r.a + r.b}</text>`
    })
    .join('\n')
  const ly = rows.length * rowH + 14
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
${bars}
<rect x="${labelW}" y="${ly}" width="10" height="8" fill="#4a7fc1"/><text x="${labelW + 14}" y="${ly + 8}" font-size="8">${esc(legend[0])}</text>
<rect x="${labelW + 90}" y="${ly}" width="10" height="8" fill="#e0883c"/><text x="${labelW + 104}" y="${ly + 8}" font-size="8">${esc(legend[1])}</text>
</svg>`
}

/** A line of daily counts with the day under each point. */
export function dailyLine(points: { label: string; value: number }[], width = 500, height = 120): string {
  const pad = 24
  const max = Math.max(1, ...points.map((p) => p.value))
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0
  const xy = points.map((p, i) => [pad + i * step, height - pad - (p.value / max) * (height - 2 * pad)] as const)
  const path = xy.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ')
  const marks = xy
    .map(
      ([x, y], i) =>
        `<circle cx="${x}" cy="${y}" r="2.5" fill="#4a7fc1"/><text x="${x}" y="${y - 5}" font-size="8" text-anchor="middle">${points[i].value}</text><text x="${x}" y="${height - 8}" font-size="8" text-anchor="middle">${esc(points[i].label)}</text>`,
    )
    .join('\n')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999" stroke-width="0.5"/>
<path d="${path}" fill="none" stroke="#4a7fc1" stroke-width="1.5"/>
${marks}
</svg>`
}
