import type { Cause } from '../values/options'

/**
 * Words that point to a cause code (docs/domain.md §3a), in the keyword syntax of
 * rules/keywords ("a/b" alternatives, "a+b" near each other, "!phrase" exceptions; negated
 * mentions never count). They only suggest: the clerk confirms with one click.
 */
export const CAUSE_KEYWORDS: Partial<Record<Cause, readonly string[]>> = {
  short_change: [
    '少找/少给/没找/漏找+钱/零/元/块',
    '找错钱/找错了/找零不对/找零错',
    'short change/shortchanged/wrong change',
  ],
  goods_for_change: ['糖/口香糖/商品/东西+代替/抵/充当/当+零钱/找零', 'instead of change'],
  double_scan: [
    '多扫/重复扫/扫了两次/扫两次/扫了两遍/重复收费/多收/收了两次/扣了两次/多扣/重复扣',
    'double scan/scanned twice/charged twice',
  ],
  slow_checkout: [
    '结账慢/收银慢/结账太慢/动作慢/慢吞吞',
    '排队+太久/很久/半天/半小时',
    'slow checkout/waited too long',
  ],
  queue_jumping: ['插队/加塞', '熟人/朋友/认识的人+先/优先/插', 'cut in line/jump the queue/jumped the queue'],
  pushy_selling: ['一味推荐/硬推/强行推销/一直推荐/不停推销/强买强卖/推销', 'pushy/hard sell'],
  ignoring_customer: [
    '聊天/玩手机/打电话+不理/没理/不搭理/不管',
    '不理人/不理睬/爱答不理/爱理不理/没人理/不搭理',
    'ignored me/ignoring',
  ],
  stony_face: ['板着脸/板起面孔/脸色难看/摆脸色/冷脸/给脸色/态度冷淡/冷冰冰/冷漠', 'stony face/cold look'],
  impolite: ['没礼貌/不礼貌/态度差/态度恶劣/态度很差/不耐烦/翻白眼/说话难听/语气冲/嘲讽', 'rude/impolite'],
  product_ignorance: [
    '不懂商品/一问三不知/说不清楚/不了解商品/答不上来/讲不清/不会用',
    "didn't know the product/could not explain",
  ],
  abuse_quarrel: ['骂/辱骂/吵架/争执/口角/吵起来/推搡/动手', 'swore/argued/quarrel'],
  expired: ['过期/临期/过了保质期/超过保质期/超出保质期', 'expired/past its date/out of date'],
  spoiled_damaged: ['变质/发霉/霉变/坏了/破损/损坏/漏水/馊/发臭/碎了/裂了', 'spoiled/mouldy/damaged/broken/leaking'],
  not_as_described: ['与描述不符/货不对板/和宣传不/与宣传不/和图片不/与图片不/不符', 'not as described'],
  batch_problem: ['批次/同一批/这一批/那一批/好几个人/多位顾客', 'batch'],
}

/** Causes looked for first when the words point to several (the graver or the more specific). */
export const CAUSE_PRIORITY: readonly Cause[] = ['abuse_quarrel', 'batch_problem', 'expired', 'double_scan']
