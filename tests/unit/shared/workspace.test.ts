import { describe, expect, it } from 'vitest'
import {
  escalationCall,
  escalationState,
  loopProgress,
  nextAction,
  urgentReasons,
  type ProgressCase,
} from '@shared/rules/workspace'
import { refusalFor, type LifecycleCase, type Viewer } from '@shared/rules/lifecycle'
import { DEFAULT_WORKFLOW_SETTINGS as S } from '@shared/domain/defaultSettings'
import { emptyWorkflow, type Commitment, type Workflow } from '@shared/schemas/workflow'
import { CASE_STATUSES, type CaseStatus } from '@shared/values/options'
import type { Case } from '@shared/schemas/case'

const staff = { id: 's', name: '李娜' }
const manager = { id: 'm', name: '陈主管' }
const t = (h: number) => new Date(Date.UTC(2026, 10, 22, 2 + h)).toISOString()
const resolved = { resolvedAt: t(3), resolution: '补足找零' }
const oral = { oralReport: { to: '陈主管', at: t(4), summary: '已补足', by: staff } }
const written = (submitted: boolean) => ({
  writtenReport: {
    generatedAt: t(4),
    generatedBy: staff,
    submittedTo: submitted ? '区域运营部' : null,
    submittedAt: submitted ? t(5) : null,
  },
})
const followUp = { followUp: { method: 'phone', satisfaction: 4, remarks: '', at: t(30), by: staff } }
const review = {
  review: { wentWell: 'a', improve: 'b', rootCause: 'c', preventive: 'd', owner: 'e', at: t(31), by: staff },
}
const openPromise: Commitment = {
  id: 'p1',
  what: '回电',
  owner: '李娜',
  dueAt: t(40),
  status: 'open',
  createdAt: t(1),
  createdBy: staff,
  keptAt: null,
  reagreed: [],
}
const urgent = (notified: number, takenOver = false): Partial<Workflow> => ({
  urgent: true,
  escalation: {
    notified: Array.from({ length: notified }, () => ({ who: '王店长', at: t(1), by: staff })),
    takenOverBy: takenOver ? { at: t(2), by: manager } : null,
  },
})

const subject = (
  status: CaseStatus,
  w: Partial<Workflow> = {},
  o: { caseClass?: 1 | 2; timeline?: Case['timeline'] } = {},
): ProgressCase => ({
  status,
  caseClass: o.caseClass ?? 1,
  receivedAt: t(0),
  timeline: o.timeline ?? [],
  workflow: { ...emptyWorkflow(), ...w },
})
const states = (c: ProgressCase) => loopProgress(c).steps.map((s) => s.state)

describe('the Steps bar: 受理 → 处理中 → 已解决 → 已报告 → 已回访 → 已结案', () => {
  it('is on the step of the status, the ones before passed with their times', () => {
    const c = subject(
      'reported',
      { ...resolved, ...oral, steps: { ...emptyWorkflow().steps, attend: { at: t(2), by: staff } } },
      { timeline: [{ at: t(1), by: staff, action: 'status.in_progress' }] },
    )
    const p = loopProgress(c)
    expect(p.current).toBe(3)
    expect(states(c)).toEqual(['finish', 'finish', 'finish', 'process', 'wait', 'wait'])
    // Started by the start action at t(1), before the first step ticked at t(2); reported by the oral report.
    expect(p.steps.map((s) => s.at)).toEqual([t(0), t(1), t(3), t(4), null, null])
  })

  it('a case just received is on 受理; ticking a step starts it (its time is the tick)', () => {
    expect(states(subject('received'))).toEqual(['process', 'wait', 'wait', 'wait', 'wait', 'wait'])
    const ticked = subject('in_progress', { steps: { ...emptyWorkflow().steps, listen: { at: t(2), by: staff } } })
    expect(loopProgress(ticked).steps[1]).toEqual({ step: 'in_progress', state: 'process', at: t(2) })
  })

  it('Class 1 goes through 已报告 too: its oral report is its report (it does not skip the step)', () => {
    const c = subject('followed_up', { ...resolved, ...oral, ...followUp })
    expect(states(c)).toEqual(['finish', 'finish', 'finish', 'finish', 'process', 'wait'])
    expect(loopProgress(c).steps[3].at).toBe(t(4))
    // Class 2: the written report's submission is the report; its generation alone is not.
    const two = subject('resolved', { ...resolved, ...written(false) }, { caseClass: 2 })
    expect(loopProgress(two).steps[3].at).toBeNull()
    const submitted = subject('reported', { ...resolved, ...written(true) }, { caseClass: 2 })
    expect(loopProgress(submitted).steps[3].at).toBe(t(5))
  })

  it('a closed case has every step passed', () => {
    const c = subject('closed', { ...resolved, ...oral, ...followUp, closedAt: t(50) })
    expect(states(c)).toEqual(['finish', 'finish', 'finish', 'finish', 'finish', 'finish'])
    expect(loopProgress(c).steps[5].at).toBe(t(50))
  })

  it('a voided case stops, marked, at the last step its records reached', () => {
    expect(states(subject('voided'))).toEqual(['error', 'wait', 'wait', 'wait', 'wait', 'wait'])
    const c = subject('voided', { ...resolved })
    expect(loopProgress(c)).toMatchObject({ current: 2, voided: true })
    expect(states(c)).toEqual(['finish', 'finish', 'error', 'wait', 'wait', 'wait'])
  })

  it('a reopened case is back at 处理中, the later steps waiting again', () => {
    const c = subject('in_progress', {}, { timeline: [{ at: t(1), by: staff, action: 'status.in_progress' }] })
    expect(states(c)).toEqual(['finish', 'process', 'wait', 'wait', 'wait', 'wait'])
  })
})

describe('the next action: the one thing the case needs now', () => {
  const clerk: Viewer = { role: 'staff' }
  const boss: Viewer = { role: 'manager' }
  const next = (status: CaseStatus, w: Partial<Workflow> = {}, caseClass: 1 | 2 = 1, viewer = clerk) =>
    nextAction({ status, caseClass, workflow: { ...emptyWorkflow(), ...w } }, viewer)

  it('walks the loop: start, resolve, report, follow-up, close', () => {
    expect(next('received')).toBe('start')
    expect(next('in_progress')).toBe('resolve')
    expect(next('resolved', resolved)).toBe('recordOralReport')
    expect(next('reported', { ...resolved, ...oral })).toBe('recordFollowUp')
    expect(next('followed_up', { ...resolved, ...oral, ...followUp })).toBe('close')
  })

  it('Class 2 generates the written report, then marks it submitted, then needs the review before closing', () => {
    expect(next('resolved', resolved, 2)).toBe('generateWrittenReport')
    expect(next('resolved', { ...resolved, ...written(false) }, 2)).toBe('submitWrittenReport')
    const followedUp = { ...resolved, ...written(true), ...followUp }
    expect(next('followed_up', followedUp, 2)).toBe('recordReview')
    expect(next('followed_up', { ...followedUp, ...review }, 2)).toBe('close')
  })

  it('a promise still open is kept before closing', () => {
    expect(next('followed_up', { ...resolved, ...oral, ...followUp, commitments: [openPromise] })).toBe(
      'keepCommitment',
    )
  })

  it('an urgent case nobody was told about: a clerk tells a manager, a manager takes it over', () => {
    expect(next('received', urgent(0))).toBe('recordEscalation')
    expect(next('in_progress', urgent(0), 2, boss)).toBe('takeOver')
    // Once told, the loop goes on (resolving is allowed now).
    expect(next('in_progress', urgent(1))).toBe('resolve')
  })

  it('nothing on a closed or voided case', () => {
    expect(next('closed', { ...resolved, ...oral, ...followUp, closedAt: t(50) })).toBeNull()
    expect(next('voided')).toBeNull()
  })

  it('is never an action the lifecycle refuses, in any status, class, urgency or viewer', () => {
    for (const status of CASE_STATUSES)
      for (const caseClass of [1, 2] as const)
        for (const w of [{}, resolved, urgent(0), urgent(1), { ...resolved, ...written(false) }])
          for (const viewer of [clerk, boss]) {
            const c: LifecycleCase = { status, caseClass, workflow: { ...emptyWorkflow(), ...w } }
            const action = nextAction(c, viewer)
            if (action) expect(refusalFor(c, action), `${status} ${caseClass} ${action}`).toBeNull()
          }
  })
})

describe('the escalation card: 待上报 → 已通知 → 已接手', () => {
  const c = (status: CaseStatus, w: Partial<Workflow>) => ({ status, workflow: { ...emptyWorkflow(), ...w } })

  it('reads the state from the records', () => {
    expect(escalationState(c('received', {}))).toBe('none')
    expect(escalationState(c('received', urgent(0)))).toBe('pending')
    expect(escalationState(c('received', urgent(2)))).toBe('notified')
    expect(escalationState(c('received', urgent(1, true)))).toBe('taken_over')
    expect(escalationState(c('received', { urgent: true, escalation: null }))).toBe('pending')
  })

  it('shouts 请立即上报主管 only at a clerk before anyone is told', () => {
    expect(escalationCall(c('received', urgent(0)), { role: 'staff' })).toBe('report_now')
    expect(escalationCall(c('received', urgent(1)), { role: 'staff' })).toBe('awaiting')
    expect(escalationCall(c('received', urgent(1, true)), { role: 'staff' })).toBe('handled')
  })

  it('never tells a manager to report to a manager: it is theirs to take over, or it is handled', () => {
    expect(escalationCall(c('received', urgent(0)), { role: 'manager' })).toBe('take_over')
    expect(escalationCall(c('in_progress', urgent(1)), { role: 'manager' })).toBe('take_over')
    expect(escalationCall(c('in_progress', urgent(1, true)), { role: 'manager' })).toBe('handled')
  })

  it('says nothing for a case that is not urgent; a finished one has nothing left to escalate', () => {
    expect(escalationCall(c('received', {}), { role: 'staff' })).toBeNull()
    expect(escalationCall(c('closed', urgent(1)), { role: 'staff' })).toBe('finished')
    expect(escalationCall(c('voided', urgent(0)), { role: 'manager' })).toBe('finished')
  })
})

describe('every urgent reason, ticked or found in the text', () => {
  const kase = (o: Partial<Pick<Case, 'situations' | 'description' | 'demandNote'>>, w: Partial<Workflow> = {}) => ({
    situations: [],
    description: '',
    demandNote: '',
    ...o,
    workflow: { ...emptyWorkflow(), ...w },
  })

  it('a situation the intake pre-ticked from the text names the keyword too, not only 已勾选', () => {
    const c = kase(
      { situations: ['injury_or_harm'], description: '顾客在店里滑倒摔伤了' },
      { urgent: true, reasons: [{ rule: 'injury_or_harm', kind: 'urgent', evidence: { ticked: true } }] },
    )
    expect(urgentReasons(c, S.keywords)).toEqual([
      { rule: 'injury_or_harm', evidence: { ticked: true, keyword: '摔伤' } },
    ])
  })

  it('lists keyword, amount and ticked reasons together, in the order of the situations', () => {
    const c = kase(
      { situations: ['violence_threat'], description: '有人在门口直播，客户说要拉横幅' },
      {
        urgent: true,
        reasons: [
          { rule: 'safety_health', kind: 'class2', evidence: {} },
          { rule: 'crowd_incident', kind: 'urgent', evidence: { keyword: '拉横幅' } },
          { rule: 'media_present', kind: 'urgent', evidence: { keyword: '直播' } },
          { rule: 'large_loss', kind: 'urgent', evidence: { amount: '6000.00' } },
        ],
      },
    )
    const reasons = urgentReasons(c, S.keywords)
    expect(reasons.map((r) => r.rule)).toEqual(['crowd_incident', 'media_present', 'violence_threat', 'large_loss'])
    expect(reasons[2].evidence).toEqual({ ticked: true }) // ticked, no word for it in the text
    expect(reasons[3].evidence).toEqual({ amount: '6000.00' })
  })

  it('a ticked situation the recorded reasons lack is listed; a negated word is no evidence', () => {
    const c = kase({ situations: ['injury_or_harm'], description: '没有受伤，只是很生气' }, { urgent: true })
    expect(urgentReasons(c, S.keywords)).toEqual([{ rule: 'injury_or_harm', evidence: { ticked: true } }])
    expect(urgentReasons(kase({ description: '有人受伤' }), S.keywords)).toEqual([])
  })
})
