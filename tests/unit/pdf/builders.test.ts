import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { createI18n } from '@shared/i18n'
import type { CaseDetail } from '@shared/schemas/case'
import { buildCaseReceipt } from '../../../electron/pdf/docs/caseReceipt'
import { buildClass2Report, reportNumber } from '../../../electron/pdf/docs/class2Report'
import type { T } from '../../../electron/pdf/docs/types'
import { FONT_FILES } from '../../../electron/pdf/render'
import { buildOralReportLog } from '../../../electron/pdf/docs/oralReportLog'
import { buildHandoverSheet } from '../../../electron/pdf/docs/handoverSheet'
import { buildWeeklyReport } from '../../../electron/pdf/docs/weeklyReport'
import { makeCase, NO_FLAGS } from '../../support/factories'

const t = createI18n('zh-CN').t as unknown as T
const branch = { name: '静安寺店', code: 'SH01', serviceContact: '021-62345678' }
const staff = { id: 's', name: '李娜' }

function detail(o: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...makeCase({ customerName: '欧阳龑', phone: '13812345678', caseClass: 2 }),
    departmentName: '收银',
    flags: NO_FLAGS,
    ...o,
  }
}

/** Every string in a document definition, for looking things up. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts)
  return []
}

describe('document builders (data in, pdfmake definition out)', () => {
  it('the receipt masks the phone and carries number, branch contact and promises', () => {
    const c = detail()
    c.workflow.commitments.push({
      id: 'm',
      what: '明天回电',
      owner: '李娜',
      dueAt: '2026-11-23T09:00:00.000Z',
      status: 'open',
      createdAt: '',
      createdBy: staff,
      keptAt: null,
      reagreed: [],
    })
    c.description = '客户说不处理就找电视台曝光'
    c.workflow.notes = [{ id: 'n', text: '此人难缠', at: '', by: staff }]
    const all = texts(buildCaseReceipt(c, branch, '记录保存 3 年', t).content).join('\n')
    expect(all).not.toContain('找电视台曝光')
    expect(all).not.toContain('此人难缠')
    expect(all).toContain('您反映的问题')
    expect(all).toContain('我们将在 ')
    expect(all).toContain('拨打服务电话 021-62345678')
    expect(all).toContain('客户投诉受理回执')
    expect(all).toContain(c.number)
    expect(all).toContain('138****5678')
    expect(all).not.toContain('13812345678')
    expect(all).toContain('021-62345678')
    expect(all).toContain('明天回电')
    expect(all).toContain('记录保存 3 年')
  })

  it('the Class 2 report has every section of docs/domain.md §9.2, the phone masked by default', () => {
    const c = detail()
    c.workflow.reasons = [{ rule: 'external_threat', kind: 'class2', evidence: { keyword: '记者' } }]
    const doc = buildClass2Report(c, branch, '2026-11-22T03:00:00.000Z', t)
    const all = texts(doc.content).join('\n')
    for (const section of [
      '基本事实',
      '定为二类的理由',
      '处理经过',
      '处理步骤（LASTR）',
      '处理结果与补偿',
      '对客户的承诺',
      '客户满意度（回访）',
      '原因分析、纠正与预防措施',
      '相关员工',
      '报告人',
      '部门主管',
      '上级部门签收',
    ]) {
      expect(all, section).toContain(section)
    }
    expect(all).toContain('138****5678') // masked unless the branch says otherwise
    expect(all).not.toContain('13812345678')
    expect(texts(buildClass2Report(c, branch, '2026-11-22T03:00:00.000Z', t, true).content).join()).toContain(
      '13812345678',
    )
    expect(all).toContain('经办人')
    expect(all).toContain('被投诉员工')
    const misconduct = texts(
      buildClass2Report({ ...c, staffComplainedAbout: '王五' }, branch, '2026-11-22T03:00:00.000Z', t).content,
    ).join('\n')
    expect(misconduct).toMatch(/被投诉员工\nlabel\n王五/)
    expect(all).toContain('关键词“记者”')
    expect(all).toContain(reportNumber(c, '2026-11-22T03:00:00.000Z'))
    expect(reportNumber(c, '2026-11-22T03:00:00.000Z')).toBe(`${c.number}-R20261122`)
  })

  it("客户原话 is quoted on the Class 2 report, never on the customer's receipt; a case without it prints no label", () => {
    const words = '你们这是欺骗消费者！'
    const c = { ...detail(), customerWords: words }
    const report = texts(buildClass2Report(c, branch, '2026-11-22T03:00:00.000Z', t).content).join('\n')
    expect(report).toContain('客户原话：')
    expect(report).toContain(`“${words}”`)
    expect(texts(buildCaseReceipt(c, branch, '', t).content).join('\n')).not.toContain(words)
    const old = detail()
    delete old.customerWords
    expect(texts(buildClass2Report(old, branch, '2026-11-22T03:00:00.000Z', t).content).join()).not.toContain(
      '客户原话',
    )
  })

  it('the Class 2 report prints milestones, not the raw log', () => {
    const c = detail()
    const at = '2026-11-22T03:00:00.000Z'
    c.workflow.followUp = { method: 'phone', satisfaction: 4, remarks: '', at, by: staff }
    c.timeline = [
      { at, by: staff, action: 'created' },
      { at, by: staff, action: 'step.listen' },
      { at, by: staff, action: 'step.attend' },
      { at, by: staff, action: 'note.added', detail: '此人难缠' },
      { at, by: staff, action: 'edited', changes: [{ field: 'product', before: 'a', after: 'b' }] },
      { at, by: staff, action: 'status.resolved', detail: '已退款' },
      { at, by: staff, action: 'followUp.recorded', detail: '4/5' },
      { at, by: staff, action: 'status.closed' },
    ]
    const all = texts(buildClass2Report(c, branch, at, t).content).join('\n')
    for (const text of ['受理登记', '更正登记信息：涉及商品/服务', '已解决：已退款', '回访（电话）：客户满意', '结案'])
      expect(all, text).toContain(text)
    for (const text of ['聆听 ✓', '关心 ✓', '此人难缠', '4/5']) expect(all, text).not.toContain(text)
  })

  it('keeps the last section with the signature lines (no signature page on its own)', () => {
    const doc = buildClass2Report(detail(), branch, '2026-11-22T03:00:00.000Z', t)
    const last = doc.content.at(-1) as { unbreakable?: boolean }
    expect(last.unbreakable).toBe(true)
    expect(texts(last).join()).toContain('上级部门签收')
  })

  it('the receipt without commitments says what happens next; without a service phone, a line to fill in', () => {
    const c = detail({
      flags: { ...NO_FLAGS, deadlines: { ...NO_FLAGS.deadlines, resolveBy: '2026-11-23T09:00:00.000Z' } },
    })
    const all = texts(buildCaseReceipt(c, { ...branch, serviceContact: '' }, '', t).content).join('\n')
    expect(all).not.toContain('还没有承诺')
    expect(all).toContain('接下来')
    expect(all).toContain('（经办人填写）')
    expect(all).not.toMatch(/服务电话\n—/)
    const last = buildCaseReceipt(c, branch, '', t).content.at(-1) as { unbreakable?: boolean }
    expect(last.unbreakable).toBe(true)
    expect(texts(last).join()).toContain('客户签名')
  })

  it('speaks English when the branch does', () => {
    const en = createI18n('en').t as unknown as T
    expect(texts(buildCaseReceipt(detail(), branch, '', en).content).join()).toContain('Complaint receipt')
  })
})

describe('period and shift documents', () => {
  it('the oral report log lists only oral reports, oldest first, phones masked', () => {
    const report = (c: CaseDetail, at: string, summary: string) => ({
      ...c,
      workflow: { ...c.workflow, oralReport: { to: '陈主管', at, summary, by: staff } },
    })
    const later = report(detail({ phone: '13900000002' }), '2026-11-22T08:00:00.000Z', '第二件')
    const earlier = report(detail({ phone: '13900000001' }), '2026-11-22T02:00:00.000Z', '第一件')
    const none = detail()
    const all = texts(
      buildOralReportLog([later, none, earlier], { from: '2026-11-22', to: '2026-11-22' }, branch, t).content,
    ).join('\n')
    expect(all.indexOf('第一件')).toBeLessThan(all.indexOf('第二件'))
    expect(all).toContain('共 2 条')
    expect(all).toContain('139****0001')
    expect(all).not.toContain('13900000001')
  })

  it('the handover sheet carries escalations, commitments due, open cases, notes and both signatures', () => {
    const c = detail()
    const summary = {
      id: c.id,
      number: c.number,
      status: c.status,
      caseClass: c.caseClass,
      category: c.category,
      customerName: c.customerName,
      phoneMasked: '138****5678',
      departmentId: c.departmentId,
      departmentName: '收银',
      receivedAt: c.receivedAt,
      situations: [],
      urgent: true,
      flags: c.flags,
    }
    const m = {
      id: 'm',
      what: '今晚回电',
      owner: '李娜',
      dueAt: '2026-11-22T12:00:00.000Z',
      status: 'open' as const,
      createdAt: '',
      createdBy: staff,
      keptAt: null,
      reagreed: [],
    }
    const h = {
      id: 'h',
      at: '2026-11-22T10:00:00.000Z',
      outgoing: staff,
      incoming: { id: 'm1', name: '陈主管' },
      notes: '冷柜已报修',
      snapshot: {
        openCases: [summary],
        commitmentsDue: [
          { case: summary, commitment: { ...m, id: 'late', what: '上午回电', dueAt: '2026-11-22T09:00:00.000Z' } },
          { case: summary, commitment: m },
        ],
        escalations: [summary],
        windowHours: 8,
      },
    }
    const all = texts(buildHandoverSheet(h, branch, t).content).join('\n')
    for (const text of [
      '交接班表',
      '紧急事件（待主管接手）',
      '未来 8 小时内到期及已逾期的承诺',
      '今晚回电',
      '未结案投诉（1 件）',
      '冷柜已报修',
      '交班人（李娜）',
      '接班人（陈主管）',
      '交接签收',
      '⚠ 已逾期',
    ])
      expect(all, text).toContain(text)
    expect(all).toMatch(/⚠ 已逾期\n#b3261e\n2026-11-22 \d\d:00\nKS-[\d-]+\n上午回电/) // the late one is flagged, on its row
    expect(all).toMatch(/待到期\n2026-11-22 \d\d:00\nKS-[\d-]+\n今晚回电/)
    expect(all).toContain('交班人 李娜 交出，接班人 陈主管 于')
  })

  it('the weekly report has both tables, vector charts and the repeats', () => {
    const row = {
      key: 'd1',
      label: '收银',
      total: 3,
      class1: 2,
      class2: 1,
      open: 1,
      overdue: 0,
      avgResolveHours: 2.5,
      compensationFen: 1000,
      satisfaction: 4,
    }
    const r = {
      from: '2026-11-16',
      to: '2026-11-22',
      byDepartment: [row],
      byCategory: [{ ...row, key: 'cashier_error' as const, label: '收银差错' }],
      total: row,
      repeatCustomers: [{ phoneMasked: '138****0001', name: '王秀英', count: 2 }],
      patterns: [{ category: 'cashier_error' as const, count: 3 }],
      causes: [
        { category: 'cashier_error' as const, cause: 'short_change' as const, count: 2 },
        { category: 'cashier_error' as const, cause: null, count: 1 },
      ],
      perDay: [{ day: '2026-11-16', count: 3 }],
      suggestions: 2,
    }
    const previous = {
      ...r,
      from: '2026-11-09',
      to: '2026-11-15',
      byDepartment: [{ ...row, total: 5 }],
      total: { ...row, total: 5 },
    }
    const doc = buildWeeklyReport(r, branch, t, previous)
    const all = texts(doc.content).join('\n')
    for (const text of [
      '本周',
      '上周',
      '变化',
      '上周：2026-11-09 — 2026-11-15',
      '−2',
      '4.0/5',
      '部门负责人意见',
      '签字',
    ])
      expect(all, text).toContain(text)
    expect(JSON.stringify(doc.content)).toContain('{"text":"¥10.00","alignment":"right"}') // figures line up on the right
    expect(texts(buildWeeklyReport(r, branch, t).content).join('\n')).not.toContain('上周：')
    for (const text of [
      '每周部门投诉追踪',
      '按部门',
      '按投诉类别',
      '收银差错',
      '¥10.00',
      '王秀英（138****0001）本周投诉 2 次',
      '“收银差错”本周 3 次',
      '投诉原因',
      '另收到建议/意见 2 条（不计入投诉）',
      '少找零',
      '未填原因',
    ])
      expect(all, text).toContain(text)
    const svgs = JSON.stringify(doc.content).match(/<svg/g) ?? []
    expect(svgs.length).toBe(3) // two bar charts and the daily line, all vector
  })
})

describe('the embedded CJK font', () => {
  const fontkit = createRequire(import.meta.url)('fontkit') as {
    openSync: (p: string) => { hasGlyphForCodePoint: (c: number) => boolean }
  }
  const fonts = [fontkit.openSync(FONT_FILES.normal), fontkit.openSync(FONT_FILES.bold)]

  it('has every character the UI can produce (both languages)', () => {
    const strings = texts([
      createI18n('zh-CN').getResourceBundle('zh-CN', 'translation'),
      createI18n('en').getResourceBundle('en', 'translation'),
    ])
    const missing = new Set<string>()
    for (const ch of strings.join('').replace(/\{\{[^}]+\}\}/g, '')) {
      if (ch.trim() === '') continue
      for (const f of fonts) if (!f.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch)
    }
    expect([...missing]).toEqual([])
  })

  it('has the rare characters of real customer names', () => {
    const rare = '喆堃淼燚犇赟昇玥珺琇龑䶮㛃镕彧頔旻玙璟祎祺禕曌垚鑫骉蕊喾'
    for (const f of fonts) expect([...rare].filter((ch) => !f.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([])
  })
})
