import { describe, expect, it } from 'vitest'
import {
  availableActions,
  CASE_ACTIONS,
  headsLists,
  invariantViolations,
  NEXT_STATUS,
  refusalFor,
  reopen,
  reportDone,
  setClass,
  type LifecycleCase,
} from '@shared/rules/lifecycle'
import { CASE_STATUSES, type CaseStatus } from '@shared/values/options'
import { emptyWorkflow, type Workflow } from '@shared/schemas/workflow'
import type { Case } from '@shared/schemas/case'
import { makeCase } from '../../support/factories'

const staff = { id: 's', name: '李娜' }
const stamp = { at: '2026-11-22T03:00:00Z', by: staff }
const records = {
  resolvedAt: '2026-11-22T02:00:00Z',
  oralReport: { to: '陈主管', at: '2026-11-22T03:00:00Z', summary: '已补足找零', by: staff },
  writtenReport: {
    generatedAt: '2026-11-22T03:00:00Z',
    generatedBy: staff,
    submittedTo: '区域运营部',
    submittedAt: '2026-11-22T04:00:00Z',
  },
  followUp: { method: 'phone', satisfaction: 5, remarks: '', at: '2026-11-23T03:00:00Z', by: staff },
  review: { wentWell: 'a', improve: 'b', rootCause: 'c', preventive: 'd', owner: 'e', ...stamp },
}
const subject = (status: CaseStatus, caseClass: 1 | 2 = 1, w: Partial<Workflow> = {}): LifecycleCase => ({
  status,
  caseClass,
  workflow: { ...emptyWorkflow(), ...records, ...w },
})
const fullCase = (status: CaseStatus, caseClass: 1 | 2, w: Partial<Workflow> = {}): Case =>
  makeCase({ status, caseClass, workflow: { ...emptyWorkflow(), ...records, ...w } })

describe('the lifecycle: where each status-moving action may start (docs/domain.md §8)', () => {
  const FROM: Partial<Record<(typeof CASE_ACTIONS)[number], CaseStatus[]>> = {
    start: ['received'],
    resolve: ['received', 'in_progress'],
    recordOralReport: ['resolved'],
    recordFollowUp: ['reported'],
    close: ['followed_up'],
    reopen: ['resolved', 'reported', 'followed_up', 'closed'],
    void: ['received', 'in_progress', 'resolved', 'reported', 'followed_up', 'closed'],
    // Corrections while open; a closed case is reopened first, a voided one never changes.
    editCase: ['received', 'in_progress', 'resolved', 'reported', 'followed_up'],
  }
  const table = CASE_STATUSES.flatMap((status) =>
    Object.entries(FROM).map(([action, from]) => [status, action, from!.includes(status)] as const),
  )
  it.each(table)('%s + %s → allowed: %s', (status, action, allowed) => {
    const refusal = refusalFor(subject(status, 1), action as (typeof CASE_ACTIONS)[number])
    expect(refusal === null).toBe(allowed)
    if (!allowed) expect(refusal!.key).toMatch(/^[a-z_0-9]+$/)
  })

  it('names the state in its refusal so the message can say it in the user words', () => {
    expect(refusalFor(subject('resolved'), 'resolve')).toEqual({
      key: 'resolve_only_when_open',
      params: { status: 'resolved' },
    })
    expect(refusalFor(subject('voided'), 'close')).toEqual({ key: 'already_voided' })
  })

  it('every status-moving action says where it leads', () => {
    expect(NEXT_STATUS).toMatchObject({ start: 'in_progress', recordOralReport: 'reported', close: 'closed' })
  })
})

describe('duties the lifecycle enforces', () => {
  it('a Class 2 case cannot close without its written report submitted, whatever else is done', () => {
    const c = subject('followed_up', 2, { writtenReport: null })
    expect(refusalFor(c, 'close')).toEqual({ key: 'close_needs_written_report' })
    expect(invariantViolations({ ...c, status: 'closed' })).toContainEqual({ key: 'close_needs_written_report' })
  })

  it('an urgent case cannot be resolved until someone was notified or a manager took over', () => {
    const urgent = { urgent: true, escalation: { notified: [], takenOverBy: null } }
    expect(refusalFor(subject('in_progress', 1, urgent), 'resolve')).toEqual({ key: 'urgent_needs_escalation' })
    const notified = { urgent: true, escalation: { notified: [{ who: '陈主管', ...stamp }], takenOverBy: null } }
    expect(refusalFor(subject('in_progress', 1, notified), 'resolve')).toBeNull()
    const taken = { urgent: true, escalation: { notified: [], takenOverBy: stamp } }
    expect(refusalFor(subject('in_progress', 1, taken), 'resolve')).toBeNull()
    expect(invariantViolations(subject('resolved', 1, urgent))).toContainEqual({ key: 'urgent_needs_escalation' })
  })

  it('a closed or voided urgent case no longer heads the lists', () => {
    const urgent = { urgent: true, escalation: { notified: [{ who: '陈主管', ...stamp }], takenOverBy: null } }
    expect(headsLists(subject('in_progress', 1, urgent))).toBe(true)
    expect(headsLists(subject('closed', 1, urgent))).toBe(false)
    expect(headsLists(subject('voided', 1, urgent))).toBe(false)
  })

  it('the 报告 step is ticked only by a report record', () => {
    expect(
      invariantViolations(
        subject('in_progress', 1, {
          oralReport: null,
          writtenReport: null,
          steps: { ...emptyWorkflow().steps, report: stamp },
        }),
      ),
    ).toContainEqual({
      key: 'report_step_by_record',
    })
  })

  it('a case at 已报告 or later always has the report its current class needs', () => {
    expect(invariantViolations(subject('reported', 1, { oralReport: null, writtenReport: null }))).toContainEqual({
      key: 'needs_oral_report',
    })
    expect(invariantViolations(subject('reported', 1))).toEqual([])
    // A written report covers Class 1 too (a case lowered after its written report).
    expect(reportDone(subject('reported', 1, { oralReport: null }))).toBe(true)
    expect(reportDone(subject('reported', 2, { writtenReport: { ...records.writtenReport, submittedAt: null } }))).toBe(
      false,
    )
  })

  it('a closed case has its follow-up, its review where due, and no open commitment', () => {
    expect(invariantViolations(subject('closed', 1, { followUp: null }))).toContainEqual({ key: 'needs_follow_up' })
    expect(invariantViolations(subject('closed', 2, { review: null }))).toContainEqual({ key: 'needs_review' })
    const open = {
      id: 'm1',
      what: '明天回电',
      owner: '李娜',
      dueAt: '2026-11-23T09:00:00Z',
      status: 'open' as const,
      createdAt: stamp.at,
      createdBy: staff,
      keptAt: null,
      reagreed: [],
    }
    expect(refusalFor(subject('followed_up', 1, { commitments: [open] }), 'close')).toEqual({
      key: 'close_open_commitments',
      params: { count: 1 },
    })
  })
})

describe('changing the class', () => {
  it('raising a reported Class 1 case sends it back to 已解决 and clears its 报告 step', () => {
    const c = fullCase('reported', 1, { writtenReport: null, steps: { ...emptyWorkflow().steps, report: stamp } })
    expect(setClass(c, 2)).toEqual({ sentBack: true })
    expect(c).toMatchObject({ status: 'resolved', caseClass: 2 })
    expect(c.workflow.steps.report).toBeNull()
    expect(invariantViolations(c)).toEqual([])
  })

  it('raising a case still being handled changes nothing else', () => {
    const c = fullCase('in_progress', 1, { oralReport: null, writtenReport: null })
    expect(setClass(c, 2)).toEqual({ sentBack: false })
    expect(c.status).toBe('in_progress')
  })

  it('a case reopened loses its report, follow-up and 报告 step and goes round again', () => {
    const c = fullCase('closed', 1, { steps: { ...emptyWorkflow().steps, report: stamp } })
    reopen(c)
    expect(c.status).toBe('in_progress')
    expect(c.workflow).toMatchObject({ oralReport: null, followUp: null, resolvedAt: null })
    expect(c.workflow.steps.report).toBeNull()
    expect(invariantViolations(c)).toEqual([])
  })
})

describe('availableActions', () => {
  it('lists every action with a reason for each disabled one', () => {
    const actions = availableActions(subject('received'), { role: 'staff' })
    expect(actions.map((a) => a.action)).toEqual([...CASE_ACTIONS])
    for (const a of actions) expect(a.enabled || a.reason !== undefined).toBe(true)
    expect(actions.find((a) => a.action === 'close')).toMatchObject({
      enabled: false,
      reason: { key: 'close_after_follow_up', params: { status: 'received' } },
    })
  })

  it('marks manager actions as needing approval for a clerk, not for a manager', () => {
    const urgent = subject('in_progress', 1, { urgent: true, escalation: { notified: [], takenOverBy: null } })
    expect(availableActions(urgent, { role: 'staff' }).find((a) => a.action === 'takeOver')).toMatchObject({
      enabled: true,
      manager: true,
    })
    expect(availableActions(urgent, { role: 'manager' }).find((a) => a.action === 'takeOver')).toMatchObject({
      enabled: true,
      manager: false,
    })
  })

  it('offers nothing that changes a closed case but reopening (and voiding, and a late review)', () => {
    const enabled = availableActions(subject('closed', 1), { role: 'manager' })
      .filter((a) => a.enabled)
      .map((a) => a.action)
    expect(enabled.sort()).toEqual(['recordReview', 'reopen', 'void'])
  })
})
