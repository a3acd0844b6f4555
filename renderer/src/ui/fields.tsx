import type { ReactNode } from 'react'
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { DatePicker, Form, Input, Radio, Select } from 'antd'
import { FocusableTimeColumns } from './pickerPanel'
import dayjs, { type Dayjs } from 'dayjs'
import { describedBy, useErrorText } from '../components/Field'
import { optionMatches } from './pinyin'

// react-hook-form keeps the values (validated by the same zod schemas as main); antd draws
// the controls. Every control's error sits under it, is announced, and goes once it is fixed.

interface FormItemProps {
  id: string
  label: ReactNode
  error?: string
  hint?: ReactNode
  required?: boolean
  children: ReactNode
}

/** Label, control, hint and the error under the control. */
export function FormItem({ id, label, error, hint, required, children }: FormItemProps) {
  return (
    <Form.Item
      layout="vertical"
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={error ? <span id={`${id}-error`}>{error}</span> : undefined}
      extra={hint && !error ? <span id={`${id}-hint`}>{hint}</span> : undefined}
    >
      {children}
    </Form.Item>
  )
}

export interface FieldProps<T extends FieldValues> {
  control: Control<T>
  name: Path<T>
  id: string
  label: ReactNode
  hint?: string
  required?: boolean
  disabled?: boolean
  placeholder?: string
}

/** Renders one controlled field with its FormItem; `draw` gets the control's common props. */
function Controlled<T extends FieldValues>(
  props: FieldProps<T> & {
    draw: (
      field: { value: unknown; onChange: (v: unknown) => void; onBlur: () => void; ref: unknown },
      aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; status?: 'error' },
    ) => ReactNode
  },
) {
  const errorText = useErrorText()
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => {
        const error = errorText(fieldState.error?.message)
        const aria = {
          id: props.id,
          'aria-invalid': error ? (true as const) : undefined,
          'aria-describedby': describedBy(props.id, error, props.hint),
          status: error ? ('error' as const) : undefined,
        }
        return (
          <FormItem id={props.id} label={props.label} error={error} hint={props.hint} required={props.required}>
            {props.draw(field, aria)}
          </FormItem>
        )
      }}
    />
  )
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v))

export function TextField<T extends FieldValues>(
  props: FieldProps<T> & { prefix?: ReactNode; maxLength?: number; inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' },
) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Input
          {...aria}
          ref={field.ref as never}
          value={text(field.value)}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          disabled={props.disabled}
          placeholder={props.placeholder}
          prefix={props.prefix}
          maxLength={props.maxLength}
          inputMode={props.inputMode}
        />
      )}
    />
  )
}

/** An amount in yuan: typed as text ("20", "20元", "¥20"), read by the shared money rule. */
export function AmountField<T extends FieldValues>(props: FieldProps<T>) {
  return <TextField {...props} prefix="¥" inputMode="decimal" />
}

/** A PIN: digits, hidden, never offered by the browser's password manager. */
export function PinField<T extends FieldValues>(props: FieldProps<T>) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Input.Password
          {...aria}
          ref={field.ref as never}
          value={text(field.value)}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          disabled={props.disabled}
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
        />
      )}
    />
  )
}

/** A password (not a PIN): any characters, any length the schema allows, hidden, never offered by the browser. */
export function PasswordField<T extends FieldValues>(props: FieldProps<T>) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Input.Password
          {...aria}
          ref={field.ref as never}
          value={text(field.value)}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          disabled={props.disabled}
          autoComplete="new-password"
        />
      )}
    />
  )
}

/** A long text; `max` shows a counter (the text is never cut: the schema says when it is too long). */
export function TextAreaField<T extends FieldValues>(props: FieldProps<T> & { rows?: number; max?: number }) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Input.TextArea
          {...aria}
          ref={field.ref as never}
          value={text(field.value)}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
          disabled={props.disabled}
          placeholder={props.placeholder}
          rows={props.rows ?? 3}
          showCount={props.max ? { formatter: ({ count }) => `${count} / ${props.max}` } : false}
        />
      )}
    />
  )
}

export interface Option {
  value: string
  label: string
}

/** A select searchable by its Chinese text and by pinyin initials (`syc` finds 收银差错). */
export function SelectField<T extends FieldValues>(
  props: FieldProps<T> & { options: readonly Option[]; allowClear?: boolean },
) {
  const { t } = useTranslation()
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Select
          {...aria}
          ref={field.ref as never}
          value={text(field.value) || undefined}
          onChange={(v: string | undefined) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          disabled={props.disabled}
          placeholder={props.placeholder ?? t('intake.selectPlaceholder')}
          options={props.options as Option[]}
          allowClear={props.allowClear}
          showSearch={{ filterOption: (input, option) => optionMatches(String(option?.label ?? ''), input) }}
          getPopupContainer={popupContainer}
          style={{ width: '100%' }}
        />
      )}
    />
  )
}

/** Popups stay inside the page's main region (screen readers and axe see them in place). */
export const popupContainer = (node: HTMLElement): HTMLElement => node.closest('main') ?? document.body

/** The local date-time format the schemas take (shared/values/localTime.ts). */
export const LOCAL_DATETIME = 'YYYY-MM-DDTHH:mm'
export const toDayjs = (v: unknown): Dayjs | null => (typeof v === 'string' && v ? dayjs(v) : null)

/** A date and time, shown as 2026-11-23 14:05 (24-hour), kept as a local date-time string. */
export function DateTimeField<T extends FieldValues>(props: FieldProps<T>) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <DatePicker
          {...aria}
          ref={field.ref as never}
          showTime={{ format: 'HH:mm' }}
          panelRender={(panel) => <FocusableTimeColumns>{panel}</FocusableTimeColumns>}
          format="YYYY-MM-DD HH:mm"
          value={toDayjs(field.value)}
          onChange={(d) => field.onChange(d ? d.format(LOCAL_DATETIME) : '')}
          onBlur={field.onBlur}
          disabled={props.disabled}
          getPopupContainer={popupContainer}
          style={{ width: '100%' }}
        />
      )}
    />
  )
}

/** A small set of choices shown at once (a rating, yes/no). */
export function ChoiceField<T extends FieldValues>(
  props: FieldProps<T> & { options: readonly { value: string | number; label: string }[] },
) {
  return (
    <Controlled
      {...props}
      draw={(field, aria) => (
        <Radio.Group
          id={aria.id}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={aria['aria-describedby']}
          value={field.value ?? undefined}
          onChange={(e) => field.onChange(e.target.value)}
          disabled={props.disabled}
          options={props.options as { value: string | number; label: string }[]}
        />
      )}
    />
  )
}
