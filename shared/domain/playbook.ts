import type { Playbook } from '../schemas/settings'

/**
 * The LASTR handling scripts (话术), guidance, question prompts, style traits and tips and
 * scenario templates of docs/domain.md §6–§6a, as shipped. They are branch settings (设置 →
 * 话术与提示), not strings in components; 恢复默认 puts a section back to these.
 *
 * Restatements: one per demand. Slots {date} (今天/昨天/11月20日), {product}, {problem} (the
 * description's first sentence), {amount} (商品/服务金额), {loss} (损失金额), {claim} (索赔金额), {note} (诉求说明). A part
 * in […] is said only when every slot in it has a value (shared/values/template.ts).
 */
const ZH_OPENING = '我跟您确认一下您{date}反映的情况：[关于{product}，]{problem}[，您支付了 {amount} 元]。'
const EN_OPENING =
  'Let me check I have understood what you told us[ {date}]: [about your {product}, ]{problem}[, and you paid ¥{amount}].'

export const DEFAULT_PLAYBOOK: Playbook = {
  restatements: {
    zh: {
      apology: `${ZH_OPENING}您希望我们向您道歉[，具体是：{note}]，对吗？`,
      refund: `${ZH_OPENING}您希望我们为您退款[，金额 {claim} 元][，具体是：{note}]，对吗？`,
      exchange: `${ZH_OPENING}您希望我们为您换货[，具体是：{note}]，对吗？`,
      repair: `${ZH_OPENING}您希望我们为您维修[，具体是：{note}]，对吗？`,
      compensation: `${ZH_OPENING}您希望我们给予赔偿[，金额 {claim} 元][，具体是：{note}]，对吗？`,
      explanation: `${ZH_OPENING}您希望我们给您一个解释[，具体是：{note}]，对吗？`,
      other: `${ZH_OPENING}[您的要求是：{note}。]我这样理解对吗？`,
    },
    en: {
      apology: `${EN_OPENING} You would like an apology[, specifically: {note}]. Is that right?`,
      refund: `${EN_OPENING} You would like a refund[ of ¥{claim}][, specifically: {note}]. Is that right?`,
      exchange: `${EN_OPENING} You would like it exchanged[, specifically: {note}]. Is that right?`,
      repair: `${EN_OPENING} You would like it repaired[, specifically: {note}]. Is that right?`,
      compensation: `${EN_OPENING} You would like compensation[ of ¥{claim}][, specifically: {note}]. Is that right?`,
      explanation: `${EN_OPENING} You would like an explanation[, specifically: {note}]. Is that right?`,
      other: `${EN_OPENING} [What you would like: {note}. ]Have I understood you correctly?`,
    },
  },
  steps: {
    listen: {
      zh: ['请您慢慢说，我都记下来。', '您先别着急，把经过跟我讲一讲，好吗？'],
      en: ['Please take your time; I am writing it all down.', 'Could you walk me through what happened?'],
    },
    attend: {
      zh: ['非常抱歉给您带来了不便。', '您的意见对我们很重要。', '我理解您现在的心情。', '我们会尽快为您处理。'],
      en: [
        'I am very sorry for the trouble this has caused you.',
        'Your complaint matters to us.',
        'I understand how you feel.',
        'We will handle it as fast as we can.',
      ],
    },
    satisfy: {
      zh: ['为了解决这个问题，我们可以为您提供以下几种方案，您看哪种更合适？', '这样处理您看可以吗？'],
      en: ['To put this right we can offer you these options — which suits you best?', 'Would that work for you?'],
    },
    thank: {
      zh: ['谢谢您告诉我们，这帮助我们改进服务。', '感谢您的理解和耐心。'],
      en: ['Thank you for telling us; it helps us improve.', 'Thank you for your patience and understanding.'],
    },
    report: {
      zh: ['一类投诉：处理完毕后向主管口头报告。', '二类投诉：向上级部门提交书面报告。'],
      en: [
        'Class 1: report orally to your supervisor once handled.',
        'Class 2: send a written report to the superior department.',
      ],
    },
  },
  guidance: {
    listen: {
      zh: ['先听，暂不解释、不争辩。', '点头示意，做好记录，让客户把话说完。'],
      en: ["Listen first: don't explain or argue yet.", 'Nod, take notes and let the customer finish.'],
    },
    attend: {
      zh: ['先处理心情，再处理事情。'],
      en: ['Deal with the feelings first, then with the matter.'],
    },
    satisfy: {
      zh: ['管理期望：如实告诉客户有哪些限制和困难，不承诺做不到的事。'],
      en: ['Manage expectations: say honestly what the limits and difficulties are; promise nothing you cannot do.'],
    },
    thank: { zh: [], en: [] },
    report: {
      zh: ['需要主管处理时，当面把升级路径告诉客户，并记下承诺的回电时间。'],
      en: ['When a manager must handle it, tell the customer the escalation path and record the promised call-back.'],
    },
  },
  expectations: {
    zh: [
      '我如实跟您说明：这件事有一些限制，……（说明限制和困难），我们能做到的是……',
      '这个需要……天才能有结果，我不想给您一个做不到的承诺。',
    ],
    en: [
      'To be honest with you: there are some limits here … (say what they are); what we can do is …',
      'This will take … days to settle; I would rather not promise you something we cannot keep.',
    ],
  },
  escalation: {
    zh: '这件事我会报告主管，主管会在 {hours} 小时内给您回电。',
    en: 'I will report this to my manager, who will call you back within {hours} hours.',
  },
  avoidWords: {
    zh: [
      { avoid: '不可能', instead: '我们可以尝试……' },
      { avoid: '没办法', instead: '我们可以尝试……，我来想想办法。' },
      { avoid: '这不归我管', instead: '我来帮您联系负责的同事。' },
      { avoid: '你自己看说明', instead: '我来给您演示一下怎么使用。' },
    ],
    en: [
      { avoid: "That's impossible", instead: 'What we can try is …' },
      { avoid: "There's nothing I can do", instead: 'Let me see what we can try …' },
      { avoid: "That's not my department", instead: 'Let me put you in touch with the colleague in charge.' },
      { avoid: 'Read the instructions yourself', instead: 'Let me show you how it works.' },
    ],
  },
  openQuestions: {
    zh: [
      '当时发生了什么？',
      '您是什么时候发现这个问题的？',
      '您是在哪里购买/办理的？',
      '是哪位同事为您服务的？',
      '这件事对您造成了什么影响？',
      '您希望我们怎么处理？',
    ],
    en: [
      'What happened?',
      'When did you notice the problem?',
      'Where did you buy it or have it done?',
      'Who served you?',
      'How has this affected you?',
      'How would you like us to handle it?',
    ],
  },
  closedQuestions: {
    zh: ['您是在本店购买的，对吗？', '金额是 {amount} 元，对吗？', '小票还在吗？', '是今天发生的吗？'],
    en: [
      'You bought it in this store, right?',
      'The amount was ¥{amount}, correct?',
      'Do you still have the receipt?',
      'Did this happen today?',
    ],
  },
  styleTraits: {
    friendly: {
      zh: ['性格随和', '看重理解、宽容、真诚和信任'],
      en: ['Easy-going', 'Values understanding, tolerance, sincerity and trust'],
    },
    dominant: {
      zh: ['决断力强，感情强烈', '不太考虑对方的立场', '投诉多'],
      en: ['Decisive, with strong feelings', "Does not see the other side's point", 'Complains often'],
    },
    analytical: {
      zh: ['思维缜密、感情细腻', '逻辑性强，容易受伤', '擅长运用法律手段'],
      en: ['Careful and sensitive', 'Strongly logical; easily hurt', 'Will use the law'],
    },
    self_centred: {
      zh: ['狂妄自大，觉得高人一等', '注重形式、讲排场'],
      en: ['Self-important; feels above others', 'Cares about form and face'],
    },
  },
  styleTips: {
    friendly: { zh: ['态度温和亲切，说到做到，兑现承诺。'], en: ['Be warm and keep every promise you make.'] },
    dominant: {
      zh: ['简明扼要，直接给出选择，让客户自己决定。'],
      en: ['Be brief, give choices and let the customer decide.'],
    },
    analytical: { zh: ['摆事实、列数据，提供书面说明和细节。'], en: ['Use facts and figures; give written detail.'] },
    self_centred: {
      zh: ['表示尊重、注意礼节，可请主管等资深人员出面。'],
      en: ['Show respect and formality; involve a senior person.'],
    },
  },
  // 典型场景 (§6) and the material's compensation templates (§7a), per category.
  scenarios: {
    product_quality: {
      zh: [
        '保持冷静，问清细节（购买时间、批次、问题表现）。',
        '换货、维修或退款由客户选择，并真诚道歉。',
        '承诺处理时限，并通知相关部门跟进。',
      ],
      en: [
        'Stay calm and get the details (when bought, batch, the fault).',
        "Exchange, repair or refund: the customer's choice, with an apology.",
        'Promise a time and involve the department.',
      ],
    },
    service_attitude: {
      zh: ['耐心聆听，真诚道歉。', '说明改进措施；可在权限内赠送小礼品或优惠券表示歉意。'],
      en: ['Listen and apologise sincerely.', 'Explain the improvement; a small gift or coupon within your authority.'],
    },
    price_billing: {
      zh: ['解释价格构成与计费依据。', '协商解决；仍不能达成一致时可给予适当折扣。', '确属计费差错的，全额更正。'],
      en: [
        'Explain how the price is made up.',
        'Negotiate; a suitable discount if there is no agreement.',
        'A proven billing error is corrected in full.',
      ],
    },
    cashier_error: {
      zh: ['当场核对小票与监控，确认差错后立即更正（如补足找零）。', '向客户道歉并感谢指出。'],
      en: [
        'Check the receipt (and CCTV) at once; pay back the shortfall on the spot.',
        'Apologise and thank the customer for pointing it out.',
      ],
    },
    after_sales: {
      zh: ['核对购买凭证和退换货规定，如实说明能做到什么。', '办理时间较长时，告知具体时限并按时回复。'],
      en: [
        'Check the proof of purchase and the returns policy; say honestly what can be done.',
        'If it takes time, give a date and keep it.',
      ],
    },
    delivery: {
      zh: ['查清订单与配送状态，告诉客户实际情况。', '给出新的送达时间并兑现；延误造成不便的，真诚道歉。'],
      en: [
        'Look up the order and the delivery, and tell the customer how it really stands.',
        'Give a new delivery time and keep it; apologise for the trouble.',
      ],
    },
    usage_difficulty: {
      zh: ['耐心讲解使用方法，提供书面说明。', '仍无法解决时安排技术人员上门。', '确属商品故障的才换货。'],
      en: [
        'Explain patiently and give written instructions.',
        'Otherwise send a technician or make a home visit.',
        'Exchange only if the item is faulty.',
      ],
    },
    premises: {
      zh: ['感谢客户指出，马上查看现场。', '能当场处理的立即处理，不能的告诉客户何时改善。'],
      en: [
        'Thank the customer for pointing it out and look at once.',
        'Fix what can be fixed now; say when the rest will be.',
      ],
    },
    safety_health: {
      zh: [
        '客户的身体健康第一，必要时送医或报警。',
        '立即上报主管，由主管处理，统一对外口径。',
        '凭单据报销医疗费用、退还商品并道歉。',
      ],
      en: [
        "The customer's well-being first: medical help or police if needed.",
        'Report to a manager at once; the manager handles it; one voice to the outside.',
        'Reimburse documented medical costs, refund the product and apologise.',
      ],
    },
  },
}

/**
 * The sections of the scripts editor (设置 → 话术与提示), each a set of playbook fields that
 * 恢复默认 puts back to DEFAULT_PLAYBOOK together.
 */
export const SCRIPT_SECTIONS = {
  restatements: ['restatements'],
  steps: ['steps', 'guidance'],
  questions: ['openQuestions', 'closedQuestions'],
  expectations: ['expectations', 'escalation'],
  avoidWords: ['avoidWords'],
  styles: ['styleTraits', 'styleTips'],
  scenarios: ['scenarios'],
} as const satisfies Record<string, readonly (keyof Playbook)[]>
export type ScriptSection = keyof typeof SCRIPT_SECTIONS
export const SCRIPT_SECTION_IDS = Object.keys(SCRIPT_SECTIONS) as [ScriptSection, ...ScriptSection[]]

/** `book` with one section put back to the shipped defaults (the rest kept as it is). */
export function resetSection(book: Playbook, section: ScriptSection): Playbook {
  const out: Playbook = structuredClone(book)
  for (const key of SCRIPT_SECTIONS[section]) Object.assign(out, { [key]: structuredClone(DEFAULT_PLAYBOOK[key]) })
  return out
}
