import { describe, expect, it } from 'vitest'
import { caseFlags, deadlineFacts, isOverdue, nextDeadline, type DeadlineSubject } from '@shared/rules/deadlines'
import { DEFAULT_WORKFLOW_SETTINGS as S } from '@shared/domain/defaultSettings'
import { emptyWorkflow, type Commitment } from '@shared/schemas/workflow'

const H = 3600_000
const received = new Date('2026-11-22T02:00:00Z')
const at = (hours: number) => new Date(received.getTime() + hours * H)
const staff = { id: 's', name: '李娜' }
const subject = (o: Partial<DeadlineSubject> = {}, w: Partial<DeadlineSubject['workflow']> = {}): DeadlineSubject => ({
  status: 'received',
  caseClass: 1,
  receivedAt: received.toISOString(),
  ...o,
  workflow: { ...emptyWorkflow(), ...w },
})
const promise = (dueHours: number, status: Commitment['status'] = 'open'): Commitment => ({
  id: `m${dueHours}`,
  what: '回电',
  owner: '李娜',
  dueAt: at(dueHours).toISOString(),
  status,
  createdAt: received.toISOString(),
  createdBy: staff,
  keptAt: null,
  reagreed: [],
})

describe('deadlines and overdue flags', () => {
  it('Class 1 must be resolved within 24 h by default', () => {
    expect(caseFlags(subject(), S, at(23)).overdue).toEqual([])
    expect(caseFlags(subject(), S, at(25)).overdue).toEqual(['resolve'])
    expect(caseFlags(subject({}, { resolvedAt: at(2).toISOString() }), S, at(25)).overdue).toEqual([])
  })

  it('Class 2: first response within 24 h, resolved within 7 days', () => {
    const c2 = subject({ caseClass: 2 })
    expect(caseFlags(c2, S, at(25)).overdue).toEqual(['first_response'])
    expect(
      caseFlags(
        subject(
          { caseClass: 2 },
          { steps: { ...emptyWorkflow().steps, listen: { at: at(1).toISOString(), by: staff } } },
        ),
        S,
        at(25),
      ).overdue,
    ).toEqual([])
    expect(caseFlags(c2, S, at(7 * 24 + 1)).overdue).toEqual(['resolve', 'first_response'])
    expect(caseFlags(c2, S, at(0)).deadlines.resolveBy).toBe(at(7 * 24).toISOString())
  })

  it('the report is due within 24 h of resolution; the follow-up 1–3 days after it', () => {
    const resolved = subject(
      { status: 'resolved', caseClass: 2 },
      {
        resolvedAt: at(10).toISOString(),
        steps: { ...emptyWorkflow().steps, listen: { at: at(1).toISOString(), by: staff } },
      },
    )
    expect(caseFlags(resolved, S, at(33)).overdue).toEqual([])
    expect(caseFlags(resolved, S, at(35)).overdue).toEqual(['report'])
    const flags = caseFlags(resolved, S, at(10 + 72 + 1))
    expect(flags.overdue).toEqual(['report', 'follow_up'])
    expect(flags.deadlines.followUpFrom).toBe(at(10 + 24).toISOString())
  })

  it('counts open commitments due soon (2 h) and overdue; kept ones never count', () => {
    const flags = caseFlags(
      subject({}, { commitments: [promise(1), promise(3), promise(-1), promise(-5, 'kept')] }),
      S,
      at(0),
    )
    expect(flags).toMatchObject({ commitmentsDueSoon: 1, commitmentsOverdue: 1, overdue: ['commitment'] })
  })

  it('marks an urgent case escalated until a manager takes it over; closed and voided cases are never overdue', () => {
    const urgent = subject({}, { urgent: true, escalation: { notified: [], takenOverBy: null } })
    expect(caseFlags(urgent, S, at(0)).escalated).toBe(true)
    expect(
      caseFlags(
        subject(
          {},
          { urgent: true, escalation: { notified: [], takenOverBy: { at: at(1).toISOString(), by: staff } } },
        ),
        S,
        at(0),
      ).escalated,
    ).toBe(false)
    expect(
      caseFlags(subject({ status: 'voided' }, { urgent: true, commitments: [promise(-1)] }), S, at(100)),
    ).toMatchObject({ escalated: false, overdue: [] })
    expect(caseFlags(subject({ status: 'closed' }, { commitments: [promise(-1)] }), S, at(100)).overdue).toEqual([])
  })
})

describe('isOverdue (head office counts the overdue of a week with it)', () => {
  it('says overdue exactly when caseFlags lists something overdue, for every kind of deadline', () => {
    const listened = { ...emptyWorkflow().steps, listen: { at: at(1).toISOString(), by: staff } }
    const resolvedAt = at(10).toISOString()
    const cases: DeadlineSubject[] = [
      subject(),
      subject({ caseClass: 2 }),
      subject({ caseClass: 2 }, { steps: listened }),
      subject({ status: 'resolved', caseClass: 2 }, { resolvedAt, steps: listened }),
      subject({ status: 'resolved' }, { resolvedAt }),
      subject({}, { resolvedAt, commitments: [promise(30)] }),
      subject({}, { resolvedAt, commitments: [promise(30, 'kept')] }),
      subject({ status: 'closed' }, { commitments: [promise(3)] }),
      subject({ status: 'voided', caseClass: 2 }),
    ]
    let overdue = 0
    for (const c of cases)
      for (const hours of [0, 5, 23, 25, 35, 40, 80, 7 * 24 + 1, 400]) {
        const expected = caseFlags(c, S, at(hours)).overdue.length > 0
        expect(isOverdue(deadlineFacts(c), S, at(hours)), `${JSON.stringify(c)} at ${hours} h`).toBe(expected)
        if (expected) overdue++
      }
    // Both answers occur: the comparison is not between two constant results.
    expect(overdue).toBeGreaterThan(10)
    expect(overdue).toBeLessThan(cases.length * 9 - 10)
  })

  it('follows the branch deadlines it is given', () => {
    const slow = { ...S, deadlines: { ...S.deadlines, class1ResolveHours: 48 } }
    expect(isOverdue(deadlineFacts(subject()), S, at(30))).toBe(true)
    expect(isOverdue(deadlineFacts(subject()), slow, at(30))).toBe(false)
  })
})

describe('deadlines due soon', () => {
  it('a deadline still to be met is due soon within the due-soon window (2 h) before it, then overdue', () => {
    // Class 1: resolved within 24 h.
    expect(caseFlags(subject(), S, at(21.9)).dueSoon).toEqual([])
    expect(caseFlags(subject(), S, at(22)).dueSoon).toEqual(['resolve'])
    expect(caseFlags(subject(), S, at(24)).dueSoon).toEqual(['resolve'])
    expect(caseFlags(subject(), S, at(24.1))).toMatchObject({ dueSoon: [], overdue: ['resolve'] })
  })

  it('a deadline met is never due soon: resolved, responded, reported, followed up', () => {
    expect(caseFlags(subject({}, { resolvedAt: at(1).toISOString() }), S, at(23)).dueSoon).toEqual([])
    const c2 = subject({ caseClass: 2 })
    expect(caseFlags(c2, S, at(23)).dueSoon).toEqual(['first_response'])
    const listened = { ...emptyWorkflow().steps, listen: { at: at(1).toISOString(), by: staff } }
    expect(caseFlags(subject({ caseClass: 2 }, { steps: listened }), S, at(23)).dueSoon).toEqual([])
    const resolved = (w: Partial<DeadlineSubject['workflow']> = {}) =>
      subject({ status: 'resolved', caseClass: 2 }, { resolvedAt: at(10).toISOString(), steps: listened, ...w })
    // Report due 24 h after resolution (at 34 h), follow-up by 3 days after it (at 82 h).
    expect(caseFlags(resolved(), S, at(33)).dueSoon).toEqual(['report'])
    const writtenReport = {
      generatedAt: at(11).toISOString(),
      generatedBy: staff,
      submittedTo: '陈主管',
      submittedAt: at(12).toISOString(),
    }
    expect(caseFlags(resolved({ writtenReport }), S, at(33)).dueSoon).toEqual([])
    expect(caseFlags(resolved({ writtenReport }), S, at(81)).dueSoon).toEqual(['follow_up'])
    const followUp = { at: at(40).toISOString(), by: staff, method: 'phone', satisfaction: 4, remarks: '' }
    expect(caseFlags(resolved({ writtenReport, followUp }), S, at(81)).dueSoon).toEqual([])
  })

  it('a commitment due soon is among them; closed and voided cases have nothing due', () => {
    expect(caseFlags(subject({}, { commitments: [promise(1)] }), S, at(0)).dueSoon).toEqual(['commitment'])
    expect(caseFlags(subject({ status: 'closed' }, { commitments: [promise(1)] }), S, at(23)).dueSoon).toEqual([])
    expect(caseFlags(subject({ status: 'voided' }), S, at(23)).dueSoon).toEqual([])
  })

  it('follows the branch window', () => {
    const wide = { ...S, deadlines: { ...S.deadlines, commitmentDueSoonHours: 6 } }
    expect(caseFlags(subject(), wide, at(18)).dueSoon).toEqual(['resolve'])
    expect(caseFlags(subject(), S, at(18)).dueSoon).toEqual([])
  })
})

describe('the next deadline (the case header counts down to it)', () => {
  const listened = { ...emptyWorkflow().steps, listen: { at: at(1).toISOString(), by: staff } }

  it('a new Class 1 case: resolving, by 24 h after receipt; overdue once past', () => {
    expect(nextDeadline(subject(), S, at(2))).toEqual({ kind: 'resolve', at: at(24).toISOString(), overdue: false })
    expect(nextDeadline(subject(), S, at(30))).toMatchObject({ kind: 'resolve', overdue: true })
  })

  it('Class 2: the first response comes first until a step is ticked, then resolving within 7 days', () => {
    const c2 = subject({ caseClass: 2 })
    expect(nextDeadline(c2, S, at(0))).toMatchObject({ kind: 'first_response', at: at(24).toISOString() })
    expect(nextDeadline(subject({ caseClass: 2 }, { steps: listened }), S, at(2))).toMatchObject({
      kind: 'resolve',
      at: at(7 * 24).toISOString(),
    })
  })

  it('a promise due sooner than the resolve-by time is the next deadline, named by what was promised', () => {
    const c = subject({ status: 'in_progress' }, { steps: listened, commitments: [promise(3), promise(1, 'kept')] })
    expect(nextDeadline(c, S, at(2))).toEqual({
      kind: 'commitment',
      at: at(3).toISOString(),
      overdue: false,
      what: '回电',
    })
  })

  it('the longest overdue comes before anything still to come', () => {
    const c = subject({ status: 'in_progress' }, { commitments: [promise(30)] })
    expect(nextDeadline(c, S, at(26))).toMatchObject({ kind: 'resolve', overdue: true })
  })

  it('after resolution: the Class 2 report, then the follow-up by its last day', () => {
    const resolved = { resolvedAt: at(10).toISOString(), steps: listened }
    const c2 = subject({ status: 'resolved', caseClass: 2 }, resolved)
    expect(nextDeadline(c2, S, at(11))).toMatchObject({ kind: 'report', at: at(34).toISOString() })
    const reported = subject(
      { status: 'reported', caseClass: 2 },
      {
        ...resolved,
        writtenReport: {
          generatedAt: at(11).toISOString(),
          generatedBy: staff,
          submittedTo: '区域',
          submittedAt: at(12).toISOString(),
        },
      },
    )
    expect(nextDeadline(reported, S, at(13))).toMatchObject({ kind: 'follow_up', at: at(10 + 72).toISOString() })
    // Class 1 has no report deadline: the follow-up is next.
    expect(nextDeadline(subject({ status: 'resolved' }, resolved), S, at(11))).toMatchObject({ kind: 'follow_up' })
  })

  it('nothing once followed up with every promise kept, and never on a closed or voided case', () => {
    const followUp = { method: 'phone', satisfaction: 4, remarks: '', at: at(40).toISOString(), by: staff }
    const done = subject({ status: 'followed_up' }, { resolvedAt: at(10).toISOString(), followUp })
    expect(nextDeadline(done, S, at(41))).toBeNull()
    expect(nextDeadline(subject({ status: 'closed' }, { commitments: [promise(50)] }), S, at(41))).toBeNull()
    expect(nextDeadline(subject({ status: 'voided' }), S, at(41))).toBeNull()
  })
})
