// The shipped keyword lists of rules added after branches had saved their settings
// (LATER_KEYWORD_RULES). The settings schema fills them into a file saved before these rules
// existed, so an existing branch recognises them too; the defaults use the same lists.
// Entry syntax (alternatives "/", co-occurrence "+", exceptions "!"): shared/rules/keywords.ts.
import type { LATER_KEYWORD_RULES } from './options'

type Lists = { zh: string[]; en: string[] }

export const LATER_KEYWORDS: Record<(typeof LATER_KEYWORD_RULES)[number], Lists> = {
  // Personal data leaked, card stolen or skimmed, money taken without consent.
  security_incident: {
    zh: [
      '泄露',
      '泄密',
      '外泄',
      '信息泄漏',
      '数据泄漏',
      '隐私泄漏',
      '盗刷',
      '被刷走',
      '盗用',
      '冒用',
      '冒名',
      '冒领',
      '被盗取',
      '盗取',
      '被转走',
      '个人信息/身份信息/客户信息/隐私/身份证/手机号/住址/照片+被卖/卖给/外传/流出/被公开/被发到/被人拿/被泄/被盗',
      '账户/账号/银行卡/信用卡/储值卡/会员卡/卡里/余额/密码/验证码+被盗/被人/被转/被刷/被冒/被改/不翼而飞/莫名/不见了',
      '未经/没经过/没有经过/不知情/莫名/私自/擅自/偷偷+扣款/扣费/扣钱/扣了/转账/转走/消费/刷卡/刷了/开通/办理/支付',
    ],
    en: [
      'data leak',
      'data breach',
      'identity theft',
      'skimm',
      'unauthori',
      'without my consent',
      'without my permission',
      'fraudulent charge',
      'personal data/personal information/personal details/card details/my details/my data+leak/sold/exposed/shared',
      'card/account/password+stolen/hacked/emptied/drained',
    ],
  },
  // An inspector of the market regulator, tax, city management or health arriving: both parts.
  regulator_visit: {
    zh: [
      '!找工商/叫工商/打给工商/告到工商/投诉到工商/举报到工商/找市场监管/叫市场监管/打给市场监管/投诉到市场监管/举报到市场监管/找税务/叫城管/找城管/举报到税务',
      '工商/市场监管/市监局/质监/税务/城管/卫生局/卫健委/卫生监督/食药监/药监/消防/监管部门/执法人员+检查/来店/上门/调查/抽查/核查/执法/查处/约谈/过来/来了/到店/暗访',
    ],
    en: [
      'inspector+came/arrived/visit/here/check/inspect',
      'regulator/tax office/tax officials/health department/city officials+came/arrived/visit/inspect/check/investigat',
    ],
  },
  // Remarks touching politics, ethnicity or race, religion, gender, region: dangerous to the reputation.
  sensitive_remarks: {
    zh: [
      '宗教',
      '信仰',
      '种族',
      '民族',
      '!民族风',
      '!民族特色',
      '!民族路',
      '!民族大道',
      '少数民族',
      '歧视',
      '性别',
      '重男轻女',
      '女人就是',
      '男人就是',
      '地域',
      '外地人',
      '乡下人',
      '农村人',
      '政治',
      '国家领导',
      '台独',
      '港独',
      '黑人',
      '!黑人牙膏',
      '穆斯林',
      '清真',
    ],
    en: ['religio', 'racis', 'racial', 'ethnic', 'sexis', 'gender', 'politic', 'discriminat', 'homophob', 'slur'],
  },
  // Shouting, a scene at the desk: an intense complaint (with mood 激动 and a claim beyond the loss too).
  intense_complaint: {
    zh: [
      '大吵大闹',
      '大喊大叫',
      '大喊',
      '大叫',
      '大吼',
      '吼叫',
      '咆哮',
      '嚷嚷',
      '叫嚷',
      '大声喧哗',
      '撒泼',
      '闹个不停',
    ],
    en: ['shout', 'yell', 'scream', 'raised his voice', 'raised her voice', 'making a scene'],
  },
}
