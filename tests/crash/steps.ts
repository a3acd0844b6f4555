// Counts the calls that change files (fs/promises and file handles) and kills this process
// with SIGKILL just before the k-th: the crash test uses it to kill a backup or a restore
// at every one of its steps in turn.
import * as fsp from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'

const CHANGING = ['writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'rmdir', 'link', 'copyFile', 'mkdir', 'truncate']
const HANDLE = ['write', 'writeFile', 'sync', 'datasync', 'truncate']

let armed = false
let steps = 0
let killAt = Infinity

function step(): void {
  if (!armed) return
  steps += 1
  if (steps >= killAt) process.kill(process.pid, 'SIGKILL')
}

/** Wraps the file-changing calls once; nothing is counted until arm(). */
export async function installSteps(): Promise<void> {
  const mutable = (await import('node:fs')).promises as unknown as Record<string, (...a: unknown[]) => unknown>
  for (const name of CHANGING) {
    const real = mutable[name]
    mutable[name] = (...args: unknown[]) => {
      step()
      return real(...args)
    }
  }
  const realOpen = mutable.open
  mutable.open = (...args: unknown[]) => {
    const flags = String(args[1] ?? 'r')
    if (flags !== 'r') step()
    return realOpen(...args)
  }
  syncBuiltinESMExports()
  const handle = await fsp.open(process.execPath, 'r')
  const proto = Object.getPrototypeOf(handle) as Record<string, (...a: unknown[]) => unknown>
  await handle.close()
  for (const name of HANDLE) {
    const real = proto[name]
    proto[name] = function (this: unknown, ...args: unknown[]) {
      step()
      return real.apply(this, args)
    }
  }
}

/** Counts from now on, and kills the process at the `at`-th file-changing call (1-based). */
export function arm(at: number): void {
  armed = true
  steps = 0
  killAt = at
}

/** How many file-changing calls were counted since arm(). */
export function counted(): number {
  return steps
}
