import { resolve } from 'node:path'

/** Environment variable that points the app (Electron or browser host) at another data directory. */
export const DATA_DIR_ENV = 'COMPLAINT_DESK_DATA_DIR'

export function resolveDataDir(defaultDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DATA_DIR_ENV]?.trim()
  return resolve(override ? override : defaultDir)
}

/** Electron's userData for this app (name "complaint-desk"), computed without Electron for the browser host. */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = env.HOME ?? env.USERPROFILE ?? '.',
): string {
  const name = 'complaint-desk'
  if (platform === 'win32') return resolve(env.APPDATA ?? `${home}/AppData/Roaming`, name)
  if (platform === 'darwin') return resolve(home, 'Library/Application Support', name)
  return resolve(env.XDG_CONFIG_HOME ?? `${home}/.config`, name)
}
