import { describe, expect, it } from 'vitest'
import { availableEvents, transition, type CaseEvent, type TransitionSubject } from '@shared/rules/status'
import { CASE_STATUSES, type CaseStatus } from '@shared/values/options'
import { emptyWorkflow } from '@shared/schemas/workflow'

const staff = { id: 's', name: '李娜' }
const records = {
  oralReport: { to: '陈主管', at: '2026-11-22T03:00:00Z', summary: '已补足找零', by: staff },
  writtenReport: {
    generatedAt: '2026-11-22T03:00:00Z',
    generatedBy: staff,
    submittedTo: '区域运营部',
    submittedAt: '2026-11-22T04:00:00Z',
  },
  followUp: { method: 'phone', satisfaction: 5, remarks: '', at: '2026-11-23T03:00:00Z', by: staff },
  review: {
    wentWell: 'a',
    improve: 'b',
    rootCause: 'c',
    preventive: 'd',
    owner: 'e',
    at: '2026-11-23T03:00:00Z',
    by: staff,
  },
}
const subject = (
  status: CaseStatus,
  caseClass: 1 | 2 = 1,
  w: Partial<TransitionSubject['workflow']> = {},
): TransitionSubject => ({
  status,
  caseClass,
  workflow: { ...emptyWorkflow(), ...records, ...w },
})

// Every (status, event) pair: the legal ones and where they lead; everything else is illegal.
const LEGAL: Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>> = {
  received: { start: 'in_progress', resolve: 'resolved', void: 'voided' },
  in_progress: { resolve: 'resolved', void: 'voided' },
  resolved: { report: 'reported', reopen: 'in_progress', void: 'voided' },
  reported: { followUp: 'followed_up', reopen: 'in_progress', void: 'voided' },
  followed_up: { close: 'closed', reopen: 'in_progress', void: 'voided' },
  closed: { reopen: 'in_progress', void: 'voided' },
  voided: {},
}
const EVENTS: CaseEvent[] = ['start', 'resolve', 'report', 'followUp', 'close', 'reopen', 'void']

describe('the status machine (docs/domain.md §8)', () => {
  const table = CASE_STATUSES.flatMap((status) =>
    EVENTS.map((event) => [status, event, LEGAL[status][event] ?? null] as const),
  )

  it.each(table)('%s + %s → %s', (status, event, expected) => {
    for (const caseClass of [1, 2] as const) {
      const result = transition(subject(status, caseClass), event)
      if (expected) expect(result).toEqual({ ok: true, to: expected })
      else expect(result).toEqual({ ok: false, refusal: status === 'voided' ? 'already_voided' : 'illegal' })
    }
  })

  it('Class 1: reported needs an oral report record', () => {
    expect(transition(subject('resolved', 1, { oralReport: null }), 'report')).toEqual({
      ok: false,
      refusal: 'needs_oral_report',
    })
  })

  it('Class 2: reported needs the written report generated AND submitted', () => {
    expect(transition(subject('resolved', 2, { writtenReport: null }), 'report')).toEqual({
      ok: false,
      refusal: 'needs_written_report',
    })
    const generatedOnly = { ...records.writtenReport, submittedTo: null, submittedAt: null }
    expect(transition(subject('resolved', 2, { writtenReport: generatedOnly }), 'report')).toEqual({
      ok: false,
      refusal: 'needs_written_report',
    })
    // An oral report does not satisfy a Class 2 case.
    expect(
      transition(subject('resolved', 2, { writtenReport: null, oralReport: records.oralReport }), 'report').ok,
    ).toBe(false)
  })

  it('followed up needs the follow-up record', () => {
    expect(transition(subject('reported', 1, { followUp: null }), 'followUp')).toEqual({
      ok: false,
      refusal: 'needs_follow_up',
    })
  })

  it('closing a Class 2 case, or one marked for review, needs the review', () => {
    expect(transition(subject('followed_up', 2, { review: null }), 'close')).toEqual({
      ok: false,
      refusal: 'needs_review',
    })
    expect(transition(subject('followed_up', 1, { review: null }), 'close')).toEqual({ ok: true, to: 'closed' })
    expect(transition(subject('followed_up', 1, { review: null, reviewRequested: true }), 'close')).toEqual({
      ok: false,
      refusal: 'needs_review',
    })
  })

  it('lists the events open to a case', () => {
    expect(availableEvents(subject('received'))).toEqual(['start', 'resolve', 'void'])
    expect(availableEvents(subject('voided'))).toEqual([])
  })
})
