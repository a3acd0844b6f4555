import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LASTR_STEPS, type LastrStep } from '@shared/schemas/workflow'
import { CUSTOMER_STYLES, type CustomerStyle } from '@shared/values/options'
import { formatFen } from '@shared/values/money'
import { fillTemplate } from '@shared/values/template'
import { restate } from '@shared/rules/restatement'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { ActionButton } from './ActionControl'
import { caseActions, type CasePanelProps } from './caseActions'
import './scripts.css'

/** The AGREE steps (docs/domain.md §6a) each LASTR step covers. */
const AGREE: Record<LastrStep, readonly string[]> = {
  listen: ['act', 'grasp'],
  attend: ['act'],
  satisfy: ['choose', 'carry'],
  thank: ['evaluate'],
  report: ['evaluate'],
}

/**
 * The five handling steps (聆听 关心 使满意 感谢 报告) with what to do and what to say; ticking
 * stamps the timeline. 报告 is never ticked by hand: the oral or written report record ticks it.
 * Everything read aloud comes from the branch's playbook (设置 → 话术与提示).
 */
export function LastrPanel(props: CasePanelProps) {
  const { c, act, settings, lang, viewer } = props
  const { t } = useTranslation()
  const api = useApi()
  const book = settings.playbook
  const actions = caseActions(c, viewer)
  const restatement = restate(book.restatements, c, lang, new Date())
  const amount = c.amountFen === null ? '—' : formatFen(c.amountFen)
  const scenario = book.scenarios[c.category]?.[lang] ?? []
  const promise = fillTemplate(book.escalation[lang], { hours: String(settings.deadlines.managerCallbackHours) }, lang)
  const list = (items: readonly string[], className = 'scripts') =>
    items.length > 0 && (
      <ul className={className}>
        {items.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    )
  return (
    <section className="tab-panel" aria-labelledby="lastr-title">
      <h2 id="lastr-title">{t('wf.lastrTitle')}</h2>
      <p className="muted small agree-note">{t('scripts.agreeNote')}</p>
      <ol className="lastr">
        {LASTR_STEPS.map((step) => {
          const done = c.workflow.steps[step]
          const guidance = book.guidance[step][lang]
          return (
            <li key={step} className={done ? 'done' : ''} aria-label={t(`wf.step.${step}`)}>
              <div className="step-head">
                <strong>
                  {t(`wf.step.${step}`)}{' '}
                  <span className="agree-tag">
                    {t('scripts.agreeTag', { steps: AGREE[step].map((a) => t(`scripts.agree.${a}`)).join(' · ') })}
                  </span>
                </strong>
                {done ? (
                  <span className="muted">✓ {t('wf.stepDone', { at: formatDateTime(done.at), by: done.by.name })}</span>
                ) : step === 'report' ? (
                  <span className="muted">{t('wf.reportByRecord')}</span>
                ) : (
                  actions.tickStep.enabled && (
                    <ActionButton
                      id={`tick-${step}`}
                      label={t('wf.tick', { step: t(`wf.step.${step}`) })}
                      state={actions.tickStep}
                      act={act}
                      success={t('detail.done.tickStep', { step: t(`wf.step.${step}`) })}
                      call={() => api['cases:tickStep']({ id: c.id, step })}
                    />
                  )
                )}
              </div>
              {guidance.length > 0 && (
                <div className="guidance">
                  <span className="guidance-label">{t('scripts.guidance')}</span>
                  {list(guidance, 'guidance-list')}
                </div>
              )}
              {list(book.steps[step][lang])}
              {step === 'listen' && (
                <div className="prompts">
                  <div className="restate-pair">
                    <p className="restatement" aria-label={t('scripts.restatementLabel')}>
                      <strong>{t('wf.restatement')}</strong> {restatement}
                    </p>
                    <blockquote className="customer-words" aria-label={t('fields.customerWords')}>
                      <strong>{t('fields.customerWords')}</strong>
                      {c.customerWords ? (
                        <q>{c.customerWords}</q>
                      ) : (
                        <span className="muted">{t('scripts.noCustomerWords')}</span>
                      )}
                    </blockquote>
                  </div>
                  <details>
                    <summary>{t('wf.questions')}</summary>
                    <div className="two-cols">
                      <div>
                        <h4>{t('wf.openQuestions')}</h4>
                        {list(book.openQuestions[lang], '')}
                      </div>
                      <div>
                        <h4>{t('wf.closedQuestions')}</h4>
                        {list(
                          book.closedQuestions[lang].map((q) => q.replaceAll('{amount}', amount)),
                          '',
                        )}
                      </div>
                    </div>
                  </details>
                </div>
              )}
              {step === 'satisfy' && (
                <>
                  {book.expectations[lang].length > 0 && (
                    <div className="say-box">
                      <h4>{t('scripts.expectations')}</h4>
                      {list(book.expectations[lang])}
                    </div>
                  )}
                  <div className="say-box escalation-promise" aria-label={t('scripts.escalationTitle')}>
                    <h4>{t('scripts.escalationTitle')}</h4>
                    <p>“{promise}”</p>
                    <p className="muted small">
                      {t('scripts.escalationHint', { hours: settings.deadlines.managerCallbackHours })}
                    </p>
                  </div>
                </>
              )}
            </li>
          )
        })}
      </ol>
      <AvoidWords pairs={book.avoidWords[lang]} />
      <StyleChooser {...props} />
      {scenario.length > 0 && (
        <div className="tip">
          <h3>{t('wf.scenario', { category: t(`options.category.${c.category}`) })}</h3>
          {list(scenario, '')}
        </div>
      )}
    </section>
  )
}

function AvoidWords({ pairs }: { pairs: readonly { avoid: string; instead: string }[] }) {
  const { t } = useTranslation()
  if (pairs.length === 0) return null
  return (
    <div className="tip avoid-words">
      <h3 id="avoid-title">{t('scripts.avoidTitle')}</h3>
      <table aria-labelledby="avoid-title">
        <thead>
          <tr>
            <th scope="col">{t('scripts.avoid')}</th>
            <th scope="col">{t('scripts.instead')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p, i) => (
            <tr key={i}>
              <td>
                <del>{p.avoid}</del>
              </td>
              <td>{p.instead}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The four customer styles, each with the traits that identify it and its tips: the clerk
 * picks by the traits. Picking records 客户性格 on the case as a correction (cases:edit) while
 * the case may be corrected; otherwise it only shows that style's tips.
 */
function StyleChooser({ c, act, settings, lang, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const book = settings.playbook
  const canEdit = caseActions(c, viewer).editCase.enabled
  const [shown, setShown] = useState<CustomerStyle | ''>(c.customerStyle)
  const current = canEdit ? c.customerStyle : shown
  const pick = async (style: CustomerStyle) => {
    setShown(style)
    if (canEdit && style !== c.customerStyle)
      await act(api['cases:edit']({ id: c.id, changes: { customerStyle: style } }))
  }
  return (
    <div className="style-chooser" role="radiogroup" aria-labelledby="style-title">
      <h3 id="style-title">{t('scripts.styleTitle')}</h3>
      <p className="muted small">{t(canEdit ? 'scripts.styleHint' : 'scripts.styleHintReadOnly')}</p>
      <div className="style-cards">
        {CUSTOMER_STYLES.map((style) => {
          const chosen = current === style
          return (
            // The whole card picks; the radio inside is what the keyboard and screen readers use.
            <div key={style} className={`style-card${chosen ? ' chosen' : ''}`} onClick={() => void pick(style)}>
              <label className="style-name">
                <input
                  type="radio"
                  name={`style-${c.id}`}
                  checked={chosen}
                  aria-describedby={`traits-${style}`}
                  onChange={() => void pick(style)}
                  onClick={(e) => e.stopPropagation()}
                />{' '}
                {t(`options.customerStyle.${style}`)}
              </label>
              <div id={`traits-${style}`}>
                <span className="style-label">{t('scripts.traits')}</span>
                <ul className="style-traits">
                  {book.styleTraits[style][lang].map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              </div>
              <span className="style-label">{t('scripts.tips')}</span>
              <ul className="style-tips">
                {book.styleTips[style][lang].map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </div>
          )
        })}
      </div>
    </div>
  )
}
