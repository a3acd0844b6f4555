import { useRef, useState, type ReactNode } from 'react'
import { useFieldArray, useForm, type Control, type FieldErrors, type Path, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Form, Radio, Row, Space } from 'antd'
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
import { ManagerApproval } from '@shared/schemas/common'
import { useApi } from '../apiContext'
import { useErrorText } from '../components/Field'
import { useFeedback } from '../ui/feedback'
import { useUnsavedGuard } from '../ui/unsaved'
import { TextAreaField, TextField } from '../ui/fields'
import { ApprovalFields } from '../components/ApprovalFields'
import { NO_APPROVAL } from './settings/approvalPrompt'
import { useApprovedAction } from './settings/approvalPrompt'
import { showRefusal, typedChanges } from './settings/refusal'

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

/** The paths of the form's errors ('steps.attend.en', 'avoidWords.zh.2.instead'…). */
function errorPaths(node: unknown, at: string[] = []): string[][] {
  if (!node || typeof node !== 'object') return []
  if ('message' in node && typeof (node as { message: unknown }).message === 'string') return [at]
  return Object.entries(node).flatMap(([k, v]) => (k === 'ref' ? [] : errorPaths(v, [...at, k])))
}

/**
 * Where a Playbook issue shows on the form: lists are edited as text, so an issue about one line
 * shows under its text box; a restatement or a word to avoid has a box of its own.
 */
function formPathOf(path: readonly PropertyKey[]): { path: string; lang: Lang | null } {
  const parts = path.map(String)
  const at = parts.findIndex((p) => p === 'zh' || p === 'en')
  const lang = at === -1 ? null : (parts[at] as Lang)
  const keepAll = parts[0] === 'restatements' || parts[0] === 'avoidWords' || at === -1
  return { path: (keepAll ? parts : parts.slice(0, at + 1)).join('.'), lang }
}

type Checked = { playbook: Playbook; approval: ManagerApproval }

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key] as Record<string, unknown> | undefined) ?? {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1)!] = value
}

/** Checks the form with the Playbook schema main checks the save with; each message under its box. */
function playbookResolver(book: () => Playbook): Resolver<FormShape> {
  return async (values) => {
    const parsed = Playbook.safeParse(fromForm(values, book()))
    const approval = ManagerApproval.safeParse(values.approval)
    if (parsed.success && approval.success) {
      return { values: { playbook: parsed.data, approval: approval.data } as unknown as FormShape, errors: {} }
    }
    const errors: Record<string, unknown> = {}
    const seen = new Set<string>()
    for (const issue of parsed.error?.issues ?? []) {
      const { path } = formPathOf(issue.path)
      if (seen.has(path)) continue
      seen.add(path)
      setPath(errors, path, { type: 'validate', message: issue.message })
    }
    for (const issue of approval.error?.issues ?? [])
      setPath(errors, `approval.${issue.path.join('.')}`, { type: 'validate', message: issue.message })
    return { values: {}, errors: errors as FieldErrors<FormShape> }
  }
}

/**
 * 设置 → 话术 (docs/domain.md §6): the scripts read aloud, what to do at each step, the
 * restatement per demand, words to avoid, the style traits and tips and the scenario templates.
 * Checked with the Playbook schema here and again in main, each problem under its box; saving
 * needs a manager's approval, 恢复默认 asks first in red.
 */
export function ScriptsSettingsForm({
  settings,
  managers,
  onSaved,
}: {
  settings: WorkflowSettings
  managers: StaffPublic[]
  onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const { success, confirmDanger } = useFeedback()
  const { run, holder } = useApprovedAction(managers)
  const approval = NO_APPROVAL
  // The language being edited follows the UI's until the manager picks one.
  const [picked, setLang] = useState<Lang | null>(null)
  const lang: Lang = picked ?? (i18n.language === 'en' ? 'en' : 'zh')
  const book = useRef(settings.playbook)
  const form = useForm<FormShape>({
    resolver: playbookResolver(() => book.current),
    defaultValues: toForm(settings.playbook, approval),
  })
  const changed = typedChanges(form.formState.dirtyFields)
  useUnsavedGuard(changed)
  const sectionName = (s: ScriptSection) => t(`scripts.sections.${s}`)
  // Sections with a problem, and whether some are in the language not on screen.
  const { approval: _a, root: _r, ...playbookErrors } = form.formState.errors
  const problems = errorPaths(playbookErrors)
  const invalidSections = SCRIPT_SECTION_IDS.filter((s) =>
    problems.some(([head]) => (SCRIPT_SECTIONS[s] as readonly string[]).includes(head)),
  )
  const other: Lang = lang === 'zh' ? 'en' : 'zh'
  const otherHasErrors = problems.some((p) => p.includes(other))
  const refusal = form.formState.errors.root?.server?.message

  /** Shows what main saved: the whole form after a save; after a reset only that section (other edits stay). */
  const saved = (next: Playbook, at: ScriptSection | 'save') => {
    book.current = next
    const fresh = toForm(next, { ...form.getValues('approval'), pin: approval.pin })
    if (at === 'save') form.reset(fresh)
    else for (const key of SCRIPT_SECTIONS[at]) form.resetField(key, { defaultValue: fresh[key] as never })
    onSaved()
  }

  const submit = form.handleSubmit(async (checked) => {
    const { playbook, approval: given } = checked as unknown as Checked
    const result = await api['scripts:update']({ playbook, approval: given })
    if (!result.ok) return showRefusal(result.error, form)
    saved(result.data, 'save')
    success(t('scripts.editor.saved'))
  })

  const reset = async (section: ScriptSection) => {
    const question = t('scripts.editor.resetConfirm', { section: sectionName(section) })
    const sure = await confirmDanger({ title: question, okText: t('scripts.editor.resetYes') })
    if (!sure) return
    const result = await run({ title: question, okText: t('scripts.editor.resetYes'), danger: true }, (a) =>
      api['scripts:reset']({ section, approval: a }),
    )
    if (!result?.ok) return
    saved(result.data, section)
    success(t('scripts.editor.resetDone', { section: sectionName(section) }))
  }

  const c = form.control
  const section = (id: ScriptSection, hint: string | null, content: ReactNode) => (
    <fieldset className="scripts-section" aria-labelledby={`scripts-${id}-title`}>
      <div className="scripts-section-head">
        <legend id={`scripts-${id}-title`}>{sectionName(id)}</legend>
        <Button
          size="small"
          danger
          htmlType="button"
          aria-label={`${t('scripts.editor.reset')}：${sectionName(id)}`}
          onClick={() => void reset(id)}
        >
          {t('scripts.editor.reset')}
        </Button>
      </div>
      {hint && <p className="hint">{hint}</p>}
      {content}
    </fieldset>
  )
  const area = (name: Path<FormShape>, label: string, rows = 3) => (
    <TextAreaField key={name} control={c} name={name} id={`scripts-${name}`} label={label} rows={rows} />
  )
  const hours = settings.deadlines.managerCallbackHours

  return (
    <Card title={<h2 className="card-title">{t('scripts.editor.title')}</h2>} size="small" className="scripts-editor">
      <Form component={false}>
        <form onSubmit={submit} noValidate aria-label={t('scripts.editor.title')}>
          <p className="hint">{t('scripts.editor.hint')}</p>
          <div className="lang-switch">
            <span id="scripts-lang-label">{t('scripts.editor.language')}：</span>
            <Radio.Group
              aria-labelledby="scripts-lang-label"
              value={lang}
              onChange={(e) => setLang(e.target.value as Lang)}
              options={LANGS.map((l) => ({ value: l, label: l === 'zh' ? '中文' : 'English' }))}
              optionType="button"
            />
          </div>
          {section(
            'restatements',
            t('scripts.editor.restatementHint'),
            <Row gutter={16}>
              {DEMANDS.map((d) => (
                <Col key={`${lang}-${d}`} xs={24} lg={12}>
                  {area(`restatements.${lang}.${d}`, t(`options.demand.${d}`), 2)}
                </Col>
              ))}
            </Row>,
          )}
          {section(
            'steps',
            t('scripts.editor.linesHint'),
            <Row gutter={16}>
              {LASTR_STEPS.map((s) => [
                <Col key={`${lang}-${s}-say`} xs={24} lg={12}>
                  {area(`steps.${s}.${lang}`, `${t(`wf.step.${s}`)} · ${t('scripts.editor.say')}`)}
                </Col>,
                <Col key={`${lang}-${s}-do`} xs={24} lg={12}>
                  {area(`guidance.${s}.${lang}`, `${t(`wf.step.${s}`)} · ${t('scripts.guidance')}`)}
                </Col>,
              ])}
            </Row>,
          )}
          {section(
            'questions',
            t('scripts.editor.questionsHint'),
            <Row gutter={16} key={`q-${lang}`}>
              <Col xs={24} lg={12}>
                {area(`openQuestions.${lang}`, t('wf.openQuestions'), 5)}
              </Col>
              <Col xs={24} lg={12}>
                {area(`closedQuestions.${lang}`, t('wf.closedQuestions'), 5)}
              </Col>
            </Row>,
          )}
          {section(
            'expectations',
            t('scripts.editor.escalationHint', { hours }),
            <Row gutter={16} key={`e-${lang}`}>
              <Col xs={24} lg={12}>
                {area(`expectations.${lang}`, t('scripts.expectations'), 4)}
              </Col>
              <Col xs={24} lg={12}>
                {area(`escalation.${lang}`, t('scripts.escalationTitle'), 2)}
              </Col>
            </Row>,
          )}
          {section('avoidWords', null, <AvoidPairs key={`a-${lang}`} control={c} lang={lang} />)}
          {section(
            'styles',
            t('scripts.editor.linesHint'),
            <Row gutter={16}>
              {CUSTOMER_STYLES.map((s) => [
                <Col key={`${lang}-${s}-traits`} xs={24} lg={12}>
                  {area(`styleTraits.${s}.${lang}`, `${t(`options.customerStyle.${s}`)} · ${t('scripts.traits')}`)}
                </Col>,
                <Col key={`${lang}-${s}-tips`} xs={24} lg={12}>
                  {area(`styleTips.${s}.${lang}`, `${t(`options.customerStyle.${s}`)} · ${t('scripts.tips')}`)}
                </Col>,
              ])}
            </Row>,
          )}
          {section(
            'scenarios',
            t('scripts.editor.linesHint'),
            <Row gutter={16}>
              {CATEGORIES.map((cat) => (
                <Col key={`${lang}-${cat}`} xs={24} lg={12}>
                  {area(`scenarios.${cat}.${lang}`, t(`options.category.${cat}`), 3)}
                </Col>
              ))}
            </Row>,
          )}
          <ApprovalFields control={c} managers={managers} idPrefix="scripts" />
          {invalidSections.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              message={`${t('scripts.editor.invalid')}${invalidSections.map(sectionName).join('、')}`}
              action={
                otherHasErrors && (
                  <Button size="small" htmlType="button" onClick={() => setLang(other)}>
                    {t('scripts.editor.showLanguage', { language: other === 'zh' ? '中文' : 'English' })}
                  </Button>
                )
              }
            />
          )}
          {refusal && <Alert type="error" showIcon role="alert" message={errorText(refusal)} />}
          <Space className="form-actions">
            <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
              {t('scripts.editor.save')}
            </Button>
          </Space>
        </form>
      </Form>
      {holder}
    </Card>
  )
}

function AvoidPairs({ control, lang }: { control: Control<FormShape>; lang: Lang }) {
  const { t } = useTranslation()
  const rows = useFieldArray({ control, name: `avoidWords.${lang}` })
  return (
    <div>
      {rows.fields.map((f, i) => (
        <Row key={f.id} gutter={12} align="top" role="group" aria-label={`${t('scripts.avoid')} ${i + 1}`}>
          <Col xs={24} md={8}>
            <TextField
              control={control}
              name={`avoidWords.${lang}.${i}.avoid`}
              id={`scripts-avoid-${lang}-${i}`}
              label={`${t('scripts.avoid')} ${i + 1}`}
            />
          </Col>
          <Col xs={24} md={13}>
            <TextField
              control={control}
              name={`avoidWords.${lang}.${i}.instead`}
              id={`scripts-instead-${lang}-${i}`}
              label={`${t('scripts.instead')} ${i + 1}`}
            />
          </Col>
          <Col xs={24} md={3}>
            <Form.Item label=" " colon={false} layout="vertical">
              <Button htmlType="button" onClick={() => rows.remove(i)} aria-label={`${t('settings.remove')} ${i + 1}`}>
                {t('settings.remove')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Button htmlType="button" onClick={() => rows.append({ avoid: '', instead: '' })}>
        {t('scripts.editor.addPair')}
      </Button>
    </div>
  )
}
