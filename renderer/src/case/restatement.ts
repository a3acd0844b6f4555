import { format } from 'date-fns'

/** Fills the playbook's restatement template ({date} {product} {problem} {demand}) from the case. */
export function restate(
  template: string,
  values: { receivedAt: string; product: string; problem: string; demand: string },
): string {
  const date = format(new Date(values.receivedAt), 'yyyy-MM-dd')
  return template
    .replaceAll('{date}', date)
    .replaceAll('{product}', values.product || '—')
    .replaceAll('{problem}', values.problem.replace(/[。.!！]+$/, ''))
    .replaceAll('{demand}', values.demand)
}
