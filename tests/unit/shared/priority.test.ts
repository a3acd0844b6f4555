import { describe, expect, it } from 'vitest'
import { casePriority, priorityMarks, type PrioritySubject } from '@shared/rules/priority'
import { CASE_STATUSES } from '@shared/values/options'
import { NO_FLAGS } from '../../support/factories'

const row = (o: Partial<PrioritySubject> = {}, flags: Partial<PrioritySubject['flags']> = {}): PrioritySubject => ({
  status: 'in_progress',
  urgent: false,
  ...o,
  flags: { ...NO_FLAGS, dueSoon: [], ...flags },
})

describe('case priority (紧急 / 逾期 / 即将到期)', () => {
  it('nothing presses on a plain case', () => {
    expect(priorityMarks(row())).toEqual([])
    expect(casePriority(row())).toBeNull()
  })

  it('an urgent case is urgent while open — taken over or not — and no longer once closed or voided', () => {
    for (const status of CASE_STATUSES) {
      const open = status !== 'closed' && status !== 'voided'
      expect(casePriority(row({ status, urgent: true }))).toBe(open ? 'urgent' : null)
    }
  })

  it('overdue for any deadline or commitment passed; due soon for one falling due', () => {
    expect(casePriority(row({}, { overdue: ['resolve'] }))).toBe('overdue')
    expect(casePriority(row({}, { overdue: ['commitment'] }))).toBe('overdue')
    expect(casePriority(row({}, { dueSoon: ['first_response'] }))).toBe('due_soon')
  })

  it('lists every mark, most pressing first, and the first is the priority', () => {
    const c = row({ urgent: true }, { overdue: ['follow_up'], dueSoon: ['commitment'], commitmentsDueSoon: 1 })
    expect(priorityMarks(c)).toEqual(['urgent', 'overdue', 'due_soon'])
    expect(casePriority(c)).toBe('urgent')
    expect(priorityMarks(row({}, { overdue: ['report'], dueSoon: ['resolve'] }))).toEqual(['overdue', 'due_soon'])
  })

  it('a row from before dueSoon was computed (an old handover sheet) still shows due-soon commitments', () => {
    const old = { status: 'received' as const, urgent: false, flags: { ...NO_FLAGS, commitmentsDueSoon: 2 } }
    expect(casePriority(old)).toBe('due_soon')
    expect(casePriority({ ...old, flags: NO_FLAGS })).toBeNull()
  })
})
