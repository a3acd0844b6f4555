import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { COMPENSATION_FORMS } from '@shared/values/options'
import type { CompensationOption, Offer, OfferItem } from '@shared/schemas/compensation'
import { ExecuteOfferInput } from '@shared/schemas/compensation'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen } from '@shared/values/money'
import { assessOffer } from '@shared/rules/compensation'
import { effectiveLoss } from '@shared/rules/amounts'
import { offerText } from '@shared/i18n/offers'
import { lossText } from '@shared/i18n/amounts'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { MiniForm } from '../components/MiniForm'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'
import { caseActions, type Actions, type CasePanelProps } from './caseActions'
import { ActionButton } from './ActionControl'

/** 提出补偿方案: proposed options as cards to show the customer, a custom offer, and each offer's fate. */
export function CompensationPanel(props: CasePanelProps) {
  const { c, act, viewer } = props
  const { t } = useTranslation()
  const api = useApi()
  const [options, setOptions] = useState<CompensationOption[] | null>(null)
  const [chosen, setChosen] = useState<{ items: OfferItem[]; source: 'proposed' | 'custom'; needs: string[] } | null>(
    null,
  )
  const actions = caseActions(c, viewer)
  const open = actions.makeOffer.enabled
  const load = async () => {
    const result = await api['compensation:propose']({ id: c.id })
    if (result.ok) setOptions(result.data)
  }
  return (
    <section className="card" aria-labelledby="comp-title">
      <h2 id="comp-title">{t('comp.title')}</h2>
      {c.workflow.offers.length === 0 && <p className="muted">{t('comp.none')}</p>}
      <ul className="offers">
        {c.workflow.offers.map((o) => (
          <OfferRow key={o.id} offer={o} c={c} act={act} actions={actions} />
        ))}
      </ul>
      {open && !options && (
        <button type="button" className="primary" onClick={load}>
          {t('comp.propose')}
        </button>
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
            <article
              key={o.id}
              role="listitem"
              className={`option-card${o.withinAuthority ? '' : ' needs-approval'}`}
              aria-label={offerText(t, o.items)}
            >
              <header>
                <span className="badge">{t(`comp.principle.${o.principle}`)}</span>
                {o.withinAuthority ? (
                  <span className="badge state-kept">{t('comp.within')}</span>
                ) : (
                  <span className="badge badge-overdue">{t('comp.needsApproval')}</span>
                )}
              </header>
              <p className="option-items">{offerText(t, o.items)}</p>
              <p className="option-value">
                {t('comp.value', { value: formatFen(o.valueFen) })}
                {c.claimFen !== null && (
                  <span className="muted small"> · {t('amounts.vsClaim', { claim: formatFen(c.claimFen) })}</span>
                )}
              </p>
              <p className="muted small">{t(`comp.rationale.${o.rationale}`)}</p>
              <button type="button" onClick={() => setChosen({ items: o.items, source: 'proposed', needs: o.needs })}>
                {t('comp.offer')}
              </button>
            </article>
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
      {open && (
        <details>
          <summary>{t('comp.custom')}</summary>
          <CustomOffer {...props} onOffered={() => setOptions(null)} />
        </details>
      )}
    </section>
  )
}

/** Offering needs a manager's PIN (and above the cap a reason) when the option is beyond the clerk. */
function ConfirmOffer({
  c,
  act,
  managers,
  defaultApprover,
  chosen,
  onDone,
}: CasePanelProps & {
  chosen: { items: OfferItem[]; source: 'proposed' | 'custom'; needs: string[] }
  onDone: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const needsApproval = chosen.needs.length > 0
  const form = useForm({ defaultValues: { capReason: '', approval: { managerId: defaultApprover, pin: '' } } })
  const submit = form.handleSubmit(async (v) => {
    const result = await act(
      api['compensation:offer']({
        id: c.id,
        items: chosen.items,
        source: chosen.source,
        capReason: v.capReason,
        ...(needsApproval ? { approval: v.approval } : {}),
      }),
    )
    if (result.ok) onDone()
    else {
      setError(
        result.error.issues?.length
          ? `${result.error.message} ${result.error.issues.map((i) => i.message).join(' ')}`
          : result.error.message,
      )
      form.resetField('approval.pin')
    }
  })
  return (
    <form className="mini-form" onSubmit={submit} aria-label={t('comp.offer')}>
      <h3>
        {t('comp.offer')}：{offerText(t, chosen.items)}
      </h3>
      {error && <Notice kind="error">{error}</Notice>}
      {needsApproval && (
        <p className="urgent-line">
          {chosen.needs.map((n) => t(`comp.needs.${n}`)).join('，')} — {t('comp.needsApproval')}
        </p>
      )}
      {chosen.needs.includes('over_cap') && (
        <label className="field">
          {t('comp.capReason')}
          <textarea rows={2} {...form.register('capReason')} />
        </label>
      )}
      {needsApproval && <ApprovalFields idPrefix="offer" managers={managers} control={form.control} />}
      <div className="actions">
        <button type="submit" className="primary">
          {needsApproval ? t('wf.approveAndOffer') : t('comp.offer')}
        </button>
        <button type="button" onClick={onDone}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  )
}

/** A clerk's own offer: forms and values; main assesses it the same way as a proposal. */
function CustomOffer(props: CasePanelProps & { onOffered: () => void }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<{ items: OfferItem[]; source: 'custom'; needs: string[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const form = useForm({ defaultValues: { items: [{ form: 'apology', value: '', note: '' }] } })
  const rows = useFieldArray({ control: form.control, name: 'items' })
  const { compensation, authorityLimitFen } = props.settings
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
      { lossFen: effectiveLoss(props.c).fen, fault: props.c.fault },
      compensation,
      authorityLimitFen,
    )
    setChosen({ items, source: 'custom', needs })
  })
  const done = () => {
    setChosen(null)
    form.reset()
    props.onOffered()
  }
  if (chosen) return <ConfirmOffer {...props} chosen={chosen} onDone={done} />
  return (
    <form className="mini-form" onSubmit={review} aria-label={t('comp.custom')}>
      {error && <Notice kind="error">{error}</Notice>}
      {rows.fields.map((f, i) => (
        <div key={f.id} className="offer-row">
          <select aria-label={t('comp.item')} {...form.register(`items.${i}.form`)}>
            {COMPENSATION_FORMS.map((x) => (
              <option key={x} value={x}>
                {t(`comp.forms.${x}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('comp.itemValue')}
            placeholder={t('comp.itemValue')}
            inputMode="decimal"
            {...form.register(`items.${i}.value`)}
          />
          <input
            aria-label={t('comp.itemNote')}
            placeholder={t('comp.itemNote')}
            {...form.register(`items.${i}.note`)}
          />
        </div>
      ))}
      <div className="actions">
        <button type="button" onClick={() => rows.append({ form: 'coupon', value: '', note: '' })}>
          {t('comp.addItem')}
        </button>
        <button type="submit" className="primary">
          {t('comp.offer')}
        </button>
      </div>
    </form>
  )
}

function OfferRow({
  offer,
  c,
  act,
  actions,
}: {
  offer: Offer
  c: CaseDetail
  act: (p: Promise<Result<CaseDetail>>) => Promise<Result<CaseDetail>>
  actions: Actions
}) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <li className={`offer offer-${offer.status}`}>
      <div>
        <strong>{offerText(t, offer.items)}</strong>{' '}
        <span className={`badge offer-status-${offer.status}`}>{t(`comp.status.${offer.status}`)}</span>
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
        <div className="actions">
          <ActionButton
            id={`accept-${offer.id}`}
            label={t('comp.accept')}
            state={actions.decideOffer}
            act={act}
            call={() => api['compensation:decide']({ id: c.id, offerId: offer.id, accepted: true })}
          />
          <ActionButton
            id={`decline-${offer.id}`}
            label={t('comp.decline')}
            state={actions.decideOffer}
            act={act}
            call={() => api['compensation:decide']({ id: c.id, offerId: offer.id, accepted: false })}
          />
        </div>
      )}
      {offer.status === 'accepted' && actions.executeOffer.enabled && (
        <MiniForm
          id={`exec-${offer.id}`}
          title={t('comp.execute')}
          schema={ExecuteOfferInput.omit({ id: true, offerId: true })}
          defaults={{ voucherCode: '', refundReceiptNo: '', exchangedItem: '', note: '' }}
          fields={(['voucherCode', 'refundReceiptNo', 'exchangedItem', 'note'] as const).map((name) => ({
            name,
            label: t(`comp.${name}`),
            optional: true,
          }))}
          submitLabel={t('comp.execute')}
          onSubmit={(v) => act(api['compensation:execute']({ id: c.id, offerId: offer.id, ...v }))}
        />
      )}
    </li>
  )
}
