export interface Timing {
  first: number
  median: number
  p95: number
}

/** Median and p95 of measured times, leaving out the first (warm-up) one. */
export function summarize(ms: readonly number[]): Timing {
  const sorted = (ms.length > 1 ? ms.slice(1) : [...ms]).sort((a, b) => a - b)
  return {
    first: ms[0],
    median: sorted[Math.floor(sorted.length / 2)],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
  }
}

/** Runs `fn` `runs` times and summarizes the times. */
export async function timed(fn: () => Promise<unknown> | unknown, runs: number): Promise<Timing> {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    await fn()
    ms.push(performance.now() - s)
  }
  return summarize(ms)
}
