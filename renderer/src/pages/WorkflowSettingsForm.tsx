import { useRef, type ReactNode } from 'react'
import { Controller, useFieldArray, useForm, type Control, type FieldErrors, type Resolver } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Checkbox, Col, Form, Row, Space } from 'antd'
import { CATEGORIES, GOODWILL_FORMS, KEYWORD_RULES } from '@shared/values/options'
import { formatFen, parseYuanToFen } from '@shared/values/money'
import { v } from '@shared/values/messages'
import { ManagerApproval } from '@shared/schemas/common'
import { WorkflowPolicy, type WorkflowSettings } from '@shared/schemas/settings'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { useFeedback } from '../ui/feedback'
import { useUnsavedGuard } from '../ui/unsaved'
import { AmountField, SelectField, TextAreaField, TextField, FormItem } from '../ui/fields'
import { ApprovalFields } from '../components/ApprovalFields'
import { NO_APPROVAL } from './settings/approvalPrompt'
import { showRefusal, typedChanges } from './settings/refusal'
import { PlainTable } from './settings/PlainTable'

export type PolicySection = 'rules' | 'compensation' | 'keywords' | 'privacy' | 'backups'

type DeadlineKey = keyof WorkflowSettings['deadlines']
const DEADLINES: DeadlineKey[] = [
  'class1ResolveHours',
  'class2FirstResponseHours',
  'class2ResolveDays',
  'class2ReportHours',
  'followUpAfterDays',
  'followUpWithinDays',
  'commitmentDueSoonHours',
  'managerCallbackHours',
]
const COUNTS = ['repeatCustomerDays', 'categoryPatternDays', 'categoryPatternCount'] as const
const CATALOGUE_FORMS = ['gift', 'free_service', 'onsite_service'] as const

/** Every field of every section as the form holds it: amounts and numbers as typed, lists as lines. */
interface FormShape {
  authorityLimit: string
  largeLoss: string
  counts: Record<(typeof COUNTS)[number], string>
  deadlines: Record<DeadlineKey, string>
  keywords: Record<string, { zh: string; en: string }>
  comp: {
    coupons: string
    capPercent: string
    capMin: string
    pointsPerYuan: string
    catalogue: { form: (typeof CATALOGUE_FORMS)[number]; name: string; value: string }[]
    suggestions: Record<string, string[]>
  }
  retentionNote: string
  retentionMonths: string
  reportFullPhone: boolean
  backupKeep: string
  approval: { managerId: string; pin: string }
}

const toLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
/** A whole number as typed; anything else reads as NaN, which the schema refuses in words. */
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

function toForm(s: WorkflowSettings, approval: FormShape['approval']): FormShape {
  return {
    authorityLimit: formatFen(s.authorityLimitFen),
    largeLoss: formatFen(s.largeLossFen),
    counts: {
      repeatCustomerDays: String(s.repeatCustomerDays),
      categoryPatternDays: String(s.categoryPatternDays),
      categoryPatternCount: String(s.categoryPatternCount),
    },
    deadlines: Object.fromEntries(DEADLINES.map((k) => [k, String(s.deadlines[k])])) as FormShape['deadlines'],
    keywords: Object.fromEntries(
      KEYWORD_RULES.map((r) => [r, { zh: s.keywords[r].zh.join('\n'), en: s.keywords[r].en.join('\n') }]),
    ),
    comp: {
      coupons: s.compensation.coupons.map(formatFen).join(', '),
      capPercent: String(s.compensation.goodwillCapPercent),
      capMin: formatFen(s.compensation.goodwillCapMinFen),
      pointsPerYuan: String(s.compensation.pointsPerYuan),
      catalogue: s.compensation.catalogue.map((i) => ({ form: i.form, name: i.name, value: formatFen(i.valueFen) })),
      suggestions: Object.fromEntries(CATEGORIES.map((c) => [c, [...(s.compensation.suggestions[c] ?? [])]])),
    },
    retentionNote: s.retentionNote,
    retentionMonths: s.retentionMonths ? String(s.retentionMonths) : '',
    reportFullPhone: s.reportFullPhone === true,
    backupKeep: String(s.backupKeep),
    approval,
  }
}

type Problem = [path: string, message: string]
/** What the resolver hands the submit: the policy and approval as main takes them. */
type Checked = { policy: WorkflowPolicy; approval: ManagerApproval }

/**
 * The policy with this section's fields taken from the form and the rest as main has it now,
 * and the amounts that could not be read (their field, the message).
 */
function toPolicy(section: PolicySection, f: FormShape, s: WorkflowSettings): { policy: unknown; problems: Problem[] } {
  const problems: Problem[] = []
  const fen = (text: string, path: string) => {
    try {
      const value = parseYuanToFen(text)
      if (value === null) problems.push([path, v.required])
      return value ?? 0
    } catch {
      problems.push([path, v.amount])
      return 0
    }
  }
  const { managerContacts: _c, serviceContact: _s, ...policy } = s
  if (section === 'rules') {
    return {
      policy: {
        ...policy,
        authorityLimitFen: fen(f.authorityLimit, 'authorityLimit'),
        largeLossFen: fen(f.largeLoss, 'largeLoss'),
        repeatCustomerDays: whole(f.counts.repeatCustomerDays),
        categoryPatternDays: whole(f.counts.categoryPatternDays),
        categoryPatternCount: whole(f.counts.categoryPatternCount),
        deadlines: Object.fromEntries(DEADLINES.map((k) => [k, whole(f.deadlines[k])])),
      },
      problems,
    }
  }
  if (section === 'compensation') {
    const coupons = f.comp.coupons.split(/[,，、\s]+/).filter(Boolean)
    return {
      policy: {
        ...policy,
        compensation: {
          goodwillCapPercent: whole(f.comp.capPercent),
          goodwillCapMinFen: fen(f.comp.capMin, 'comp.capMin'),
          coupons: coupons.map((c) => fen(c, 'comp.coupons')),
          pointsPerYuan: whole(f.comp.pointsPerYuan),
          catalogue: f.comp.catalogue.map((i, n) => ({
            form: i.form,
            name: i.name.trim(),
            valueFen: fen(i.value, `comp.catalogue.${n}.value`),
          })),
          suggestions: Object.fromEntries(CATEGORIES.map((c) => [c, f.comp.suggestions[c] ?? []])),
        },
      },
      problems,
    }
  }
  if (section === 'keywords') {
    return {
      policy: {
        ...policy,
        keywords: Object.fromEntries(
          KEYWORD_RULES.map((r) => [r, { zh: toLines(f.keywords[r].zh), en: toLines(f.keywords[r].en) }]),
        ),
      },
      problems,
    }
  }
  if (section === 'privacy') {
    return {
      policy: {
        ...policy,
        retentionNote: f.retentionNote,
        retentionMonths: f.retentionMonths.trim() === '' ? null : whole(f.retentionMonths),
        reportFullPhone: f.reportFullPhone,
      },
      problems,
    }
  }
  return { policy: { ...policy, backupKeep: whole(f.backupKeep) }, problems }
}

/** Where a schema issue about the policy shows on the form (null: not one of this form's fields). */
function formPath(path: readonly PropertyKey[]): string | null {
  const [head, ...rest] = path.map(String)
  switch (head) {
    case 'authorityLimitFen':
      return 'authorityLimit'
    case 'largeLossFen':
      return 'largeLoss'
    case 'repeatCustomerDays':
    case 'categoryPatternDays':
    case 'categoryPatternCount':
      return `counts.${head}`
    case 'deadlines':
      return `deadlines.${rest[0]}`
    case 'keywords':
      return `keywords.${rest[0]}.${rest[1]}`
    case 'compensation': {
      const [field, index, item] = rest
      if (field === 'goodwillCapPercent') return 'comp.capPercent'
      if (field === 'goodwillCapMinFen') return 'comp.capMin'
      if (field === 'pointsPerYuan') return 'comp.pointsPerYuan'
      if (field === 'coupons') return 'comp.coupons'
      if (field === 'catalogue' && index !== undefined)
        return `comp.catalogue.${index}.${item === 'valueFen' ? 'value' : (item ?? 'name')}`
      return null
    }
    case 'retentionNote':
    case 'retentionMonths':
    case 'reportFullPhone':
    case 'backupKeep':
      return head
    default:
      return null
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key] as Record<string, unknown> | undefined) ?? {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1)!] = value
}

/**
 * Checks the form with the schema main checks the save with (WorkflowPolicy, ManagerApproval),
 * each message under the field it is about; what belongs to no field of this form goes on top.
 */
function policyResolver(section: PolicySection, current: () => WorkflowSettings): Resolver<FormShape> {
  return async (values) => {
    const { policy, problems } = toPolicy(section, values, current())
    const parsed = WorkflowPolicy.safeParse(policy)
    const approval = ManagerApproval.safeParse(values.approval)
    const all: Problem[] = [...problems]
    const add = (path: string, message: string) => {
      if (!all.some(([p]) => p === path)) all.push([path, message])
    }
    for (const issue of parsed.error?.issues ?? []) add(formPath(issue.path) ?? 'root.policy', issue.message)
    for (const issue of approval.error?.issues ?? []) add(`approval.${issue.path.join('.')}`, issue.message)
    if (all.length === 0 && parsed.success && approval.success) {
      // handleSubmit receives what main will be sent (see Checked), not the form's text.
      return { values: { policy: parsed.data, approval: approval.data } as unknown as FormShape, errors: {} }
    }
    const errors: Record<string, unknown> = {}
    for (const [path, message] of all) setPath(errors, path, { type: 'validate', message })
    return { values: {}, errors: errors as FieldErrors<FormShape> }
  }
}

/**
 * One part of the branch policy (设置 → 处理规则, 补偿, 关键词, 通用, 数据与备份): its own form and
 * save, with a manager's approval. The rest of the policy goes back as main has it, so saving
 * one part never undoes another's.
 */
export function PolicySectionForm({
  section,
  settings,
  managers,
  onSaved,
}: {
  section: PolicySection
  settings: WorkflowSettings
  managers: StaffPublic[]
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { success } = useFeedback()
  const approval = NO_APPROVAL
  const current = useRef(settings)
  current.current = settings
  const form = useForm<FormShape>({
    resolver: policyResolver(section, () => current.current),
    defaultValues: toForm(settings, approval),
  })
  const changed = typedChanges(form.formState.dirtyFields)
  useUnsavedGuard(changed)
  const title = t(`settings.sections.${section}`)
  const submit = form.handleSubmit(async (checked) => {
    const { policy, approval: given } = checked as unknown as Checked
    const result = await api['settings:update']({ workflow: policy, approval: given })
    if (!result.ok) return showRefusal(result.error, form)
    form.reset(toForm(result.data, { ...given, pin: approval.pin }))
    success(t('settings.savedSection', { section: title }))
    onSaved()
  })
  const e = form.formState.errors as FieldErrors<FormShape> & { root?: { policy?: { message?: string } } }
  const refusal = e.root?.server?.message ?? e.root?.policy?.message
  const c = form.control
  const body: Record<PolicySection, () => ReactNode> = {
    rules: () => <RulesFields control={c} />,
    compensation: () => <CompensationFields control={c} />,
    keywords: () => <KeywordFields control={c} />,
    privacy: () => <PrivacyFields control={c} />,
    backups: () => (
      <Row>
        <Col xs={24} md={8}>
          <TextField
            control={c}
            name="backupKeep"
            id="policy-backupKeep"
            label={t('settings.backupKeep')}
            inputMode="numeric"
            required
          />
        </Col>
      </Row>
    ),
  }
  return (
    <Card title={<h2 className="card-title">{title}</h2>} size="small">
      <Form component={false}>
        <form onSubmit={submit} noValidate aria-label={title} className="policy-form">
          {body[section]()}
          <ApprovalFields control={c} managers={managers} idPrefix={`policy-${section}`} />
          {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
          <Space className="form-actions">
            <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
              {t('actions.save')}
            </Button>
            <Button htmlType="button" disabled={!changed} onClick={() => form.reset()}>
              {t('settings.undoChanges')}
            </Button>
          </Space>
        </form>
      </Form>
    </Card>
  )
}

function RulesFields({ control }: { control: Control<FormShape> }) {
  const { t } = useTranslation()
  const number = (name: `counts.${(typeof COUNTS)[number]}` | `deadlines.${DeadlineKey}`, label: string) => (
    <Col key={name} xs={24} md={12} xl={6}>
      <TextField control={control} name={name} id={`policy-${name}`} label={label} inputMode="numeric" required />
    </Col>
  )
  return (
    <>
      <h3>{t('settings.limits')}</h3>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <AmountField
            control={control}
            name="authorityLimit"
            id="policy-authorityLimit"
            label={t('settings.authorityLimit')}
            required
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <AmountField
            control={control}
            name="largeLoss"
            id="policy-largeLoss"
            label={t('settings.largeLoss')}
            required
          />
        </Col>
        {COUNTS.map((k) => number(`counts.${k}`, t(`settings.counts.${k}`)))}
      </Row>
      <h3>{t('settings.deadlines')}</h3>
      <Row gutter={16}>{DEADLINES.map((k) => number(`deadlines.${k}`, t(`settings.deadlineLabels.${k}`)))}</Row>
    </>
  )
}

function CompensationFields({ control }: { control: Control<FormShape> }) {
  const { t } = useTranslation()
  const catalogue = useFieldArray({ control, name: 'comp.catalogue' })
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <TextField control={control} name="comp.coupons" id="policy-coupons" label={t('settings.coupons')} required />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TextField
            control={control}
            name="comp.capPercent"
            id="policy-capPercent"
            label={t('settings.capPercent')}
            inputMode="numeric"
            required
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <AmountField control={control} name="comp.capMin" id="policy-capMin" label={t('settings.capMin')} required />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <TextField
            control={control}
            name="comp.pointsPerYuan"
            id="policy-pointsPerYuan"
            label={t('settings.pointsPerYuan')}
            inputMode="numeric"
            required
          />
        </Col>
      </Row>
      <h3>{t('settings.catalogue')}</h3>
      {catalogue.fields.map((f, i) => (
        <Row key={f.id} gutter={12} align="bottom" role="group" aria-label={`${t('settings.catalogue')} ${i + 1}`}>
          <Col xs={24} md={6}>
            <SelectField
              control={control}
              name={`comp.catalogue.${i}.form`}
              id={`policy-catalogue-${i}-form`}
              label={t('comp.item')}
              options={CATALOGUE_FORMS.map((x) => ({ value: x, label: t(`comp.forms.${x}`) }))}
            />
          </Col>
          <Col xs={24} md={10}>
            <TextField
              control={control}
              name={`comp.catalogue.${i}.name`}
              id={`policy-catalogue-${i}-name`}
              label={t('settings.itemName')}
              required
            />
          </Col>
          <Col xs={16} md={5}>
            <AmountField
              control={control}
              name={`comp.catalogue.${i}.value`}
              id={`policy-catalogue-${i}-value`}
              label={t('comp.itemValue')}
              required
            />
          </Col>
          <Col xs={8} md={3}>
            <Form.Item label=" " colon={false}>
              <Button
                htmlType="button"
                onClick={() => catalogue.remove(i)}
                aria-label={`${t('settings.remove')} ${i + 1}`}
              >
                {t('settings.remove')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Button htmlType="button" onClick={() => catalogue.append({ form: 'gift', name: '', value: '' })}>
        {t('settings.addItem')}
      </Button>
      <h3>{t('settings.suggestions')}</h3>
      <PlainTable<(typeof CATEGORIES)[number]>
        label={t('settings.suggestions')}
        rows={CATEGORIES}
        rowKey={(c) => c}
        empty=""
        columns={[
          { title: t('fields.category'), key: 'category', render: (c) => t(`options.category.${c}`) },
          ...GOODWILL_FORMS.map((g) => ({
            title: t(`comp.forms.${g}`),
            key: g,
            align: 'center' as const,
            render: (category: string) => (
              <Controller
                control={control}
                name={`comp.suggestions.${category}`}
                render={({ field }) => {
                  const list = (field.value as string[] | undefined) ?? []
                  return (
                    <Checkbox
                      checked={list.includes(g)}
                      aria-label={`${t(`options.category.${category}`)} ${t(`comp.forms.${g}`)}`}
                      onChange={(e) => field.onChange(e.target.checked ? [...list, g] : list.filter((x) => x !== g))}
                    />
                  )
                }}
              />
            ),
          })),
        ]}
      />
    </>
  )
}

function KeywordFields({ control }: { control: Control<FormShape> }) {
  const { t } = useTranslation()
  return (
    <>
      <Alert type="info" showIcon message={t('settings.keywordsHint')} style={{ marginBottom: 12 }} />
      <Row gutter={[16, 8]}>
        {KEYWORD_RULES.map((r) => (
          <Col key={r} xs={24} lg={12}>
            <fieldset className="keyword-rule" aria-label={t(`rules.${r}`)}>
              <legend>{t(`rules.${r}`)}</legend>
              <Row gutter={12}>
                <Col span={14}>
                  <TextAreaField
                    control={control}
                    name={`keywords.${r}.zh`}
                    id={`policy-keywords-${r}-zh`}
                    label="中文"
                    rows={3}
                  />
                </Col>
                <Col span={10}>
                  <TextAreaField
                    control={control}
                    name={`keywords.${r}.en`}
                    id={`policy-keywords-${r}-en`}
                    label="English"
                    rows={3}
                  />
                </Col>
              </Row>
            </fieldset>
          </Col>
        ))}
      </Row>
    </>
  )
}

function PrivacyFields({ control }: { control: Control<FormShape> }) {
  const { t } = useTranslation()
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <TextField
            control={control}
            name="retentionMonths"
            id="retention-months"
            label={t('settings.retentionMonths')}
            hint={t('settings.retentionMonthsHint')}
            inputMode="numeric"
            maxLength={4}
          />
        </Col>
        <Col xs={24} md={16}>
          <TextAreaField
            control={control}
            name="retentionNote"
            id="retention-note"
            label={t('settings.retentionNote')}
            rows={2}
            max={500}
          />
        </Col>
      </Row>
      <Controller
        control={control}
        name="reportFullPhone"
        render={({ field }) => (
          <FormItem id="report-full-phone" label={t('settings.privacy')}>
            <Checkbox id="report-full-phone" checked={field.value} onChange={(e) => field.onChange(e.target.checked)}>
              {t('settings.reportFullPhone')}
            </Checkbox>
          </FormItem>
        )}
      />
    </>
  )
}
