// Frozen: never edit; a new change is a new migration.
// Migration 4, written for issue 13: the shipped keyword lists as they grew in 26fd37f and 4c09874.
import { z } from 'zod'
import type { Migration } from './migration'

/** A file of schema version 3, as far as this step reads it. */
const V3File = z.looseObject({
  schemaVersion: z.literal(3),
  settings: z.looseObject({
    workflow: z
      .looseObject({
        keywords: z.record(z.string(), z.looseObject({ zh: z.array(z.string()), en: z.array(z.string()) })).optional(),
      })
      .optional(),
  }),
})

/**
 * What the shipped lists of the older rules gained (words for the situations the training
 * material names) and lost (expired or spoiled goods are product quality, not safety), per
 * rule and language, between the lists a branch could have saved and those shipped now.
 */
const DELTA: Record<string, Record<'zh' | 'en', { add: string[]; remove: string[] }>> = {
  injury_or_harm: {
    zh: {
      add: [
        '肠胃不适',
        '红肿',
        '起疹子',
        '皮疹',
        '吃/喝/服用/服了/涂了/用药+不适/不舒服/难受/恶心/头晕/头疼/头痛',
        '受了伤',
        '打伤',
        '撞伤',
        '砸伤',
      ],
      remove: [],
    },
    en: { add: ['fell ill'], remove: [] },
  },
  safety_health: {
    zh: { add: [], remove: ['保质期', '变质'] },
    en: { add: [], remove: ['expired'] },
  },
  staff_misconduct: {
    zh: {
      add: [
        '争执',
        '争吵',
        '吵架',
        '吵起来',
        '吵了起来',
        '口角',
        '骂',
        '推搡',
        '推了一把',
        '拉扯',
        '起冲突',
        '发生冲突',
      ],
      remove: [],
    },
    en: {
      add: ['argu', 'quarrel', 'swore at', 'swearing at', 'pushed me', 'pushed him', 'pushed her', 'shoved'],
      remove: [],
    },
  },
  crowd_incident: {
    zh: {
      add: [
        '聚众',
        '围住',
        '围攻',
        '堵门',
        '堵住门口',
        '堵在门口',
        '占领',
        '示威',
        '游行',
        '静坐',
        '拉横幅/举横幅/打横幅/举牌',
        '一大群',
        '一伙人',
        '联名',
        '十多位/十多名/十多个人/十几个人/十几位/二十多位/二十多名/二十多人/几十人/几十个人/几十位/几十名/数十人/数十名/上百人/上百名',
      ],
      remove: ['十多位', '二十多位', '几十人'],
    },
    en: { add: ['protesters', 'staged a protest', 'sit-in', 'blockad'], remove: [] },
  },
  violence_threat: {
    zh: {
      add: [
        '被打',
        '殴打',
        '扇了',
        '耳光',
        '!自己动手',
        '!动手能力',
        '推搡',
        '推倒',
        '推了一把',
        '拉扯',
        '恐吓',
        '威胁/扬言/恐吓+打/砸/杀/弄死/动手/报复/捅/揍/放火',
        '弄死',
        '走着瞧',
      ],
      remove: [],
    },
    en: { add: ['hit me', 'pushed me', 'pushed him', 'pushed her', 'shoved'], remove: [] },
  },
}

/**
 * 4: a branch's saved keyword lists get the shipped words they lack, and lose the shipped words
 * found wrong; words the branch added or removed itself stay as they are.
 */
export const keywordLists: Migration = {
  version: 4,
  from: V3File,
  up: (old) => {
    const file = V3File.parse(old)
    const keywords = file.settings.workflow?.keywords
    if (!keywords) return old
    const next: Record<string, unknown> = { ...keywords }
    for (const [rule, langs] of Object.entries(DELTA)) {
      const saved = keywords[rule]
      if (!saved) continue
      const upgraded = { ...saved }
      for (const lang of ['zh', 'en'] as const) {
        const change = langs[lang]
        if (!change) continue
        const kept = saved[lang].filter((w) => !change.remove.includes(w))
        upgraded[lang] = [...kept, ...change.add.filter((w) => !kept.includes(w))]
      }
      next[rule] = upgraded
    }
    const settings = file.settings
    return { ...old, settings: { ...settings, workflow: { ...settings.workflow, keywords: next } } }
  },
}
