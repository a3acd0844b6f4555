import { format } from 'date-fns'

/** Times are shown in the branch PC's local time, 24-hour, the same in both languages. */
export function formatDateTime(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd HH:mm')
}

/** A time of day, 24-hour. */
export function formatTime(iso: string): string {
  return format(new Date(iso), 'HH:mm')
}
