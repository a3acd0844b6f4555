import { useState, type ReactNode } from 'react'
import { useFieldArray, useForm, type Control, type UseFormRegister } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { LASTR_STEPS } from '@shared/schemas/workflow'
import {
  CATEGORIES,
  CUSTOMER_STYLES,
  DEMANDS,
  type Category,
  type CustomerStyle,
  type Demand,
} from '@shared/values/options'
import { Playbook, type AvoidPair, type WorkflowSettings } from '@shared/schemas/settings'
import { SCRIPT_SECTIONS, SCRIPT_SECTION_IDS, type ScriptSection } from '@shared/domain/playbook'
import type { LastrStep } from '@shared/schemas/workflow'
import type { StaffPublic } from '@shared/schemas/staff'
import type { ApiError } from '@shared/ipc/result'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { useErrorText } from '../components/Field'
import { Notice } from '../components/Notice'
import '../case/scripts.css'

type Lang = 'zh' | 'en'
const LANGS: readonly Lang[] = ['zh', 'en']
type PerLang<T> = Record<Lang, T>

/** The playbook as the form holds it: every list as text, one line per item. */
interface FormShape {
  restatements: PerLang<Record<Demand, string>>
  steps: Record<LastrStep, PerLang<string>>
  guidance: Record<LastrStep, PerLang<string>>
  openQuestions: PerLang<string>
  closedQuestions: PerLang<string>
  expectations: PerLang<string>
  escalation: PerLang<string>
  avoidWords: PerLang<AvoidPair[]>
  styleTraits: Record<CustomerStyle, PerLang<string>>
  styleTips: Record<CustomerStyle, PerLang<string>>
  scenarios: Record<Category, PerLang<string>>
  approval: { managerId: string; pin: string }
}

const joinLines = (l: { zh: string[]; en: string[] } | undefined): PerLang<string> => ({
  zh: (l?.zh ?? []).join('\n'),
  en: (l?.en ?? []).join('\n'),
})
const splitLines = (l: PerLang<string>) => ({
  zh: l.zh
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
  en: l.en
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
})
const byKey = <K extends string, V>(keys: readonly K[], f: (k: K) => V) =>
  Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>

function toForm(book: Playbook, approval: FormShape['approval']): FormShape {
  return {
    restatements: structuredClone(book.restatements),
    steps: byKey(LASTR_STEPS, (s) => joinLines(book.steps[s])),
    guidance: byKey(LASTR_STEPS, (s) => joinLines(book.guidance[s])),
    openQuestions: joinLines(book.openQuestions),
    closedQuestions: joinLines(book.closedQuestions),
    expectations: joinLines(book.expectations),
    escalation: { ...book.escalation },
    avoidWords: structuredClone(book.avoidWords),
    styleTraits: byKey(CUSTOMER_STYLES, (s) => joinLines(book.styleTraits[s])),
    styleTips: byKey(CUSTOMER_STYLES, (s) => joinLines(book.styleTips[s])),
    scenarios: byKey(CATEGORIES, (c) => joinLines(book.scenarios[c])),
    approval,
  }
}

function fromForm(v: FormShape, book: Playbook): Playbook {
  const scenarios: Playbook['scenarios'] = {}
  for (const c of CATEGORIES) {
    const l = splitLines(v.scenarios[c])
    if (l.zh.length > 0 || l.en.length > 0) scenarios[c] = l
  }
  const pairs = (list: AvoidPair[]) =>
    list
      .map((p) => ({ avoid: p.avoid.trim(), instead: p.instead.trim() }))
      .filter((p) => p.avoid !== '' || p.instead !== '')
  return {
    ...book,
    restatements: v.restatements,
    steps: byKey(LASTR_STEPS, (s) => splitLines(v.steps[s])),
    guidance: byKey(LASTR_STEPS, (s) => splitLines(v.guidance[s])),
    openQuestions: splitLines(v.openQuestions),
    closedQuestions: splitLines(v.closedQuestions),
    expectations: splitLines(v.expectations),
    escalation: v.escalation,
    avoidWords: { zh: pairs(v.avoidWords.zh), en: pairs(v.avoidWords.en) },
    styleTraits: byKey(CUSTOMER_STYLES, (s) => splitLines(v.styleTraits[s])),
    styleTips: byKey(CUSTOMER_STYLES, (s) => splitLines(v.styleTips[s])),
    scenarios,
  }
}

/** The section a playbook field belongs to (for naming where a problem is). */
const sectionOf = (field: string): ScriptSection =>
  SCRIPT_SECTION_IDS.find((s) => (SCRIPT_SECTIONS[s] as readonly string[]).includes(field)) ?? 'steps'

/**
 * 设置 → 话术与提示 (docs/domain.md §6): the scripts read aloud, what to do at each step, the
 * restatement per demand, words to avoid, the style traits and tips and the scenario templates.
 * Checked with the Playbook schema here and again in main; saving and 恢复默认 need a manager's PIN.
 */
export function ScriptsSettingsForm({
  settings,
  managers,
  approver,
  onSaved,
}: {
  settings: WorkflowSettings
  managers: StaffPublic[]
  approver: string
  onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  // The language being edited follows the UI's until the manager picks one.
  const [picked, setLang] = useState<Lang | null>(null)
  const lang: Lang = picked ?? (i18n.language === 'en' ? 'en' : 'zh')
  const [book, setBook] = useState(settings.playbook)
  // A message shows where the action was taken: under a section for its reset, by the save button for a save.
  const [banner, setBanner] = useState<{
    kind: 'success' | 'error'
    text: ReactNode
    at: ScriptSection | 'save'
  } | null>(null)
  const [confirming, setConfirming] = useState<ScriptSection | null>(null)
  const [resetApproval, setResetApproval] = useState({ managerId: approver, pin: '' })
  const form = useForm<FormShape>({ defaultValues: toForm(settings.playbook, { managerId: approver, pin: '' }) })
  const { register } = form

  const sectionName = (s: ScriptSection) => t(`scripts.sections.${s}`)
  const refused = (error: ApiError, at: ScriptSection | 'save') => {
    const issues = error.issues ?? []
    setBanner({
      at,
      kind: 'error',
      text: (
        <>
          {error.message}
          {issues.length > 0 && (
            <ul>
              {issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          )}
        </>
      ),
    })
  }
  /** Shows what main saved: the whole form after a save; after a reset only that section (other edits stay). */
  const saved = (next: Playbook, at: ScriptSection | 'save', text: string) => {
    setBook(next)
    const fresh = toForm(next, { managerId: form.getValues('approval.managerId'), pin: '' })
    if (at === 'save') form.reset(fresh)
    else for (const key of SCRIPT_SECTIONS[at]) form.resetField(key, { defaultValue: fresh[key] as never })
    setBanner({ kind: 'success', text, at })
    onSaved()
  }

  const submit = form.handleSubmit(async (v) => {
    setBanner(null)
    setConfirming(null)
    const playbook = fromForm(v, book)
    // The same schema main checks with: say which section and what is wrong, in the reader's language.
    const parsed = Playbook.safeParse(playbook)
    if (!parsed.success) {
      return setBanner({
        at: 'save',
        kind: 'error',
        text: (
          <>
            {t('scripts.editor.invalid')}
            <ul>
              {parsed.error.issues.map((i, n) => (
                <li key={n}>
                  {sectionName(sectionOf(String(i.path[0])))}（{i.path.slice(1).join(' › ')}）：{errorText(i.message)}
                </li>
              ))}
            </ul>
          </>
        ),
      })
    }
    const result = await api['scripts:update']({ playbook: parsed.data, approval: v.approval })
    form.resetField('approval.pin')
    if (!result.ok) return refused(result.error, 'save')
    saved(result.data, 'save', t('scripts.editor.saved'))
  })

  const reset = async (section: ScriptSection) => {
    setBanner(null)
    const result = await api['scripts:reset']({ section, approval: { ...resetApproval } })
    setResetApproval((a) => ({ ...a, pin: '' }))
    if (!result.ok) return refused(result.error, section)
    setConfirming(null)
    saved(result.data, section, t('scripts.editor.resetDone', { section: sectionName(section) }))
  }
  const notice = (at: ScriptSection | 'save') => banner?.at === at && <Notice kind={banner.kind}>{banner.text}</Notice>

  const section = (id: ScriptSection, hint: string | null, body: ReactNode) => (
    <fieldset className="scripts-section" aria-labelledby={`scripts-${id}-title`}>
      <legend id={`scripts-${id}-title`}>{sectionName(id)}</legend>
      {hint && <p className="hint">{hint}</p>}
      {body}
      <div className="actions">
        {confirming === id ? (
          // 恢复默认 asks first, with the approving manager's PIN right here.
          <div
            className="reset-confirm"
            role="group"
            aria-label={t('scripts.editor.resetConfirm', { section: sectionName(id) })}
          >
            <p className="confirm-text">{t('scripts.editor.resetConfirm', { section: sectionName(id) })}</p>
            <label className="field">
              {t('settings.approver')}
              <select
                value={resetApproval.managerId}
                onChange={(e) => setResetApproval((a) => ({ ...a, managerId: e.target.value }))}
              >
                <option value="">{t('intake.selectPlaceholder')}</option>
                {managers.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('settings.approverPin')}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={resetApproval.pin}
                onChange={(e) => setResetApproval((a) => ({ ...a, pin: e.target.value }))}
              />
            </label>
            <button type="button" className="danger" onClick={() => void reset(id)}>
              {t('scripts.editor.resetYes')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            aria-label={`${t('scripts.editor.reset')}：${sectionName(id)}`}
            onClick={() => {
              setBanner(null)
              setConfirming(id)
            }}
          >
            {t('scripts.editor.reset')}
          </button>
        )}
      </div>
      {notice(id)}
    </fieldset>
  )
  const area = (name: Parameters<UseFormRegister<FormShape>>[0], label: string, rows = 3) => (
    <label key={name} className="field">
      {label}
      <textarea rows={rows} {...register(name)} />
    </label>
  )
  const hours = settings.deadlines.managerCallbackHours

  return (
    <form className="card scripts-editor" onSubmit={submit} noValidate aria-labelledby="scripts-title">
      <h2 id="scripts-title">{t('scripts.editor.title')}</h2>
      <p className="hint">{t('scripts.editor.hint')}</p>
      <div className="lang-switch" role="radiogroup" aria-label={t('scripts.editor.language')}>
        {t('scripts.editor.language')}：
        {LANGS.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="scripts-lang" checked={lang === l} onChange={() => setLang(l)} />{' '}
            {l === 'zh' ? '中文' : 'English'}
          </label>
        ))}
      </div>
      {section(
        'restatements',
        t('scripts.editor.restatementHint'),
        <div className="grid">
          {DEMANDS.map((d) => (
            <label key={`${lang}-${d}`} className="field field-wide">
              {t(`options.demand.${d}`)}
              <textarea rows={2} {...register(`restatements.${lang}.${d}`)} />
            </label>
          ))}
        </div>,
      )}
      {section(
        'steps',
        t('scripts.editor.linesHint'),
        <div className="grid">
          {LASTR_STEPS.map((s) => (
            <div key={`${lang}-${s}`} className="field-wide two-cols">
              {area(`steps.${s}.${lang}`, `${t(`wf.step.${s}`)} · ${t('scripts.editor.say')}`)}
              {area(`guidance.${s}.${lang}`, `${t(`wf.step.${s}`)} · ${t('scripts.guidance')}`)}
            </div>
          ))}
        </div>,
      )}
      {section(
        'questions',
        t('scripts.editor.questionsHint'),
        <div className="two-cols" key={`q-${lang}`}>
          {area(`openQuestions.${lang}`, t('wf.openQuestions'), 5)}
          {area(`closedQuestions.${lang}`, t('wf.closedQuestions'), 5)}
        </div>,
      )}
      {section(
        'expectations',
        t('scripts.editor.escalationHint', { hours }),
        <div className="two-cols" key={`e-${lang}`}>
          {area(`expectations.${lang}`, t('scripts.expectations'), 4)}
          <label className="field">
            {t('scripts.escalationTitle')}
            <textarea rows={2} {...register(`escalation.${lang}`)} />
          </label>
        </div>,
      )}
      {section(
        'avoidWords',
        null,
        <AvoidPairs key={`a-${lang}`} control={form.control} register={register} lang={lang} />,
      )}
      {section(
        'styles',
        t('scripts.editor.linesHint'),
        <div className="grid">
          {CUSTOMER_STYLES.map((s) => (
            <div key={`${lang}-${s}`} className="field-wide two-cols">
              {area(`styleTraits.${s}.${lang}`, `${t(`options.customerStyle.${s}`)} · ${t('scripts.traits')}`)}
              {area(`styleTips.${s}.${lang}`, `${t(`options.customerStyle.${s}`)} · ${t('scripts.tips')}`)}
            </div>
          ))}
        </div>,
      )}
      {section(
        'scenarios',
        t('scripts.editor.linesHint'),
        <div className="grid">
          {CATEGORIES.map((c) => area(`scenarios.${c}.${lang}`, t(`options.category.${c}`), 3))}
        </div>,
      )}
      <ApprovalFields idPrefix="scripts" managers={managers} control={form.control} />
      {notice('save')}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('scripts.editor.save')}
        </button>
      </div>
    </form>
  )
}

function AvoidPairs({
  control,
  register,
  lang,
}: {
  control: Control<FormShape>
  register: UseFormRegister<FormShape>
  lang: Lang
}) {
  const { t } = useTranslation()
  const rows = useFieldArray({ control, name: `avoidWords.${lang}` })
  return (
    <div>
      {rows.fields.map((f, i) => (
        <div key={f.id} className="contact-row avoid-row">
          <input
            aria-label={`${t('scripts.avoid')} ${i + 1}`}
            placeholder={t('scripts.avoid')}
            {...register(`avoidWords.${lang}.${i}.avoid`)}
          />
          <span aria-hidden="true">→</span>
          <input
            aria-label={`${t('scripts.instead')} ${i + 1}`}
            placeholder={t('scripts.instead')}
            {...register(`avoidWords.${lang}.${i}.instead`)}
          />
          <button type="button" onClick={() => rows.remove(i)}>
            {t('settings.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => rows.append({ avoid: '', instead: '' })}>
        {t('scripts.editor.addPair')}
      </button>
    </div>
  )
}
