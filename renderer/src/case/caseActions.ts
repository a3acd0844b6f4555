import type { useTranslation } from 'react-i18next'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import type { StaffPublic } from '@shared/schemas/staff'
import type { WorkflowSettings } from '@shared/schemas/settings'
import { availableActions, type ActionState, type CaseAction, type Refusal, type Viewer } from '@shared/rules/lifecycle'

/**
 * Runs an API call that returns the updated case and shows it; `success`, when given, is
 * said in a toast once main has done it.
 */
export type Act = (call: Promise<Result<CaseDetail>>, success?: string) => Promise<Result<CaseDetail>>

/** What every panel of the case page needs. */
export interface CasePanelProps {
  c: CaseDetail
  act: Act
  managers: StaffPublic[]
  /** The signed-in manager approves by default; a clerk picks one. */
  defaultApprover: string
  settings: WorkflowSettings
  lang: 'zh' | 'en'
  /** Who is looking: decides which actions need a manager's approval. */
  viewer: Viewer
}

/** Every action of the lifecycle, by name, with whether it may be taken now and why not. */
export type Actions = Record<CaseAction, ActionState>

// One answer per case version and role: the panels of one render share it.
const cache = new WeakMap<CaseDetail, Map<Viewer['role'], Actions>>()

/**
 * The actions the lifecycle (shared/rules/lifecycle.ts) allows this viewer on this case. The
 * case page draws every control from these; it never decides from the status or class itself.
 */
export function caseActions(c: CaseDetail, viewer: Viewer): Actions {
  let byRole = cache.get(c)
  if (!byRole) cache.set(c, (byRole = new Map()))
  let actions = byRole.get(viewer.role)
  if (!actions) {
    actions = Object.fromEntries(availableActions(c, viewer).map((a) => [a.action, a])) as Actions
    byRole.set(viewer.role, actions)
  }
  return actions
}

/**
 * Refusals that name a duty still to be done (notify, report, review, keep a promise, reopen before correcting): an
 * action refused for one of these is shown disabled with the duty next to it. An action
 * refused because it does not apply at this stage or to this class is not shown.
 */
const DUTIES: ReadonlySet<string> = new Set([
  'urgent_needs_escalation',
  'needs_written_report',
  'needs_oral_report',
  'needs_review',
  'close_open_commitments',
  'close_needs_written_report',
  'edit_reopen_first',
])

/** Whether to show the action's control: it can be taken, or it waits on a duty. */
export const shown = (a: ActionState): boolean => a.enabled || (a.reason !== undefined && DUTIES.has(a.reason.key))

/** A closed or voided case takes no more handling: the lifecycle refuses even a LASTR step. */
export const finished = (actions: Actions): boolean => !actions.tickStep.enabled

/** The refusal in the user's words (a status named as the user sees it). */
export const reasonText = (t: ReturnType<typeof useTranslation>['t'], reason: Refusal): string =>
  t(`refusals.${reason.key}`, reason.params)
