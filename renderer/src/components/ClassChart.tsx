import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

const CLASS_COLOURS = { class1: '#0958d9', class2: '#d46b08' }

/** One bar of the chart: a department, category or branch, and its Class 1 and Class 2 counts. */
export interface ClassChartRow {
  label: string
  class1: number
  class2: number
}

/**
 * Class 1 and Class 2 stacked per row: where the complaints came from, and how serious. The
 * branch's weekly screen and head office's 周报 draw the same chart.
 */
export function ClassChart({
  rows,
  label,
  rowHeight = 34,
  labelWidth = 120,
}: {
  rows: readonly ClassChartRow[]
  label: string
  rowHeight?: number
  labelWidth?: number
}) {
  const { t } = useTranslation()
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={60 + rows.length * rowHeight}>
        <BarChart data={[...rows]} layout="vertical" margin={{ left: 30, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={labelWidth} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="class1"
            name={t('weekly.class1')}
            stackId="c"
            fill={CLASS_COLOURS.class1}
            isAnimationActive={false}
          />
          <Bar
            dataKey="class2"
            name={t('weekly.class2')}
            stackId="c"
            fill={CLASS_COLOURS.class2}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
