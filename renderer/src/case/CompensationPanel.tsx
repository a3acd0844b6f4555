import { useState } from 'react'
import { Controller, useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Collapse, Empty, Input, Select, Tag } from 'antd'
import { z } from 'zod'
import { COMPENSATION_FORMS } from '@shared/values/options'
import type { CompensationOption, Offer, OfferItem } from '@shared/schemas/compensation'
import { ExecuteOfferInput } from '@shared/schemas/compensation'
import { ManagerApproval, optionalText } from '@shared/schemas/common'
import { v } from '@shared/values/messages'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen } from '@shared/values/money'
import { assessOffer } from '@shared/rules/compensation'
import { effectiveLoss } from '@shared/rules/amounts'
import { offerText } from '@shared/i18n/offers'
import { lossText } from '@shared/i18n/amounts'
import type { CaseDetail } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { formatDateTime } from '../format'
import { popupContainer, TextAreaField, TextField } from '../ui/fields'
import { optionMatches } from '../ui/pinyin'
import { caseActions, type Act, type Actions, type CasePanelProps } from './caseActions'
import { ActionButton } from './ActionControl'
import { CaseForm } from './CaseForm'

type Chosen = { items: OfferItem[]; source: 'proposed' | 'custom'; needs: string[] }

const OFFER_COLOR = { offered: 'blue', accepted: 'cyan', declined: 'default', executed: 'green' } as const

/** 提出补偿方案: proposed options as cards to show the customer, a custom offer, and each offer's fate. */
export function CompensationPanel(props: CasePanelProps) {
  const { c, act, viewer } = props
  const { t } = useTranslation()
  const api = useApi()
  const [options, setOptions] = useState<CompensationOption[] | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const actions = caseActions(c, viewer)
  const open = actions.makeOffer.enabled
  const load = async () => {
    const result = await api['compensation:propose']({ id: c.id })
    if (result.ok) setOptions(result.data)
    setRefusal(result.ok ? null : result.error.message)
  }
  return (
    <section className="tab-panel" aria-labelledby="comp-title">
      <div className="tab-panel-head">
        <h2 id="comp-title">{t('comp.title')}</h2>
        {open && !options && (
          <Button type="primary" onClick={load}>
            {t('comp.propose')}
          </Button>
        )}
      </div>
      {refusal && <Alert type="error" showIcon title={refusal} />}
      {c.workflow.offers.length === 0 ? (
        !options && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comp.none')} />
      ) : (
        <ul className="offers" aria-label={t('comp.offers')}>
          {c.workflow.offers.map((o) => (
            <OfferRow key={o.id} offer={o} c={c} act={act} actions={actions} />
          ))}
        </ul>
      )}
      {open && options && (
        <p className="comp-amounts" aria-label={t('comp.amounts')}>
          {[
            c.amountFen === null ? null : t('amounts.price', { amount: formatFen(c.amountFen) }),
            t('amounts.loss', { text: lossText(t, effectiveLoss(c)) }),
            c.claimFen === null ? null : t('amounts.claim', { amount: formatFen(c.claimFen) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {open && options && (
        <div className="option-cards" role="list">
          {options.map((o) => (
            <Card
              key={o.id}
              role="listitem"
              size="small"
              className={`option-card${o.withinAuthority ? '' : ' needs-approval'}`}
              aria-label={offerText(t, o.items)}
              title={
                <span className="option-tags">
                  <Tag>{t(`comp.principle.${o.principle}`)}</Tag>
                  {o.withinAuthority ? (
                    <Tag color="green">{t('comp.within')}</Tag>
                  ) : (
                    <Tag color="orange">{t('comp.needsApproval')}</Tag>
                  )}
                </span>
              }
            >
              <p className="option-items">{offerText(t, o.items)}</p>
              <p className="option-value">
                {t('comp.value', { value: formatFen(o.valueFen) })}
                {c.claimFen !== null && (
                  <span className="muted small"> · {t('amounts.vsClaim', { claim: formatFen(c.claimFen) })}</span>
                )}
              </p>
              <p className="muted small">{t(`comp.rationale.${o.rationale}`)}</p>
              <Button onClick={() => setChosen({ items: o.items, source: 'proposed', needs: o.needs })}>
                {t('comp.offer')}
              </Button>
            </Card>
          ))}
        </div>
      )}
      {open && chosen && (
        <ConfirmOffer
          {...props}
          chosen={chosen}
          onDone={() => {
            setChosen(null)
            setOptions(null)
          }}
        />
      )}
      {open && !chosen && (
        <Collapse
          size="small"
          className="custom-offer"
          items={[
            {
              key: 'custom',
              label: t('comp.custom'),
              children: <CustomOffer {...props} onReview={setChosen} />,
            },
          ]}
        />
      )}
    </section>
  )
}

/** Offering needs a manager's approval (and above the cap a reason) when the option is beyond the clerk. */
function ConfirmOffer({
  c,
  act,
  managers,
  defaultApprover,
  chosen,
  onDone,
}: CasePanelProps & { chosen: Chosen; onDone: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const needsApproval = chosen.needs.length > 0
  const overCap = chosen.needs.includes('over_cap')
  // Above the cap a reason is required; an approval is asked for (and checked) only when needed.
  const schema = z
    .object({ capReason: optionalText(200), approval: ManagerApproval.optional() })
    .refine((o) => !overCap || o.capReason !== '', { message: v.required, path: ['capReason'] })
  const label = needsApproval ? t('wf.approveAndOffer') : t('comp.offer')
  return (
    <Card
      size="small"
      className="confirm-offer"
      title={`${t('comp.offer')}${t('corrections.colon')}${offerText(t, chosen.items)}`}
    >
      <CaseForm
        id="offer"
        title={t('comp.offer')}
        schema={schema}
        defaults={{ capReason: '', ...(needsApproval ? { approval: { managerId: defaultApprover, pin: '' } } : {}) }}
        submitLabel={label}
        approval={needsApproval}
        onSubmit={(values) =>
          act(api['compensation:offer']({ id: c.id, items: chosen.items, source: chosen.source, ...values }))
        }
        success={() => t('detail.done.makeOffer', { offer: offerText(t, chosen.items) })}
        onDone={onDone}
        onCancel={onDone}
      >
        {(control) => (
          <>
            {needsApproval && (
              <Alert
                type="warning"
                showIcon
                className="case-form-refusal"
                title={`${chosen.needs.map((n) => t(`comp.needs.${n}`)).join('，')} — ${t('comp.needsApproval')}`}
              />
            )}
            {overCap && (
              <TextAreaField
                control={control}
                name="capReason"
                id="offer-cap-reason"
                label={t('comp.capReason')}
                hint={t('comp.capReasonHint')}
                required
                rows={2}
              />
            )}
            {needsApproval && <ApprovalFields idPrefix="offer" managers={managers} control={control} />}
          </>
        )}
      </CaseForm>
    </Card>
  )
}

/** A clerk's own offer: forms and values; main assesses it the same way as a proposal. */
function CustomOffer({ c, settings, onReview }: CasePanelProps & { onReview: (chosen: Chosen) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({ defaultValues: { items: [{ form: 'apology', value: '', note: '' }] } })
  const rows = useFieldArray({ control: form.control, name: 'items' })
  const { compensation, authorityLimitFen } = settings
  const review = form.handleSubmit((v) => {
    if (v.items.some((i) => i.value.trim() !== '' && !AMOUNT_PATTERN.test(i.value.trim())))
      return setError(t('validation.amount'))
    setError(null)
    const items = v.items.map((i) => ({
      form: i.form as OfferItem['form'],
      valueFen: parseYuanToFen(i.value) ?? 0,
      note: i.note.trim(),
    }))
    // The same rule main applies (shared/rules/compensation); main checks again on save.
    const { needs } = assessOffer(
      items,
      { lossFen: effectiveLoss(c).fen, fault: c.fault },
      compensation,
      authorityLimitFen,
    )
    onReview({ items, source: 'custom', needs })
    form.reset()
  })
  return (
    <form className="case-form" onSubmit={review} aria-label={t('comp.custom')} noValidate>
      {rows.fields.map((f, i) => (
        <div key={f.id} className="offer-row">
          <Controller
            control={form.control}
            name={`items.${i}.form`}
            render={({ field }) => (
              <Select
                aria-label={t('comp.item')}
                value={field.value}
                onChange={field.onChange}
                options={COMPENSATION_FORMS.map((x) => ({ value: x, label: t(`comp.forms.${x}`) }))}
                showSearch={{ filterOption: (input, option) => optionMatches(String(option?.label ?? ''), input) }}
                getPopupContainer={popupContainer}
                className="offer-form"
              />
            )}
          />
          <Controller
            control={form.control}
            name={`items.${i}.value`}
            render={({ field }) => (
              <Input
                aria-label={t('comp.itemValue')}
                placeholder={t('comp.itemValue')}
                inputMode="decimal"
                prefix="¥"
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
                status={error ? 'error' : undefined}
              />
            )}
          />
          <Controller
            control={form.control}
            name={`items.${i}.note`}
            render={({ field }) => (
              <Input
                aria-label={t('comp.itemNote')}
                placeholder={t('comp.itemNote')}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
              />
            )}
          />
        </div>
      ))}
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <Button onClick={() => rows.append({ form: 'coupon', value: '', note: '' })}>{t('comp.addItem')}</Button>
        <Button type="primary" htmlType="submit">
          {t('comp.offer')}
        </Button>
      </div>
    </form>
  )
}

function OfferRow({ offer, c, act, actions }: { offer: Offer; c: CaseDetail; act: Act; actions: Actions }) {
  const { t } = useTranslation()
  const api = useApi()
  const what = offerText(t, offer.items)
  return (
    <li className={`offer offer-${offer.status}`}>
      <div>
        <strong>{what}</strong> <Tag color={OFFER_COLOR[offer.status]}>{t(`comp.status.${offer.status}`)}</Tag>
      </div>
      <div className="muted small">
        {t('comp.restore', { value: formatFen(offer.restoreFen) })} ·{' '}
        {t('comp.goodwill', { value: formatFen(offer.goodwillFen) })} ·{' '}
        {t('comp.offeredLine', { by: offer.offeredBy.name, at: formatDateTime(offer.offeredAt) })}
        {offer.approvedBy && ` · ${t('comp.approvedLine', { name: offer.approvedBy.name })}`}
        {offer.capReason && ` · ${offer.capReason}`}
      </div>
      {offer.execution && (
        <div className="muted small">
          {t('comp.executedLine', { by: offer.execution.by.name, at: formatDateTime(offer.execution.at) })}{' '}
          {[
            offer.execution.voucherCode,
            offer.execution.refundReceiptNo,
            offer.execution.exchangedItem,
            offer.execution.note,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      )}
      {offer.status === 'offered' && actions.decideOffer.enabled && (
        <div className="row-actions">
          <ActionButton
            id={`accept-${offer.id}`}
            label={t('comp.accept')}
            state={actions.decideOffer}
            act={act}
            success={t('detail.done.acceptOffer', { offer: what })}
            call={() => api['compensation:decide']({ id: c.id, offerId: offer.id, accepted: true })}
          />
          <ActionButton
            id={`decline-${offer.id}`}
            label={t('comp.decline')}
            state={actions.decideOffer}
            act={act}
            success={t('detail.done.declineOffer', { offer: what })}
            call={() => api['compensation:decide']({ id: c.id, offerId: offer.id, accepted: false })}
          />
        </div>
      )}
      {offer.status === 'accepted' && actions.executeOffer.enabled && (
        <CaseForm
          id={`exec-${offer.id}`}
          title={t('comp.execute')}
          schema={ExecuteOfferInput.omit({ id: true, offerId: true })}
          defaults={{ voucherCode: '', refundReceiptNo: '', exchangedItem: '', note: '' }}
          submitLabel={t('comp.execute')}
          onSubmit={(v) => act(api['compensation:execute']({ id: c.id, offerId: offer.id, ...v }))}
          success={() => t('detail.done.executeOffer', { offer: what })}
        >
          {(control) => (
            <div className="edit-grid">
              {(['voucherCode', 'refundReceiptNo', 'exchangedItem', 'note'] as const).map((name) => (
                <TextField
                  key={name}
                  control={control}
                  name={name}
                  id={`exec-${offer.id}-${name}`}
                  label={t(`comp.${name}`)}
                />
              ))}
            </div>
          )}
        </CaseForm>
      )}
    </li>
  )
}
