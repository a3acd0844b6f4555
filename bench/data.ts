// Realistic generated history for the benchmarks and the crash test: Chinese names, products
// and complaint texts, repeat customers, several years of mostly closed cases.
import type { Case } from '@shared/schemas/case'
import { CATEGORIES, CHANNELS, CUSTOMER_STYLES, CUSTOMER_TYPES, DEMANDS, FAULTS, MOODS } from '@shared/values/options'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { AuditEntry } from '../electron/store/schema'
import { chainAfter } from '../electron/store/auditChain'

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '丽',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀云',
  '霞',
  '平',
  '刚',
  '桂兰',
  '伟',
  '芳',
  '娜',
  '建华',
  '志强',
  '海燕',
  '晓东',
]
const PRODUCTS = [
  '电饭煲 MB-40',
  '洗衣机 XQB80',
  '空气炸锅',
  '蓝牙耳机',
  '羽绒服',
  '运动鞋',
  '奶粉',
  '大米 5kg',
  '食用油',
  '冰箱 BCD-520',
  '电动牙刷',
  '儿童座椅',
  '保温杯',
  '电视机 55 寸',
  '床上四件套',
  '信用卡年费',
  '理财产品',
  '转账手续费',
]
const OPENINGS = ['上周买的', '昨天在本店购买的', '前天送货上门的', '会员日买的', '网上下单门店自提的', '上个月办理的']
const PROBLEMS = [
  '用了三天就不加热了，要求换货',
  '包装破损，里面的东西也压坏了',
  '收银员少找了十元零钱，态度冷淡',
  '约好上午送货，下午三点还没到，电话也打不通',
  '价签和结账价格不一致，多收了二十元',
  '脱水时噪音很大，上门检修两次没有修好',
  '保质期只剩两天，回家才发现',
  '排队四十分钟没人处理，窗口只开了一个',
  '扣费没有提前告知，客户很不满意',
  '售后说要等两周，顾客认为太久',
]
const DEPARTMENTS = ['d0', 'd1', 'd2', 'd3']
const staff = { id: 's1', name: '李娜' }

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * `n` cases received over the `n / 40` days before `end` (a busy branch logs about 40 a
 * day). Cases older than 30 days are closed (3% voided); newer ones are in every state.
 */
export function generateCases(n: number, end = new Date('2026-11-22T02:00:00Z'), seed = 7): Case[] {
  const r = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]
  const days = Math.max(1, Math.ceil(n / 40))
  const cases: Case[] = []
  const counters = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const received = new Date(end.getTime() - days * (1 - i / n) * 86_400_000)
    const at = received.toISOString()
    const day = at.slice(0, 10).replace(/-/g, '')
    const seq = (counters.get(day) ?? 0) + 1
    counters.set(day, seq)
    const ageDays = (end.getTime() - received.getTime()) / 86_400_000
    const later = (hours: number) => new Date(received.getTime() + hours * 3_600_000).toISOString()
    const workflow = emptyWorkflow()
    const finished = ageDays > 30 || r() < 0.3
    const voided = finished && r() < 0.03
    const status: Case['status'] = voided
      ? 'voided'
      : finished
        ? 'closed'
        : pick(['received', 'in_progress', 'resolved', 'reported', 'followed_up'] as const)
    if (status !== 'received')
      workflow.steps = {
        listen: { at, by: staff },
        attend: { at, by: staff },
        satisfy: { at: later(1), by: staff },
        thank: { at: later(1), by: staff },
        report: null,
      }
    if (finished && !voided) {
      workflow.resolvedAt = later(5)
      workflow.resolution = '为顾客办理换货，并赠送一张二十元代金券表示歉意。'
      workflow.oralReport = { to: '陈主管', at: later(6), summary: '已处理完毕，顾客接受', by: staff }
      workflow.followUp = {
        method: 'phone',
        satisfaction: 1 + Math.floor(r() * 5),
        remarks: '顾客表示满意',
        at: later(72),
        by: staff,
      }
      workflow.closedAt = later(73)
    }
    if (voided)
      workflow.voided = { reason: '重复登记', at: later(1), by: staff, approvedBy: { id: 'm1', name: '陈主管' } }
    // About one customer in five comes back: their phone repeats.
    const phone =
      r() < 0.2
        ? `1390000${String(Math.floor(r() * 1000)).padStart(4, '0')}`
        : `13${Math.floor(5 + r() * 5)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`
    const product = pick(PRODUCTS)
    cases.push({
      id: `gen-${seed}-${i}`,
      number: `KS-${day}-${String(seq).padStart(4, '0')}`,
      branchCode: 'SH01',
      receivedAt: at,
      channel: pick(CHANNELS),
      customerName: pick([...SURNAMES]) + pick(GIVEN),
      phone,
      customerType: pick(CUSTOMER_TYPES),
      customerStyle: pick(CUSTOMER_STYLES),
      mood: pick(MOODS),
      departmentId: pick(DEPARTMENTS),
      product,
      receiptNo: `XP-${String(Math.floor(r() * 1e6)).padStart(6, '0')}`,
      category: pick(CATEGORIES),
      description: `${pick(OPENINGS)}${product}，${pick(PROBLEMS)}。`,
      demand: pick(DEMANDS),
      demandNote: '',
      situations: [],
      fault: pick(FAULTS),
      resolvedAtDesk: 'pending',
      amountFen: Math.floor(r() * 100000),
      claimFen: null,
      status,
      caseClass: r() < 0.15 ? 2 : 1,
      createdAt: at,
      createdBy: staff,
      timeline: [
        { at, by: staff, action: 'created' },
        ...(status !== 'received'
          ? [
              { at, by: staff, action: 'step.listen' },
              { at: later(1), by: staff, action: 'status.in_progress' },
            ]
          : []),
        ...(finished && !voided
          ? [
              { at: later(5), by: staff, action: 'status.resolved', detail: workflow.resolution },
              { at: later(73), by: staff, action: 'status.closed' },
            ]
          : []),
      ],
      workflow,
    })
  }
  return cases
}

/** The audit trail such a history leaves: one chained entry per timeline entry. */
export function auditFor(cases: readonly Case[]): AuditEntry[] {
  const log: AuditEntry[] = []
  for (const c of cases)
    for (const e of c.timeline)
      log.push(chainAfter(log.at(-1) ?? null, { at: e.at, by: e.by, action: `case.${e.action}`, target: c.number }))
  return log
}
