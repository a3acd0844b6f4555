import type { Case, CaseDraft, CaseFlags } from '@shared/schemas/case'
import { toLocalDateTime } from '@shared/values/localTime'
import { emptyWorkflow } from '@shared/schemas/workflow'

export function validDraft(overrides: Partial<CaseDraft> = {}): CaseDraft {
  return {
    receivedAt: toLocalDateTime(new Date(Date.now() - 10 * 60_000)),
    channel: 'counter',
    customerName: '王秀英',
    phone: '13812341234',
    customerType: 'member',
    customerStyle: 'analytical',
    mood: 'upset',
    departmentId: 'dept-1',
    product: '电饭煲 MB-40',
    amount: '299.00',
    lossAmount: '',
    claimAmount: '',
    receiptNo: 'XP-0001',
    category: 'product_quality',
    description: '上周买的电饭煲，用了三天就不加热了，客户要求换货。',
    demand: 'exchange',
    demandNote: '',
    situations: [],
    fault: 'ours',
    resolvedAtDesk: 'pending',
    ...overrides,
  }
}

let seq = 0
export function makeCase(overrides: Partial<Case> = {}): Case {
  seq += 1
  const { amount: _amount, lossAmount: _loss, claimAmount: _claim, receivedAt: _receivedAt, ...draft } = validDraft()
  return {
    ...draft,
    id: `case-${seq}`,
    number: `KS-20261122-${String(seq).padStart(4, '0')}`,
    branchCode: 'SH01',
    receivedAt: new Date(2026, 10, 22, 10, 0).toISOString(),
    amountFen: 29900,
    lossFen: null,
    claimFen: null,
    status: 'received',
    caseClass: 1,
    createdAt: new Date(2026, 10, 22, 10, 1).toISOString(),
    createdBy: { id: 's1', name: '李娜' },
    timeline: [],
    workflow: emptyWorkflow(),
    ...overrides,
  }
}

/** The flags of a case with nothing due and nothing overdue. */
export const NO_FLAGS: CaseFlags = {
  escalated: false,
  overdue: [],
  commitmentsDueSoon: 0,
  commitmentsOverdue: 0,
  deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
}
