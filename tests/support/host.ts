import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const BRIDGE = `${root}/out/main/bridge.js`

export interface Host {
  /** The URL with the per-run token, as a user would open it. */
  url: string
  stop: () => Promise<void>
}

/** Starts the browser host (built renderer + real services) on `dataDir` and a free port. */
export async function startHost(dataDir: string): Promise<Host> {
  if (!existsSync(BRIDGE)) throw new Error(`${BRIDGE} is missing: run \`npm run build\` first (npm run test:e2e does).`)
  const child: ChildProcess = spawn(process.execPath, [BRIDGE, '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (http\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)))
  })
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        // A host that does not stop promptly is killed, so one bad test cannot stall the suite.
        const hard = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(hard)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
