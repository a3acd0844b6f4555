import type { WorkflowSettings } from '../schemas/settings'
import { DEFAULT_PLAYBOOK } from './playbook'

/**
 * Shipped defaults. Keywords are matched against the description and demand note; a
 * negation just before a keyword ("没有受伤", "nobody was hurt") cancels it. Words chosen to
 * avoid common false alarms: 伤心 (sad), 火锅 (hotpot), 优惠券过期 (expired coupon).
 */
export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  authorityLimitFen: 100_00,
  largeLossFen: 5000_00,
  repeatCustomerDays: 30,
  categoryPatternDays: 7,
  categoryPatternCount: 3,
  keywords: {
    injury_or_harm: {
      zh: ['受伤', '摔倒', '摔伤', '摔破', '跌倒', '滑倒', '流血', '出血', '骨折', '烫伤', '割伤', '划伤', '扭伤', '伤口', '呕吐', '上吐下泻', '吐了', '腹泻', '拉肚子', '腹痛', '肚子疼', '发烧', '食物中毒', '中毒', '过敏', '晕倒', '昏倒', '住院', '送医', '急诊', '身体不适'],
      en: ['injur', 'hurt', 'bleed', 'blood', 'broken bone', 'burned', 'vomit', 'diarrh', 'food poisoning', 'poisoned', 'allergic', 'fainted', 'hospital', 'fell down', 'fell over', 'slipped'],
    },
    fire_or_hazard: {
      zh: ['火灾', '起火', '着火', '失火', '冒烟', '焦味', '烧焦', '漏电', '触电', '燃气泄漏', '煤气', '爆炸', '坍塌', '掉落'],
      en: ['fire', 'smoke', 'burning smell', 'sparks', 'electric shock', 'gas leak', 'explosion', 'collapse'],
    },
    safety_health: {
      zh: ['保质期', '变质', '发霉', '异物', '玻璃', '虫子', '头发丝', '药物', '药品', '吃药', '服药', '安全隐患', '事故'],
      en: ['glass', 'expired', 'mould', 'mold', 'insect', 'foreign object', 'hair in', 'medicine', 'drug', 'unsafe', 'accident'],
    },
    external_threat: {
      zh: ['律师', '起诉', '法院', '告你们', '12315', '打12345', '12345热线', '12378', '消协', '消费者协会', '市场监管', '工商局', '银保监', '金融监管', '投诉到', '媒体', '记者', '电视台', '报社', '曝光', '网上发', '微博', '抖音', '小红书', '朋友圈', '差评'],
      en: ['lawyer', 'sue you', 'sue the', 'court', 'regulator', 'consumer association', 'media', 'journalist', 'newspaper', 'post online', 'social media', 'bad review'],
    },
    staff_misconduct: {
      zh: ['好处费', '好处', '回扣', '受贿', '贿赂', '索贿', '贪污', '私吞', '诈骗', '欺诈', '歧视', '辱骂', '骂人', '打骂', '侮辱', '骚扰', '偷拿'],
      en: ['bribe', 'kickback', 'fraud', 'scam', 'discriminat', 'insult', 'abuse', 'harass', 'stole'],
    },
    crowd_incident: {
      zh: ['聚集', '围堵', '群体', '聚在', '一群人', '集体', '十多位', '二十多位', '几十人'],
      en: ['crowd', 'mob', 'group of customers', 'dozens of'],
    },
    media_present: {
      zh: ['拍摄', '直播', '记者在场', '摄像机'],
      en: ['filming', 'camera crew', 'live stream', 'livestream'],
    },
    violence_threat: {
      zh: ['打人', '砸了', '要砸', '砸店', '动手', '杀了', '拿刀', '揍', '拼命'],
      en: ['hit you', 'kill', 'knife', 'smash', 'beat you', 'punch'],
    },
  },
  managerContacts: [],
  deadlines: {
    class1ResolveHours: 24,
    class2FirstResponseHours: 24,
    class2ResolveDays: 7,
    class2ReportHours: 24,
    followUpAfterDays: 1,
    followUpWithinDays: 3,
    commitmentDueSoonHours: 2,
  },
  playbook: DEFAULT_PLAYBOOK,
  serviceContact: '',
  backupKeep: 14,
  retentionNote: '客户联系方式仅用于处理本次投诉和回访；投诉记录保存 3 年，到期由主管审核后归档，不得外传。',
  compensation: {
    goodwillCapPercent: 50,
    goodwillCapMinFen: 50_00,
    coupons: [20_00, 50_00],
    catalogue: [
      { form: 'gift', name: '精美礼品', valueFen: 30_00 },
      { form: 'gift', name: '购物袋', valueFen: 10_00 },
      { form: 'free_service', name: '免费送货上门', valueFen: 10_00 },
      { form: 'onsite_service', name: '上门安装指导', valueFen: 30_00 },
    ],
    pointsPerYuan: 100,
    suggestions: {
      service_attitude: ['coupon', 'gift'],
      cashier_error: ['coupon', 'points'],
      price_billing: ['discount', 'coupon'],
      delivery: ['free_service', 'coupon'],
      usage_difficulty: ['onsite_service', 'free_service'],
      product_quality: ['coupon', 'gift'],
      after_sales: ['coupon', 'free_service'],
      premises: ['gift', 'coupon'],
    },
  },
}
