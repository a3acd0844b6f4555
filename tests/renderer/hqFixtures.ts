import type { HqReportRow } from '@shared/schemas/headquarters'

/** A Class 2 report as head office's inbox lists it, unsigned. */
export const HQ_REPORT: HqReportRow = {
  branchCode: 'SH01',
  branchName: '静安寺店',
  caseId: 'c2',
  caseNo: 'KS-20261121-0002',
  status: 'reported',
  category: 'safety_health',
  departmentName: '收银',
  receivedAt: new Date(2026, 10, 21, 9).toISOString(),
  reportAt: new Date(2026, 10, 21, 22).toISOString(),
  summary: '顾客在生鲜区滑倒摔伤',
  ack: null,
}

/** Head office's manager, who signs. */
export const HQ_MANAGER = { id: 'm1', name: '张总监', role: 'manager' as const }
