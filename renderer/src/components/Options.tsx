import { useTranslation } from 'react-i18next'
import type { Department } from '@shared/schemas/staff'
import type { Load } from '../hooks/useLoad'

/** <option>s for an enumerated field, labelled from i18n `options.<labelKey>.<value>`. */
export function EnumOptions({ values, labelKey }: { values: readonly string[]; labelKey: string }) {
  const { t } = useTranslation()
  return values.map((value) => (
    <option key={value} value={value}>
      {t(`options.${labelKey}.${value}`)}
    </option>
  ))
}

/** <option>s for the branch's departments (none until loaded). */
export function DepartmentOptions({ departments }: { departments: Load<Department[]> }) {
  if (departments.state !== 'ready') return null
  return departments.data.map((d) => (
    <option key={d.id} value={d.id}>
      {d.name}
    </option>
  ))
}
