import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Controller } from 'react-hook-form'
import { Alert, Card, Col, Input, Row } from 'antd'
import { z } from 'zod'
import { ManagerApproval, optionalText, requiredText } from '@shared/schemas/common'
import { SSL_MODES, type HeadOfficeView } from '@shared/schemas/headOffice'
import type { StaffPublic } from '@shared/schemas/staff'
import { v } from '@shared/values/messages'
import { lacksPassword } from '@shared/rules/headOfficeLink'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import { FormItem, SelectField, TextField } from '../ui/fields'
import { describedBy, useErrorText } from '../components/Field'
import { SyncStatusLine } from '../components/SyncStatusLine'
import { ApprovalForm } from './settings/ApprovalForm'

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
  headquarters = false,
}: {
  managers: StaffPublic[]
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
  const { success } = useFeedback()
  const errorText = useErrorText()
  const [again, setAgain] = useState(0)
  const current = useLoad(() => api['headoffice:get'](), [again])
  const c: HeadOfficeView | null = current.state === 'ready' ? current.data : null
  return (
    <section aria-labelledby="headoffice-card-title">
      <Card
        title={
          <h2 id="headoffice-card-title" className="card-title">
            {t(text.title)}
          </h2>
        }
        size="small"
      >
        <p className="muted">{t(text.intro)}</p>
        <SyncStatusLine />
        {current.state === 'error' && <Alert type="error" showIcon message={current.error.message} />}
        {c?.passwordSet && <p className="muted small">{t(`headOffice.passwordStored.${c.passwordStorage}`)}</p>}
        {current.state === 'ready' && (
          <ApprovalForm
            key={again}
            id="headoffice"
            title={t('headOffice.form')}
            heading={false}
            schema={LinkForm.refine(
              (f) => !lacksPassword({ enabled: f.enabled === 'on', password: f.password }, Boolean(c?.passwordSet)),
              { path: ['password'], message: v.linkPassword },
            )}
            defaults={{
              enabled: c?.enabled === false ? 'off' : 'on',
              host: c?.host ?? '',
              port: String(c?.port ?? 5432),
              database: c?.database ?? 'complaint',
              user: c?.user ?? '',
              password: '',
              ssl: c?.ssl ?? 'verify-full',
              caFile: c?.caFile ?? '',
            }}
            fields={(control) => (
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <SelectField
                    control={control}
                    name="enabled"
                    id="headoffice-enabled"
                    label={t('headOffice.enabled')}
                    options={[
                      { value: 'on', label: t('headOffice.on') },
                      { value: 'off', label: t('headOffice.off') },
                    ]}
                  />
                </Col>
                <Col xs={24} md={10}>
                  <TextField control={control} name="host" id="headoffice-host" label={t('headOffice.host')} required />
                </Col>
                <Col xs={24} md={6}>
                  <TextField
                    control={control}
                    name="port"
                    id="headoffice-port"
                    label={t('headOffice.port')}
                    inputMode="numeric"
                    required
                  />
                </Col>
                <Col xs={24} md={8}>
                  <TextField
                    control={control}
                    name="database"
                    id="headoffice-database"
                    label={t('headOffice.database')}
                    required
                  />
                </Col>
                <Col xs={24} md={8}>
                  <TextField
                    control={control}
                    name="user"
                    id="headoffice-user"
                    label={t(text.user)}
                    hint={t(text.userHint)}
                    required
                  />
                </Col>
                <Col xs={24} md={8}>
                  <Controller
                    control={control}
                    name="password"
                    render={({ field, fieldState }) => {
                      const error = errorText(fieldState.error?.message)
                      const hint = c?.passwordSet ? t('headOffice.passwordKeep') : undefined
                      return (
                        <FormItem id="headoffice-password" label={t('headOffice.password')} error={error} hint={hint}>
                          {/* A database password: any characters, never offered by the browser's password manager. */}
                          <Input.Password
                            id="headoffice-password"
                            ref={field.ref}
                            value={field.value ?? ''}
                            onChange={(e) => field.onChange(e.target.value)}
                            onBlur={field.onBlur}
                            autoComplete="new-password"
                            status={error ? 'error' : undefined}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={describedBy('headoffice-password', error, hint)}
                          />
                        </FormItem>
                      )
                    }}
                  />
                </Col>
                <Col xs={24} md={8}>
                  <SelectField
                    control={control}
                    name="ssl"
                    id="headoffice-ssl"
                    label={t('headOffice.ssl')}
                    options={SSL_MODES.map((m) => ({ value: m, label: t(`headOffice.sslModes.${m}`) }))}
                  />
                </Col>
                <Col xs={24} md={16}>
                  <TextField
                    control={control}
                    name="caFile"
                    id="headoffice-caFile"
                    label={t('headOffice.caFile')}
                    hint={t('headOffice.caFileHint')}
                  />
                </Col>
              </Row>
            )}
            submitLabel={t('actions.save')}
            managers={managers}
            onSubmit={(f) => api['headoffice:set']({ ...f, enabled: f.enabled === 'on', port: Number(f.port) })}
            onDone={() => {
              success(t('headOffice.saved'))
              setAgain((n) => n + 1)
            }}
          />
        )}
      </Card>
    </section>
  )
}
