import { z } from 'zod'
import { CLASS2_RULES, SITUATIONS } from '../values/options'
import { Id, ManagerApproval, optionalText, requiredText, StaffRef } from './common'
import { v } from '../values/messages'
import { parseLocalDateTime } from '../values/localTime'
import { Offer } from './compensation'
import { Attachment } from './attachments'

export const LASTR_STEPS = ['listen', 'attend', 'satisfy', 'thank', 'report'] as const
export type LastrStep = (typeof LASTR_STEPS)[number]

export const RuleIdSchema = z.enum([...CLASS2_RULES, ...SITUATIONS])
export const ReasonSchema = z.object({
  rule: RuleIdSchema,
  kind: z.enum(['class2', 'urgent']),
  evidence: z.object({
    keyword: z.string().optional(),
    count: z.number().optional(),
    days: z.number().optional(),
    amount: z.string().optional(),
    ticked: z.boolean().optional(),
    /** The clerk confirmed it when asked (rules/prompts). */
    confirmed: z.boolean().optional(),
  }),
})
/** Why a rule fired: the keyword found, a count, an amount… shown to the clerk. */
export type Reason = z.infer<typeof ReasonSchema>

export const ClassificationSchema = z.object({
  caseClass: z.union([z.literal(1), z.literal(2)]),
  urgent: z.boolean(),
  reasons: z.array(ReasonSchema),
  /** Urgent situations the text suggests: the form pre-ticks them. */
  detectedSituations: z.array(z.enum(SITUATIONS)),
})
export type Classification = z.infer<typeof ClassificationSchema>

const Stamp = z.object({ at: z.string(), by: StaffRef })

/** A local date-time typed by staff (datetime-local), validated like 受理时间. */
export const LocalDateTime = z
  .string({ message: v.dateTime })
  .refine((s) => parseLocalDateTime(s) !== null, { message: v.dateTime })

export const Commitment = z.object({
  id: z.string(),
  what: z.string(),
  owner: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'kept']),
  createdAt: z.string(),
  createdBy: StaffRef,
  keptAt: z.string().nullable(),
  /** Every re-agreement with the customer: never silently dropped. */
  reagreed: z.array(
    z.object({ at: z.string(), by: StaffRef, fromDueAt: z.string(), toDueAt: z.string(), reason: z.string() }),
  ),
})
export type Commitment = z.infer<typeof Commitment>

/** How a customer was told of progress (as for the follow-up call). */
export const CONTACT_METHODS = ['phone', 'visit', 'message', 'other'] as const

/** An internal note on the case: for staff only, never printed for the customer. */
export const Note = z.object({ id: z.string(), text: z.string(), at: z.string(), by: StaffRef })
export type Note = z.infer<typeof Note>

/** The customer was told how things stand: when (as staff typed it), how, what was said. */
export const CustomerUpdate = z.object({
  id: z.string(),
  informedAt: z.string(),
  method: z.enum(CONTACT_METHODS),
  said: z.string(),
  at: z.string(),
  by: StaffRef,
})
export type CustomerUpdate = z.infer<typeof CustomerUpdate>

/** Head office signed for (签收) a Class 2 written report: when, who, and what they said. */
export const HeadOfficeAck = z.object({ at: z.string(), by: z.string(), comment: z.string() })
export type HeadOfficeAck = z.infer<typeof HeadOfficeAck>

export const Workflow = z.object({
  proposedClass: z.union([z.literal(1), z.literal(2)]),
  reasons: z.array(ReasonSchema),
  urgent: z.boolean(),
  classChange: z
    .object({
      from: z.number(),
      to: z.number(),
      reason: z.string(),
      at: z.string(),
      by: StaffRef,
      approvedBy: StaffRef.nullable(),
    })
    .nullable(),
  escalation: z
    .object({
      notified: z.array(z.object({ who: z.string(), at: z.string(), by: StaffRef })),
      takenOverBy: Stamp.nullable(),
    })
    .nullable(),
  steps: z.object(
    Object.fromEntries(LASTR_STEPS.map((s) => [s, Stamp.nullable()])) as Record<LastrStep, z.ZodNullable<typeof Stamp>>,
  ),
  commitments: z.array(Commitment),
  resolvedAt: z.string().nullable(),
  resolution: z.string(),
  oralReport: z.object({ to: z.string(), at: z.string(), summary: z.string(), by: StaffRef }).nullable(),
  writtenReport: z
    .object({
      generatedAt: z.string(),
      generatedBy: StaffRef,
      submittedTo: z.string().nullable(),
      submittedAt: z.string().nullable(),
      /** Head office's 签收 of the report, pulled back by the sync (absent until it comes). */
      headOfficeAck: HeadOfficeAck.nullable().optional(),
    })
    .nullable(),
  followUp: z
    .object({
      method: z.string(),
      satisfaction: z.number().int().min(1).max(5),
      remarks: z.string(),
      at: z.string(),
      by: StaffRef,
    })
    .nullable(),
  review: z
    .object({
      wentWell: z.string(),
      improve: z.string(),
      rootCause: z.string(),
      preventive: z.string(),
      owner: z.string(),
      at: z.string(),
      by: StaffRef,
    })
    .nullable(),
  reviewRequested: z.boolean(),
  closedAt: z.string().nullable(),
  voided: z.object({ reason: z.string(), at: z.string(), by: StaffRef, approvedBy: StaffRef }).nullable(),
  offers: z.array(Offer),
  // Cases stored before these existed read with none.
  notes: z.array(Note).default([]),
  customerUpdates: z.array(CustomerUpdate).default([]),
  /** 负责人: who handles the case now (the clerk who logged it, until handed on); none = 未分配. */
  owner: StaffRef.nullable().default(null),
  /** The department the case was handed to, when it was (its people pick it up from 未分配). */
  ownerDepartmentId: z.string().nullable().default(null),
  /** 证据附件: photos and PDFs (the bytes are in the data folder under their hash); none on older cases. */
  attachments: z.array(Attachment).default([]),
})
export type Workflow = z.infer<typeof Workflow>

export const emptyWorkflow = (): Workflow => ({
  proposedClass: 1,
  reasons: [],
  urgent: false,
  classChange: null,
  escalation: null,
  steps: { listen: null, attend: null, satisfy: null, thank: null, report: null },
  commitments: [],
  resolvedAt: null,
  resolution: '',
  oralReport: null,
  writtenReport: null,
  followUp: null,
  review: null,
  reviewRequested: false,
  closedAt: null,
  voided: null,
  offers: [],
  notes: [],
  customerUpdates: [],
  owner: null,
  ownerDepartmentId: null,
  attachments: [],
})

// ---- channel inputs ----
const CaseRef = { id: Id }
export const RaiseClassInput = z.object({ ...CaseRef, reason: requiredText(200) })
export const LowerClassInput = z.object({ ...CaseRef, reason: requiredText(200), approval: ManagerApproval })
export const RecordEscalationInput = z.object({ ...CaseRef, who: requiredText(60) })
export const TakeOverInput = z.object({ ...CaseRef, approval: ManagerApproval })
export const TickStepInput = z.object({ ...CaseRef, step: z.enum(LASTR_STEPS, { message: v.choose }) })
export const AddCommitmentInput = z.object({
  ...CaseRef,
  what: requiredText(200),
  owner: requiredText(30),
  dueAt: LocalDateTime,
})
export const KeepCommitmentInput = z.object({ ...CaseRef, commitmentId: Id })
export const ReagreeCommitmentInput = z.object({
  ...CaseRef,
  commitmentId: Id,
  dueAt: LocalDateTime,
  reason: requiredText(200),
})
export const TransitionInput = z.discriminatedUnion('action', [
  z.object({ ...CaseRef, action: z.literal('start') }),
  z.object({ ...CaseRef, action: z.literal('resolve'), resolution: requiredText(500) }),
  z.object({ ...CaseRef, action: z.literal('close') }),
  z.object({ ...CaseRef, action: z.literal('reopen'), reason: requiredText(200) }),
  z.object({ ...CaseRef, action: z.literal('void'), reason: requiredText(200), approval: ManagerApproval }),
])
export type TransitionInput = z.infer<typeof TransitionInput>
export const OralReportInput = z.object({
  ...CaseRef,
  to: requiredText(30),
  at: LocalDateTime,
  summary: requiredText(200),
})
export const SubmitWrittenReportInput = z.object({ ...CaseRef, submittedTo: requiredText(60), at: LocalDateTime })
export const FollowUpInput = z.object({
  ...CaseRef,
  method: z.enum(CONTACT_METHODS, { message: v.choose }),
  satisfaction: z
    .number({ message: v.choose })
    .int({ message: v.choose })
    .min(1, { message: v.choose })
    .max(5, { message: v.choose }),
  remarks: optionalText(500),
  /** Why the follow-up is made before its window opens (the customer got in touch first). */
  earlyReason: optionalText(200).optional(),
})
export const ReviewInput = z.object({
  ...CaseRef,
  wentWell: requiredText(500),
  improve: requiredText(500),
  rootCause: requiredText(500),
  preventive: requiredText(500),
  owner: requiredText(30),
})
export const AddNoteInput = z.object({ ...CaseRef, text: requiredText(1000) })

/** A time staff typed may be a few minutes ahead of main's clock (two clocks, one PC). */
const NOT_FUTURE_TOLERANCE_MS = 5 * 60 * 1000
export const CustomerUpdateInput = z.object({
  ...CaseRef,
  at: LocalDateTime.refine((s) => (parseLocalDateTime(s)?.getTime() ?? 0) <= Date.now() + NOT_FUTURE_TOLERANCE_MS, {
    message: v.notFuture,
  }),
  method: z.enum(CONTACT_METHODS, { message: v.choose }),
  said: requiredText(500),
})

/** Hands the case to another active member of staff, or to another department, with a note. */
const assignShape = {
  staffId: z.string().max(64, { message: v.choose }).default(''),
  departmentId: z.string().max(64, { message: v.choose }).default(''),
  note: requiredText(200),
}
const someoneChosen = (o: { staffId: string; departmentId: string }) => o.staffId !== '' || o.departmentId !== ''
const chooseOwner = { message: v.chooseOwner, path: ['staffId'] }
/** The 转交 form (the case is the page's). */
export const AssignForm = z.object(assignShape).refine(someoneChosen, chooseOwner)
export const AssignInput = z.object({ ...CaseRef, ...assignShape }).refine(someoneChosen, chooseOwner)
