import { useTranslation } from 'react-i18next'
import { Button, Card, Drawer } from 'antd'
import type { CaseAction } from '@shared/rules/lifecycle'
import { needsReview } from '@shared/rules/lifecycle'
import { nextAction } from '@shared/rules/workspace'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { useFeedback } from '../ui/feedback'
import { ActionButton, BlockedAction } from './ActionControl'
import {
  AssignFormPanel,
  CommitmentForm,
  CustomerUpdateForm,
  FollowUpForm,
  NoteForm,
  OralReportForm,
  RaiseClassForm,
  ReopenForm,
  ResolveForm,
  ReviewForm,
  SubmitWrittenForm,
} from './actionForms'
import { LowerClassForm, VoidForm } from './approvalForms'
import { EditForm } from './CorrectionsPanel'
import { caseActions, finished, shown, type CasePanelProps } from './caseActions'
import { PdfButton } from './PdfButton'

/** The actions the workspace offers outside the tabs, in the order a case meets them. */
const GROUPS: { key: 'loop' | 'class' | 'case'; actions: CaseAction[] }[] = [
  {
    key: 'loop',
    actions: [
      'start',
      'resolve',
      'recordOralReport',
      'generateWrittenReport',
      'submitWrittenReport',
      'recordFollowUp',
      'recordReview',
      'requestReview',
      'close',
    ],
  },
  { key: 'class', actions: ['raiseClass', 'lowerClass'] },
  {
    key: 'case',
    actions: ['addCommitment', 'makeOffer', 'editCase', 'assign', 'addNote', 'recordCustomerUpdate', 'reopen', 'void'],
  },
]

/** Actions taken with one click, no form: run at once (a toast says so). */
const ONE_CLICK: readonly CaseAction[] = ['start', 'close', 'requestReview']

export interface ActionsCardProps extends CasePanelProps {
  /** Opens an action's form in the drawer. */
  onOpen: (action: CaseAction) => void
  /** 提出补偿方案: the compensation tab, where the chooser is. */
  onOffer: () => void
}

/**
 * 其他操作: every other action the lifecycle offers now, each opening its form in a drawer
 * (one at a time). An action waiting on a duty is shown disabled with the duty as its
 * tooltip; 结案 is always shown on an open case, with what it still waits for.
 */
export function ActionsCard(props: ActionsCardProps) {
  const { c, viewer, onOpen, onOffer } = props
  const { t } = useTranslation()
  const actions = caseActions(c, viewer)
  const next = nextAction(c, viewer)
  const done = finished(actions)
  const visible = (a: CaseAction): boolean => {
    if (a === next) return false
    if (a === 'recordReview') return needsReview(c) && actions.recordReview.enabled
    if (a === 'close') return actions.close.enabled || !done
    return shown(actions[a])
  }
  const groups = GROUPS.map((g) => ({ ...g, actions: g.actions.filter(visible) })).filter((g) => g.actions.length > 0)
  return (
    <section aria-labelledby="actions-title" className="case-actions">
      <Card size="small" title={<h2 id="actions-title">{t('detail.otherActions')}</h2>}>
        {groups.length === 0 && <p className="muted">{t('detail.noOtherActions')}</p>}
        {groups.map((g) => (
          <div key={g.key} className="action-group" role="group" aria-label={t(`detail.groups.${g.key}`)}>
            <span className="action-group-label">{t(`detail.groups.${g.key}`)}</span>
            <div className="action-buttons">
              {g.actions.map((a) => (
                <ActionEntry key={a} {...props} action={a} onOpen={onOpen} onOffer={onOffer} />
              ))}
            </div>
          </div>
        ))}
      </Card>
    </section>
  )
}

function ActionEntry({ action, onOpen, onOffer, ...props }: ActionsCardProps & { action: CaseAction }) {
  const { c, viewer } = props
  const { t } = useTranslation()
  const state = caseActions(c, viewer)[action]
  const label = t(`detail.actions.${action}`)
  if (!state.enabled) return <BlockedAction id={`action-${action}`} label={label} state={state} />
  if (ONE_CLICK.includes(action) || action === 'generateWrittenReport') return <ActionBody {...props} action={action} />
  return (
    <Button danger={action === 'void'} onClick={() => (action === 'makeOffer' ? onOffer() : onOpen(action))}>
      {label}
    </Button>
  )
}

/**
 * One action, ready to take: its form, or its button (run at once), or the written report's
 * PDF. The same body serves the next-action card and the drawer.
 */
export function ActionBody({
  action,
  primary,
  onDone,
  onCancel,
  ...props
}: CasePanelProps & { action: CaseAction; primary?: boolean; onDone?: () => void; onCancel?: () => void }) {
  const { c, act, viewer } = props
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const state = caseActions(c, viewer)[action]
  const form = { ...props, onDone, onCancel }
  const w = c.workflow
  switch (action) {
    case 'start':
    case 'close':
    case 'requestReview':
      return (
        <div className="action-body">
          {primary && action === 'start' && <p className="muted small">{t('detail.startHint')}</p>}
          <ActionButton
            id={`do-${action}`}
            label={t(`detail.actions.${action}`)}
            state={state}
            act={act}
            primary={primary}
            success={t(`detail.done.${action}`)}
            call={() =>
              action === 'requestReview'
                ? api['cases:requestReview']({ id: c.id })
                : api['cases:transition']({ id: c.id, action })
            }
          />
        </div>
      )
    case 'generateWrittenReport':
      return (
        <div className="action-body">
          {primary && <p className="muted small">{t('wf.writtenPending')}</p>}
          <PdfButton
            label={t(w.writtenReport ? 'pdf.class2.regenerate' : 'pdf.class2.generate')}
            primary={primary}
            make={() => api['reports:writtenReport']({ id: c.id })}
            onMade={(file) => {
              void act(Promise.resolve({ ok: true as const, data: file.case }))
              feedback.success(t('detail.done.generateWrittenReport', { file: file.fileName }))
            }}
          />
        </div>
      )
    case 'submitWrittenReport':
      return (
        <>
          {w.writtenReport && (
            <p className="muted small">
              {t('wf.writtenGeneratedLine', { at: formatDateTime(w.writtenReport.generatedAt) })}
            </p>
          )}
          <SubmitWrittenForm {...form} />
        </>
      )
    case 'resolve':
      return <ResolveForm {...form} />
    case 'recordOralReport':
      return <OralReportForm {...form} />
    case 'recordFollowUp':
      return <FollowUpForm {...form} />
    case 'recordReview':
      return <ReviewForm {...form} />
    case 'reopen':
      return <ReopenForm {...form} />
    case 'void':
      return <VoidForm {...form} />
    case 'raiseClass':
      return <RaiseClassForm {...form} />
    case 'lowerClass':
      return <LowerClassForm {...form} />
    case 'addCommitment':
      return <CommitmentForm {...form} />
    case 'assign':
      return <AssignFormPanel {...form} />
    case 'addNote':
      return <NoteForm {...form} />
    case 'recordCustomerUpdate':
      return <CustomerUpdateForm {...form} />
    case 'editCase':
      return <EditForm {...form} />
    default:
      return null
  }
}

/** The drawer an action's form opens in: one at a time, closed once the action is done. */
export function ActionDrawer({
  action,
  onClose,
  ...props
}: CasePanelProps & { action: CaseAction | null; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Drawer
      open={action !== null}
      onClose={onClose}
      title={action ? t(`detail.actions.${action}`) : ''}
      size={action === 'editCase' ? 760 : 480}
      destroyOnHidden
    >
      {action && <ActionBody {...props} action={action} onDone={onClose} onCancel={onClose} />}
    </Drawer>
  )
}
