import { z } from 'zod'
import { WorkflowSettings } from '../schemas/settings'
import { DEFAULT_PLAYBOOK } from './playbook'
import { DEFAULT_WORKFLOW_SETTINGS } from './defaultSettings'

/** Script fields added after branches had saved settings (docs/domain.md §6a). */
export const LATER_PLAYBOOK_FIELDS = [
  'restatements',
  'guidance',
  'expectations',
  'escalation',
  'avoidWords',
  'styleTraits',
] as const satisfies readonly (keyof typeof DEFAULT_PLAYBOOK)[]

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * Settings as read from a file: a field added later is missing from a file saved before it and
 * gets the shipped default (an old single restatement template is kept as written, unread).
 * The manager's call-back time never starts later than the branch's Class 2 first response.
 * Anything else is left for the schema to judge.
 */
export function withLaterFields(raw: unknown): unknown {
  if (!isObject(raw)) return raw
  const out: Record<string, unknown> = { ...raw }
  const deadlines = raw.deadlines
  if (isObject(deadlines) && deadlines.managerCallbackHours === undefined) {
    const shipped = DEFAULT_WORKFLOW_SETTINGS.deadlines.managerCallbackHours
    const first = deadlines.class2FirstResponseHours
    out.deadlines = {
      ...deadlines,
      managerCallbackHours: typeof first === 'number' && first >= 1 ? Math.min(shipped, first) : shipped,
    }
  }
  if (isObject(raw.playbook)) {
    const book: Record<string, unknown> = { ...raw.playbook }
    for (const key of LATER_PLAYBOOK_FIELDS)
      if (book[key] === undefined) book[key] = structuredClone(DEFAULT_PLAYBOOK[key])
    out.playbook = book
  }
  return out
}

/** WorkflowSettings as stored on disk (live file, journal, backups): later fields filled in. */
export const StoredWorkflowSettings = z.preprocess(withLaterFields, WorkflowSettings)
