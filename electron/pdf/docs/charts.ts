// Small vector charts for the PDFs, drawn as SVG (pdfmake renders SVG as vector paths).
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Whole-number ticks from 0 to at least `max`, at most about `count` of them. */
export function ticks(max: number, count = 5): number[] {
  const step = Math.max(1, Math.ceil(max / count))
  const top = Math.max(step, Math.ceil(max / step) * step)
  const out: number[] = []
  for (let v = 0; v <= top; v += step) out.push(v)
  return out
}

const AXIS = 'stroke="#666" stroke-width="0.6"'
const GRID = 'stroke="#ddd" stroke-width="0.4"'

/** About how wide `s` sets at `size` in the CJK font: a Han or full-width character is 1 em, others under 0.6. */
const textWidth = (s: string, size: number) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.6), 0) * size

/** `s` cut with an ellipsis to fit `width` at `size`: a long label would run off the chart's left edge. */
export function clip(s: string, width: number, size: number): string {
  if (textWidth(s, size) <= width) return s
  const chars = [...s]
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop()
  return `${chars.join('')}…`
}

/** Horizontal bars, one per label, two series stacked (e.g. Class 1 and Class 2), with a count axis. */
export function stackedBars(
  rows: { label: string; a: number; b: number }[],
  legend: [string, string],
  width = 500,
  labelW = 110,
): string {
  const rowH = 22
  const plotH = rows.length * rowH + 4
  const height = plotH + 44
  const scaleTicks = ticks(Math.max(1, ...rows.map((r) => r.a + r.b)))
  const top = scaleTicks.at(-1)!
  const scale = (width - labelW - 40) / top
  const grid = scaleTicks
    .map((v) => {
      const x = labelW + v * scale
      return `<line x1="${x}" y1="0" x2="${x}" y2="${plotH}" ${v === 0 ? AXIS : GRID}/>
<line x1="${x}" y1="${plotH}" x2="${x}" y2="${plotH + 3}" ${AXIS}/>
<text x="${x}" y="${plotH + 12}" font-size="7" text-anchor="middle">${v}</text>`
    })
    .join('\n')
  const bars = rows
    .map((r, i) => {
      const y = i * rowH + 4
      const wa = r.a * scale
      const wb = r.b * scale
      return `<text x="${labelW - 6}" y="${y + 11}" font-size="9" text-anchor="end">${esc(clip(r.label, labelW - 8, 9))}</text>
<rect x="${labelW}" y="${y}" width="${wa}" height="14" fill="#4a7fc1"/>
<rect x="${labelW + wa}" y="${y}" width="${wb}" height="14" fill="#e0883c"/>
<text x="${labelW + wa + wb + 4}" y="${y + 11}" font-size="8">${r.a + r.b}</text>`
    })
    .join('\n')
  const ly = plotH + 26
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
${grid}
<line x1="${labelW}" y1="${plotH}" x2="${labelW + top * scale}" y2="${plotH}" ${AXIS}/>
${bars}
<rect x="${labelW}" y="${ly}" width="10" height="8" fill="#4a7fc1"/><text x="${labelW + 14}" y="${ly + 8}" font-size="8">${esc(legend[0])}</text>
<rect x="${labelW + 90}" y="${ly}" width="10" height="8" fill="#e0883c"/><text x="${labelW + 104}" y="${ly + 8}" font-size="8">${esc(legend[1])}</text>
</svg>`
}

/** A line of daily counts with the day under each point and a count axis on the left. */
export function dailyLine(points: { label: string; value: number }[], width = 500, height = 130): string {
  const left = 30
  const right = 16
  const top = 12
  const bottom = 24
  const scaleTicks = ticks(Math.max(1, ...points.map((p) => p.value)), 4)
  const max = scaleTicks.at(-1)!
  const plotH = height - top - bottom
  const y0 = height - bottom
  const yOf = (v: number) => y0 - (v / max) * plotH
  const step = points.length > 1 ? (width - left - right - 10) / (points.length - 1) : 0
  const xy = points.map((p, i) => [left + 10 + i * step, yOf(p.value)] as const)
  const path = xy.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ')
  const yAxis = scaleTicks
    .map(
      (v) =>
        `<line x1="${left}" y1="${yOf(v)}" x2="${width - right}" y2="${yOf(v)}" ${v === 0 ? AXIS : GRID}/>
<line x1="${left - 3}" y1="${yOf(v)}" x2="${left}" y2="${yOf(v)}" ${AXIS}/>
<text x="${left - 5}" y="${yOf(v) + 3}" font-size="7" text-anchor="end">${v}</text>`,
    )
    .join('\n')
  const marks = xy
    .map(
      ([x, y], i) =>
        `<circle cx="${x}" cy="${y}" r="2.5" fill="#4a7fc1"/><text x="${x}" y="${y - 5}" font-size="8" text-anchor="middle">${points[i].value}</text>
<line x1="${x}" y1="${y0}" x2="${x}" y2="${y0 + 3}" ${AXIS}/><text x="${x}" y="${height - 8}" font-size="8" text-anchor="middle">${esc(points[i].label)}</text>`,
    )
    .join('\n')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
${yAxis}
<line x1="${left}" y1="${top - 4}" x2="${left}" y2="${y0}" ${AXIS}/>
<path d="${path}" fill="none" stroke="#4a7fc1" stroke-width="1.5"/>
${marks}
</svg>`
}
