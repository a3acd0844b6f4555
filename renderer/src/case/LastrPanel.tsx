import { useTranslation } from 'react-i18next'
import { LASTR_STEPS } from '@shared/schemas/workflow'
import { formatFen } from '@shared/values/money'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { restate } from './restatement'
import { ActionButton } from './ActionControl'
import { caseActions, type CasePanelProps } from './caseActions'

/**
 * The five handling steps (聆听 关心 使满意 感谢 报告) with scripts; ticking stamps the timeline.
 * 报告 is never ticked by hand: the oral or written report record ticks it.
 */
export function LastrPanel({ c, act, settings, lang, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const book = settings.playbook
  const actions = caseActions(c, viewer)
  const restatement = restate(book.restatement[lang], {
    receivedAt: c.receivedAt,
    product: c.product,
    problem: c.description,
    demand: t(`options.demand.${c.demand}`),
  })
  const amount = c.amountFen === null ? '—' : formatFen(c.amountFen)
  const style = c.customerStyle ? book.styleTips[c.customerStyle][lang] : []
  const scenario = book.scenarios[c.category]?.[lang] ?? []
  return (
    <section className="card" aria-labelledby="lastr-title">
      <h2 id="lastr-title">{t('wf.lastrTitle')}</h2>
      <ol className="lastr">
        {LASTR_STEPS.map((step) => {
          const done = c.workflow.steps[step]
          return (
            <li key={step} className={done ? 'done' : ''}>
              <div className="step-head">
                <strong>{t(`wf.step.${step}`)}</strong>
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
                      call={() => api['cases:tickStep']({ id: c.id, step })}
                    />
                  )
                )}
              </div>
              <ul className="scripts">
                {book.steps[step][lang].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {step === 'listen' && (
                <div className="prompts">
                  <p className="restatement">
                    <strong>{t('wf.restatement')}</strong> {restatement}
                  </p>
                  <details>
                    <summary>{t('wf.questions')}</summary>
                    <div className="two-cols">
                      <div>
                        <h4>{t('wf.openQuestions')}</h4>
                        <ul>
                          {book.openQuestions[lang].map((q) => (
                            <li key={q}>{q}</li>
                          ))}
                        </ul>
                      </div>
                      <div>
                        <h4>{t('wf.closedQuestions')}</h4>
                        <ul>
                          {book.closedQuestions[lang].map((q) => (
                            <li key={q}>{q.replaceAll('{amount}', amount)}</li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </details>
                </div>
              )}
            </li>
          )
        })}
      </ol>
      {style.length > 0 && (
        <div className="tip">
          <h3>{t('wf.styleTips', { style: t(`options.customerStyle.${c.customerStyle}`) })}</h3>
          <ul>
            {style.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {scenario.length > 0 && (
        <div className="tip">
          <h3>{t('wf.scenario', { category: t(`options.category.${c.category}`) })}</h3>
          <ul>
            {scenario.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
