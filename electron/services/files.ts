import type { DesktopActions, ServiceContext } from './context'
import { AppError } from './errors'

/** Saving, opening and printing files is the desktop app's; the browser host downloads instead. */
export function desktopOnly(ctx: ServiceContext): DesktopActions {
  if (!ctx.desktop) throw new AppError('NOT_ALLOWED', {}, 'refusals.desktop_only')
  return ctx.desktop
}

/** A file name from the renderer never carries a path. */
export function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_')
}
