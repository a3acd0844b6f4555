import { ClassTag } from '../ui/tags'
import { useTranslation } from 'react-i18next'
import { Alert, Card, Collapse, Descriptions, Tag, Typography } from 'antd'
import type { DescriptionsProps } from 'antd'
import type { CaseDetail } from '@shared/schemas/case'
import { formatFen } from '@shared/values/money'
import { lossText } from '@shared/i18n/amounts'
import { effectiveLoss } from '@shared/rules/amounts'
import { lowerProposed } from '@shared/rules/corrections'
import { formatDateTime } from '../format'
import { ReasonList } from './ReasonList'

const MOOD_COLOR = { calm: 'default', upset: 'orange', angry: 'red' } as const

/**
 * The customer's facts, first on the page: who, what happened in their words, what they
 * want, the amounts and the class with every reason. The rest of the intake record folds
 * away under 更多登记信息.
 */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  const none = t('detail.none')
  const yuan = (fen: number | null | undefined) =>
    fen === null || fen === undefined ? t('detail.amountNone') : `¥${formatFen(fen)}`
  const change = c.workflow.classChange
  const main: DescriptionsProps['items'] = [
    {
      key: 'customer',
      label: t('detail.customer'),
      children: (
        <span>
          <strong>{c.customerName}</strong> <span className="mono">{c.phone || t('detail.noPhone')}</span>{' '}
          <Tag>{t(`options.customerType.${c.customerType}`)}</Tag>
          <Tag color={MOOD_COLOR[c.mood]}>{t(`options.mood.${c.mood}`)}</Tag>
        </span>
      ),
    },
    {
      key: 'received',
      label: t('fields.receivedAt'),
      children: `${formatDateTime(c.receivedAt)} · ${t(`options.channel.${c.channel}`)} · ${c.departmentName}`,
    },
    {
      key: 'description',
      label: t('fields.description'),
      span: 2,
      children: (
        <Typography.Paragraph className="case-description" ellipsis={{ rows: 3, expandable: 'collapsible' }}>
          {c.description}
        </Typography.Paragraph>
      ),
    },
    ...(c.customerWords
      ? [{ key: 'words', label: t('fields.customerWords'), span: 2, children: `“${c.customerWords}”` }]
      : []),
    {
      key: 'demand',
      label: t('fields.demand'),
      children: [t(`options.demand.${c.demand}`), c.demandNote].filter(Boolean).join(' — '),
    },
    {
      key: 'amounts',
      label: t('detail.amounts'),
      children: [
        `${t('detail.price')} ${yuan(c.amountFen)}`,
        t('amounts.loss', { text: lossText(t, effectiveLoss(c)) }),
        `${t('detail.claim')} ${yuan(c.claimFen)}`,
      ].join(' · '),
    },
    {
      key: 'class',
      label: t('detail.classAndReasons'),
      span: 2,
      children: (
        <div className="case-class-facts">
          <div>
            <ClassTag caseClass={c.caseClass} />
            {t(`options.category.${c.category}`)}
            {c.cause ? ` · ${t(`options.cause.${c.cause}`)}` : ''}
            <span className="muted small"> {t(`wf.class${c.caseClass}Track`)}</span>
          </div>
          <ReasonList reasons={c.workflow.reasons} />
          {lowerProposed(c) && <Alert type="warning" showIcon title={t('corrections.lowerProposed')} />}
          {change && (
            <p className="muted small">
              {t(change.to === 2 ? 'wf.raisedBy' : 'wf.loweredBy', {
                name: change.by.name,
                approver: change.approvedBy?.name ?? '',
                reason: change.reason,
              })}
            </p>
          )}
        </div>
      ),
    },
  ]
  const more: DescriptionsProps['items'] = [
    [t('fields.product'), c.product || none],
    [t('fields.receiptNo'), c.receiptNo || none],
    [t('fields.customerStyle'), c.customerStyle ? t(`options.customerStyle.${c.customerStyle}`) : t('intake.notSet')],
    [t('fields.staffComplainedAbout'), c.staffComplainedAbout || none],
    [
      t('fields.situations'),
      c.situations.length ? c.situations.map((s) => t(`options.situations.${s}`)).join('、') : none,
    ],
    [t('fields.fault'), t(`options.fault.${c.fault}`)],
    [t('fields.resolvedAtDesk'), t(`options.resolvedAtDesk.${c.resolvedAtDesk}`)],
    [t('fields.staff'), c.createdBy.name],
    [t('fields.createdAt'), formatDateTime(c.createdAt)],
  ].map(([label, children]) => ({ key: label, label, children }))
  return (
    <Card
      size="small"
      className="case-facts"
      title={<h2 id="fields-title">{t('detail.fields')}</h2>}
      role="region"
      aria-labelledby="fields-title"
    >
      <Descriptions size="small" column={2} items={main} />
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'more',
            label: t('detail.moreFacts'),
            children: <Descriptions size="small" column={3} items={more} />,
          },
        ]}
      />
    </Card>
  )
}
