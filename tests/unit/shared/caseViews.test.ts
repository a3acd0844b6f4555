import { describe, expect, it } from 'vitest'
import { inCaseView, OPEN_ONLY_VIEWS } from '@shared/rules/caseViews'
import { complaintLine, filterCases } from '@shared/rules/caseQuery'
import { CASE_VIEWS, type Case } from '@shared/schemas/case'
import { DEFAULT_WORKFLOW_SETTINGS as settings } from '@shared/domain/defaultSettings'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase } from '../../support/factories'

const H = 3600_000
const received = new Date('2026-11-22T02:00:00Z')
const now = new Date(received.getTime() + 2 * H)
const ctx = { me: 's1', now, settings }
const staff = { id: 's1', name: '李娜' }
const withFlow = (o: Partial<Case>, w: Partial<Case['workflow']> = {}) =>
  makeCase({ receivedAt: received.toISOString(), ...o, workflow: { ...emptyWorkflow(), ...w } })

const plain = withFlow({})
const mine = withFlow({}, { owner: staff })
const urgent = withFlow({}, { urgent: true, escalation: { notified: [], takenOverBy: null } })
const urgentTakenOver = withFlow(
  {},
  {
    urgent: true,
    escalation: { notified: [], takenOverBy: { at: now.toISOString(), by: { id: 'm', name: '陈主管' } } },
  },
)
const urgentClosed = withFlow({ status: 'closed' }, { urgent: true })
// Class 1 is due within 24 h: received two days ago, still open.
const late = withFlow({ receivedAt: new Date(received.getTime() - 48 * H).toISOString() })
const promiseBroken = withFlow(
  {},
  {
    commitments: [
      {
        id: 'm1',
        what: '回电',
        owner: '李娜',
        dueAt: new Date(now.getTime() - H).toISOString(),
        status: 'open',
        createdAt: received.toISOString(),
        createdBy: staff,
        keptAt: null,
        reagreed: [],
      },
    ],
  },
)
const resolvedAt = received.toISOString()
const oralReport = { to: '陈主管', at: resolvedAt, summary: '已退款', by: staff }
const reported = withFlow({ status: 'reported' }, { resolvedAt, resolution: '已退款', oralReport } as Partial<
  Case['workflow']
>)
const followedUp = withFlow({ status: 'followed_up' }, { resolvedAt } as Partial<Case['workflow']>)
/** An archived case's row: no workflow, only the owner id. */
const row = { status: 'closed' as const, caseClass: 1 as const, receivedAt: resolvedAt, ownerId: 's1' }
const unownedRow = { ...row, ownerId: null }

describe('saved list views', () => {
  it('全部 holds everything', () => {
    for (const c of [plain, urgent, late, reported, row]) expect(inCaseView('all', c, ctx)).toBe(true)
  })

  it('我的: the caller is the 负责人 (a case or an archived row); 未分配: nobody is', () => {
    expect(inCaseView('mine', mine, ctx)).toBe(true)
    expect(inCaseView('mine', plain, ctx)).toBe(false)
    expect(inCaseView('mine', mine, { ...ctx, me: 'someone-else' })).toBe(false)
    expect(inCaseView('mine', row, ctx)).toBe(true)
    expect(inCaseView('unassigned', plain, ctx)).toBe(true)
    expect(inCaseView('unassigned', mine, ctx)).toBe(false)
    expect(inCaseView('unassigned', unownedRow, ctx)).toBe(true)
    expect(inCaseView('unassigned', { ...row, ownerId: undefined }, ctx)).toBe(true) // archived before owners
  })

  it('紧急: an urgent case still open, taken over or not; never a closed one', () => {
    expect(inCaseView('urgent', urgent, ctx)).toBe(true)
    expect(inCaseView('urgent', urgentTakenOver, ctx)).toBe(true)
    expect(inCaseView('urgent', urgentClosed, ctx)).toBe(false)
    expect(inCaseView('urgent', plain, ctx)).toBe(false)
  })

  it('逾期: a deadline or a commitment passed unmet, as of now', () => {
    expect(inCaseView('overdue', late, ctx)).toBe(true)
    expect(inCaseView('overdue', promiseBroken, ctx)).toBe(true)
    expect(inCaseView('overdue', plain, ctx)).toBe(false)
    // The same case a day later is late too: the view reads the clock it is given.
    expect(inCaseView('overdue', plain, { ...ctx, now: new Date(received.getTime() + 25 * H) })).toBe(true)
    expect(() => inCaseView('overdue', plain, { me: 's1' })).toThrow(/needs now and settings/)
  })

  it('待回访: the report is made and the follow-up call is what the case waits for', () => {
    expect(inCaseView('follow_up', reported, ctx)).toBe(true)
    expect(inCaseView('follow_up', followedUp, ctx)).toBe(false)
    expect(inCaseView('follow_up', plain, ctx)).toBe(false)
    expect(inCaseView('follow_up', { ...reported, status: 'voided' }, ctx)).toBe(false)
  })

  it('an archived row is never in an open-only view, and every other view can hold one', () => {
    for (const view of CASE_VIEWS) {
      const any = inCaseView(view, row, ctx) || inCaseView(view, unownedRow, ctx)
      expect(any).toBe(!OPEN_ONLY_VIEWS.includes(view))
    }
  })

  it('filterCases applies the view with the other filters', () => {
    const all = [plain, mine, urgent, late, reported]
    const q = { sort: 'receivedAt' as const, dir: 'desc' as const, me: 's1', now, settings }
    expect(filterCases(all, { ...q, view: 'urgent' })).toEqual([urgent])
    expect(filterCases(all, { ...q, view: 'overdue' })).toEqual([late])
    expect(filterCases(all, { ...q, view: 'follow_up' })).toEqual([reported])
    expect(filterCases(all, { ...q, view: 'mine' })).toEqual([mine])
    expect(filterCases(all, { ...q, view: 'follow_up', status: 'received' })).toEqual([])
  })
})

describe('the complaint in one line', () => {
  it('folds line breaks and spaces, and cuts a long complaint at 40 characters with …', () => {
    expect(complaintLine('  收银员少找了\n十元，  态度很差  ')).toBe('收银员少找了 十元， 态度很差')
    const long = '顾客称'.repeat(20)
    expect(complaintLine(long)).toHaveLength(40)
    expect(complaintLine(long).endsWith('…')).toBe(true)
    expect(complaintLine('短', 40)).toBe('短')
    // Cut by characters, never inside a surrogate pair.
    expect(complaintLine('😀'.repeat(5), 3)).toBe('😀😀…')
  })
})
