import type { Playbook } from '../schemas/settings'

/**
 * The LASTR handling scripts (话术), question prompts, style tips and scenario templates of
 * docs/domain.md §6, as shipped. They are branch settings, not strings in components.
 * The restatement uses {date} {product} {problem} {demand}.
 */
export const DEFAULT_PLAYBOOK: Playbook = {
  restatement: {
    zh: '我跟您确认一下：您在 {date} 购买/办理了 {product}，{problem}；您希望我们 {demand}，对吗？',
    en: 'Let me confirm: on {date} you bought {product}; {problem}. You would like us to {demand} — is that right?',
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
  scenarios: {
    product_quality: {
      zh: ['保持冷静，问清细节（购买时间、批次、问题表现）。', '承诺处理时限，并通知相关部门跟进。'],
      en: [
        'Stay calm and get the details (when bought, batch, the fault).',
        'Promise a time and involve the department.',
      ],
    },
    service_attitude: {
      zh: ['耐心聆听，真诚道歉。', '说明改进措施，可赠送小礼品或优惠券表示歉意。'],
      en: ['Listen and apologise sincerely.', 'Explain the improvement; a gift or coupon as an apology.'],
    },
    price_billing: {
      zh: ['解释价格构成与计费依据。', '协商解决；仍不能达成一致时可给予折扣。'],
      en: ['Explain how the price is made up.', 'Negotiate; a discount if there is no agreement.'],
    },
    usage_difficulty: {
      zh: ['耐心指导使用方法，提供书面说明。', '仍无法解决时安排技术人员上门。'],
      en: ['Guide patiently and give written instructions.', 'Otherwise send a technician on site.'],
    },
    cashier_error: {
      zh: ['当场核对小票与监控，确认差错后立即更正（如补足找零）。', '向客户道歉并感谢指出。'],
      en: [
        'Check the receipt (and CCTV) at once; correct the error on the spot.',
        'Apologise and thank the customer for pointing it out.',
      ],
    },
    safety_health: {
      zh: ['先处理人身安全，必要时送医或报警。', '立即上报主管，统一对外口径。'],
      en: ['Safety first: medical help or police if needed.', 'Report to a manager at once; one voice to the outside.'],
    },
  },
}
