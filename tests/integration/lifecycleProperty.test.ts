import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createI18n } from '@shared/i18n'
import { availableActions, invariantViolations, type CaseAction } from '@shared/rules/lifecycle'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { LASTR_STEPS } from '@shared/schemas/workflow'
import { toLocalDateTime } from '@shared/values/localTime'
import { recordWrittenReportGenerated } from '../../electron/services/workflow'
import { CLERK_PIN, MANAGER_PIN, setUpBranch, testClock, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

/** What a refused action's state must say: the same words main answers with. */
const zh = createI18n('zh-CN')
/** Refusals that depend on the payload (which step, which commitment or offer), not on the case's state. */
const PAYLOAD_REFUSALS = new Set([
  'step_done',
  'report_step_by_record',
  'no_commitment',
  'commitment_kept',
  'no_offer',
  'offer_decided',
  'offer_not_accepted',
])

// The closed loop's own steps come up more often, so random runs get as far as closing.
const LOOP: CaseAction[] = [
  'start',
  'resolve',
  'recordEscalation',
  'recordOralReport',
  'generateWrittenReport',
  'submitWrittenReport',
  'recordFollowUp',
  'recordReview',
  'keepCommitment',
  'close',
]
const OTHERS: CaseAction[] = [
  'requestReview',
  'reopen',
  'void',
  'raiseClass',
  'lowerClass',
  'takeOver',
  'tickStep',
  'addCommitment',
  'reagreeCommitment',
  'makeOffer',
  'decideOffer',
  'executeOffer',
  'editCase',
  'addNote',
  'recordCustomerUpdate',
  'assign',
  'addAttachment',
  'voidAttachment',
]
let corrections = 0
/** A different tiny "PNG" each time (the content check reads the signature; the same file twice on a case is refused). */
const pngBytes = (n: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(String(n))]).toString(
    'base64',
  )
/** A diligent clerk's next step: what the case needs first, then what moves it on. */
function nextStep(c: CaseDetail): CaseAction {
  const w = c.workflow
  const wanted: (CaseAction | false)[] = [
    w.urgent && !w.escalation?.notified.length && 'recordEscalation',
    w.commitments.some((m) => m.status === 'open') && 'keepCommitment',
    c.caseClass === 2 && !w.writtenReport && 'generateWrittenReport',
    (c.caseClass === 2 || w.reviewRequested) && !w.review && 'recordReview',
    'start',
    'resolve',
    'recordOralReport',
    'submitWrittenReport',
    'recordFollowUp',
    'close',
  ]
  const enabled = availableActions(c, { role: 'staff' })
  return (wanted.filter(Boolean) as CaseAction[]).find((a) => enabled.find((s) => s.action === a)?.enabled) ?? 'close'
}

const command = fc.record({
  action: fc.oneof(
    { arbitrary: fc.constant('next' as const), weight: 4 },
    { arbitrary: fc.constantFrom(...LOOP), weight: 2 },
    { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
  ),
  byManager: fc.boolean(),
  step: fc.constantFrom(...LASTR_STEPS),
  hoursLater: fc.constantFrom(0, 0, 1, 30),
})

describe('the lifecycle as a property: random actions by clerk and manager', () => {
  const tempDir = useTempDirs()

  it('after every accepted action the invariants hold; main accepts what is offered and refuses with the reason shown', async () => {
    const START = new Date(2026, 9, 1, 9, 0).getTime()
    const clock = testClock(new Date(START))
    const { services, clerkId, managerId, departments } = await setUpBranch(await tempDir(), clock.now)
    const clerk = services.as('clerk-window')
    const manager = services.as('manager-window')
    unwrap(await clerk('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    unwrap(await manager('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    const approval = { managerId, pin: MANAGER_PIN }
    let phone = 13900000000
    const reached = new Set<string>()

    await fc.assert(
      fc.asyncProperty(
        fc.record({ urgent: fc.boolean(), class2: fc.boolean(), commands: fc.array(command, { maxLength: 40 }) }),
        async ({ urgent, class2, commands }) => {
          phone += 1
          // Each run starts on the same day (the intake refuses a 受理时间 in the future).
          clock.advance(START - clock.now().getTime())
          const description = urgent ? '顾客在店里滑倒摔伤了' : class2 ? '客户说要找媒体曝光' : '收银员少找了十元'
          let c = unwrap(
            await clerk(
              'cases:create',
              validDraft({
                departmentId: departments[0].id,
                description,
                phone: String(phone),
                category: urgent ? 'safety_health' : 'cashier_error',
                receivedAt: toLocalDateTime(clock.now()),
              }),
            ),
          )
          for (const drawn of commands) {
            const cmd = { ...drawn, action: drawn.action === 'next' ? nextStep(c) : drawn.action }
            clock.advance(cmd.hoursLater * 3600_000)
            const call = cmd.byManager ? manager : clerk
            const state = availableActions(c, { role: cmd.byManager ? 'manager' : 'staff' }).find(
              (a) => a.action === cmd.action,
            )!
            const at = toLocalDateTime(clock.now())
            const id = c.id
            const open = c.workflow.commitments.find((m) => m.status === 'open')
            const offer = (status: string) => c.workflow.offers.find((o) => o.status === status)?.id ?? 'none'
            const send = (): Promise<Result<CaseDetail>> => {
              switch (cmd.action) {
                case 'start':
                  return call('cases:transition', { id, action: 'start' })
                case 'resolve':
                  return call('cases:transition', { id, action: 'resolve', resolution: '已处理' })
                case 'close':
                  return call('cases:transition', { id, action: 'close' })
                case 'reopen':
                  return call('cases:transition', { id, action: 'reopen', reason: '客户回来' })
                case 'void':
                  return call('cases:transition', { id, action: 'void', reason: '重复登记', approval })
                case 'recordOralReport':
                  return call('cases:recordOralReport', { id, to: '陈主管', at, summary: '已处理' })
                case 'generateWrittenReport':
                  return recordWrittenReportGenerated(
                    services.contextFor(cmd.byManager ? 'manager-window' : 'clerk-window'),
                    id,
                  )
                    .then((data) => ({ ok: true as const, data }))
                    .catch((err: { code: 'NOT_ALLOWED'; messageKey: string; params: Record<string, string> }) => ({
                      ok: false as const,
                      error: { code: err.code, message: zh.t(err.messageKey, err.params) },
                    }))
                case 'submitWrittenReport':
                  return call('cases:submitWrittenReport', { id, submittedTo: '区域运营部', at })
                case 'recordFollowUp':
                  return call('cases:recordFollowUp', {
                    id,
                    method: 'phone',
                    satisfaction: 4,
                    remarks: '',
                    earlyReason: '客户主动来电',
                  })
                case 'recordReview':
                  return call('cases:recordReview', {
                    id,
                    wentWell: 'a',
                    improve: 'b',
                    rootCause: 'c',
                    preventive: 'd',
                    owner: 'e',
                  })
                case 'requestReview':
                  return call('cases:requestReview', { id })
                case 'raiseClass':
                  return call('cases:raiseClass', { id, reason: '升级' })
                case 'lowerClass':
                  return call('cases:lowerClass', { id, reason: '误判', approval })
                case 'recordEscalation':
                  return call('cases:recordEscalation', { id, who: '陈主管' })
                case 'takeOver':
                  return call('cases:takeOver', { id, approval })
                case 'tickStep':
                  return call('cases:tickStep', { id, step: cmd.step })
                case 'addCommitment':
                  return call('commitments:add', { id, what: '明天回电', owner: '李娜', dueAt: at })
                case 'keepCommitment':
                  return call('commitments:keep', { id, commitmentId: open?.id ?? 'none' })
                case 'reagreeCommitment':
                  return call('commitments:reagree', {
                    id,
                    commitmentId: open?.id ?? 'none',
                    dueAt: at,
                    reason: '客户要求',
                  })
                case 'makeOffer':
                  return call('compensation:offer', {
                    id,
                    source: 'custom',
                    items: [{ form: 'coupon', valueFen: 10_00, note: '' }],
                    capReason: '',
                  })
                case 'decideOffer':
                  return call('compensation:decide', { id, offerId: offer('offered'), accepted: true })
                case 'executeOffer':
                  return call('compensation:execute', {
                    id,
                    offerId: offer('accepted'),
                    voucherCode: 'Q1',
                    refundReceiptNo: '',
                    exchangedItem: '',
                    note: '',
                  })
                case 'editCase':
                  return call('cases:edit', { id, changes: { product: `电饭煲 ${(corrections += 1)}` } })
                case 'assign':
                  // Back and forth between the two: the clerk and the manager.
                  return call('cases:assign', {
                    id,
                    staffId: c.workflow.owner?.id === clerkId ? managerId : clerkId,
                    note: '换人跟进',
                  })
                case 'addNote':
                  return call('cases:addNote', { id, text: '仓库在核实批次' })
                case 'addAttachment':
                  return call('attachments:add', {
                    id,
                    fileName: '小票.png',
                    base64: pngBytes((corrections += 1)),
                  })
                case 'voidAttachment':
                  return call('attachments:void', {
                    id,
                    attachmentId: c.workflow.attachments.find((a) => !a.voided)?.id ?? 'none',
                    reason: '拍错了',
                  })
                case 'recordCustomerUpdate':
                  // Not in the future by the real clock (the test's clock runs ahead over many runs).
                  return call('cases:recordCustomerUpdate', {
                    id,
                    at: toLocalDateTime(new Date(Date.now() - 60_000)),
                    method: 'phone',
                    said: '告知处理进度',
                  })
              }
            }
            const answer = await send()
            if (answer.ok) {
              // Accepted: it was offered, and the case still holds every invariant.
              expect(state.enabled, `${cmd.action} was accepted but shown disabled`).toBe(true)
              expect(invariantViolations(answer.data)).toEqual([])
              c = answer.data
              reached.add(c.status)
            } else if (!state.enabled) {
              // Refused while shown disabled: with the very words shown next to the button.
              expect(answer.error.message).toBe(zh.t(`refusals.${state.reason!.key}`, state.reason!.params))
            } else {
              // Offered but refused: only for a reason in the payload (a step already ticked, no such offer…).
              const payloadRefusal =
                [...PAYLOAD_REFUSALS].some(
                  (k) => zh.t(`refusals.${k}`, { status: c.status }) === answer.error.message,
                ) || answer.error.message === zh.t('attachments.refused.noAttachment')
              expect(payloadRefusal, `${cmd.action} offered but refused: ${answer.error.message}`).toBe(true)
            }
          }
        },
      ),
      {
        numRuns: 80,
        // Random runs void a case only now and then (1 command in ~130, on an open case, by a
        // manager): one example always does, so "off the loop" is never missed by chance.
        examples: [
          [
            {
              urgent: false,
              class2: false,
              commands: [{ action: 'void' as const, byManager: true, step: LASTR_STEPS[0], hoursLater: 0 }],
            },
          ],
        ],
      },
    )
    // Not vacuous: runs got round the whole loop, and off it.
    expect([...reached]).toEqual(
      expect.arrayContaining(['in_progress', 'resolved', 'reported', 'followed_up', 'closed', 'voided']),
    )
    await services.close()
  }, 120_000)
})
