import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { zhCN } from '@shared/i18n/zh-CN'
import { createI18n, translateValidation } from '@shared/i18n'
import { CATEGORIES, CASE_STATUSES, CHANNELS, DEMANDS, SITUATIONS } from '@shared/values/options'
import { ERROR_CODES } from '@shared/ipc/result'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('i18n', () => {
  it('has the same keys in zh-CN and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('labels every option and error code in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { t, exists } = createI18n(lang)
      const needed = [
        ...CATEGORIES.map((c) => `options.category.${c}`),
        ...CASE_STATUSES.map((s) => `options.status.${s}`),
        ...CHANNELS.map((c) => `options.channel.${c}`),
        ...DEMANDS.map((d) => `options.demand.${d}`),
        ...SITUATIONS.map((s) => `options.situations.${s}`),
        ...ERROR_CODES.map((c) => `errors.${c}`),
      ]
      expect(needed.filter((k) => !exists(k))).toEqual([])
      expect(t('actions.newCase')).toBe(lang === 'zh-CN' ? '新建投诉' : 'New complaint')
    }
  })

  it('uses the words of docs/domain.md §11 for the primary actions and states', () => {
    const { t } = createI18n('zh-CN')
    expect(
      ['actions.save', 'actions.signIn', 'actions.signOut', 'nav.cases', 'nav.settings', 'options.status.voided'].map(
        (k) => t(k),
      ),
    ).toEqual(['保存', '登录', '退出', '投诉列表', '设置', '已作废'])
  })

  it('translates parametrised validation keys', () => {
    const zh = createI18n('zh-CN').t
    const english = createI18n('en').t
    expect(translateValidation(zh, 'validation.tooLong:30')).toBe('最多 30 个字')
    expect(translateValidation(english, 'validation.phone')).toMatch(/mobile/)
    expect(translateValidation(zh, 'something zod said')).toBe('格式不正确')
  })
})
