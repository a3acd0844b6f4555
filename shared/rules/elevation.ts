import type { StaffRef } from '../schemas/common'
import type { Elevation } from '../schemas/staff'

/** How long a manager's PIN stands for further approvals (docs/domain.md §10, 主管授权). */
export const ELEVATION_MINUTES = 5

/** The elevation a PIN proved at `at` gives: counted from the PIN, never extended by use. */
export function elevationFrom(by: StaffRef, at: Date): Elevation {
  return { by, until: new Date(at.getTime() + ELEVATION_MINUTES * 60_000).toISOString() }
}

/** The elevation still standing at `now`, or null. */
export function activeElevation(elevation: Elevation | null | undefined, now: Date): Elevation | null {
  return elevation && Date.parse(elevation.until) > now.getTime() ? elevation : null
}

/** Whether `managerId` may approve at `now` without typing their PIN. */
export function elevatedAs(elevation: Elevation | null | undefined, managerId: string, now: Date): boolean {
  return activeElevation(elevation, now)?.by.id === managerId
}
