import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ManagerApproval, optionalText, requiredText } from '@shared/schemas/common'
import { SSL_MODES, type HeadOfficeView } from '@shared/schemas/headOffice'
import type { StaffPublic } from '@shared/schemas/staff'
import { v } from '@shared/values/messages'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { SyncStatusLine } from '../components/SyncStatusLine'

/** The form's own shape (selects and text); turned into SetHeadOfficeInput on submit, which main checks again. */
const LinkForm = z.object({
  enabled: z.enum(['on', 'off'], { message: v.choose }),
  host: requiredText(200),
  port: z.string().regex(/^\d{1,5}$/, { message: v.invalid }),
  database: requiredText(63),
  user: requiredText(63),
  password: optionalText(200),
  ssl: z.enum(SSL_MODES, { message: v.choose }),
  caFile: optionalText(500),
  approval: ManagerApproval,
})

/**
 * 总部同步 (issue 16): the link to head office, set by a manager; the password is never shown again.
 * At head office (`headquarters`) the same link is its database, with a head office login.
 */
export function HeadOfficeCard({
  managers,
  approver,
  headquarters = false,
}: {
  managers: StaffPublic[]
  approver: string
  headquarters?: boolean
}) {
  const { t } = useTranslation()
  const text = headquarters
    ? {
        title: 'hq.settings.link',
        intro: 'hq.settings.linkIntro',
        user: 'hq.settings.user',
        userHint: 'hq.settings.userHint',
      }
    : { title: 'headOffice.title', intro: 'headOffice.intro', user: 'headOffice.user', userHint: 'headOffice.userHint' }
  const api = useApi()
  const [again, setAgain] = useState(0)
  const [saved, setSaved] = useState(false)
  const current = useLoad(() => api['headoffice:get'](), [again])
  if (current.state !== 'ready') return null
  const c: HeadOfficeView | null = current.data
  return (
    <section className="card" aria-labelledby="headoffice-card-title">
      <h2 id="headoffice-card-title">{t(text.title)}</h2>
      <p className="muted">{t(text.intro)}</p>
      <SyncStatusLine />
      {saved && <Notice kind="success">{t('headOffice.saved')}</Notice>}
      {c?.passwordSet && <p className="muted small">{t(`headOffice.passwordStored.${c.passwordStorage}`)}</p>}
      <MiniForm
        key={again}
        id="headoffice"
        title={t('headOffice.form')}
        schema={LinkForm}
        defaults={{
          enabled: c?.enabled === false ? 'off' : 'on',
          host: c?.host ?? '',
          port: String(c?.port ?? 5432),
          database: c?.database ?? 'complaint',
          user: c?.user ?? '',
          password: '',
          ssl: c?.ssl ?? 'verify-full',
          caFile: c?.caFile ?? '',
          approval: { managerId: approver, pin: '' },
        }}
        fields={[
          {
            name: 'enabled',
            label: t('headOffice.enabled'),
            kind: 'select',
            options: [
              { value: 'on', label: t('headOffice.on') },
              { value: 'off', label: t('headOffice.off') },
            ],
          },
          { name: 'host', label: t('headOffice.host') },
          { name: 'port', label: t('headOffice.port') },
          { name: 'database', label: t('headOffice.database') },
          { name: 'user', label: t(text.user), hint: t(text.userHint) },
          {
            name: 'password',
            label: t('headOffice.password'),
            // Not a PIN: a PIN field would cut it to 8 characters.
            kind: 'secret',
            optional: true,
            hint: c?.passwordSet ? t('headOffice.passwordKeep') : undefined,
          },
          {
            name: 'ssl',
            label: t('headOffice.ssl'),
            kind: 'select',
            options: SSL_MODES.map((m) => ({ value: m, label: t(`headOffice.sslModes.${m}`) })),
          },
          { name: 'caFile', label: t('headOffice.caFile'), optional: true, hint: t('headOffice.caFileHint') },
        ]}
        managers={managers}
        defaultApprover={approver}
        submitLabel={t('actions.save')}
        onSubmit={(f) => {
          setSaved(false)
          return api['headoffice:set']({ ...f, enabled: f.enabled === 'on', port: Number(f.port) })
        }}
        onDone={() => {
          setSaved(true)
          setAgain((n) => n + 1)
        }}
      />
    </section>
  )
}
