// Head office's database, from the command line (README, "Head office"):
//   npm run headoffice -- migrate --url postgres://owner:…@host/db?sslmode=verify-full&sslrootcert=ca.pem
//   npm run headoffice -- create-branch --url … --code SH01 --name 静安寺店      (password read from stdin)
//   npm run headoffice -- create-headoffice --url … --login ho_zhang             (password read from stdin)
// Run as the schema owner (a role with CREATEROLE that owns the database), never needed at run time.
import pg from 'pg'
import { clientConfig, connectionFromUrl } from './config'
import { createBranchRole, createHeadOfficeRole, migrate } from './migrate'

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

async function readStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  return text.replace(/\r?\n$/, '')
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2)
  const url = option(args, 'url') ?? process.env.HEADOFFICE_DATABASE_URL
  if (!command || !url) {
    process.stderr.write('usage: headoffice migrate|create-branch|create-headoffice --url postgres://…\n')
    process.exit(2)
  }
  const client = new pg.Client(clientConfig(connectionFromUrl(url)))
  await client.connect()
  try {
    if (command === 'migrate') {
      const { applied, current } = await migrate(client)
      process.stdout.write(
        `${applied.length ? `applied ${applied.join(', ')}` : 'up to date'} (migration ${current})\n`,
      )
    } else if (command === 'create-branch') {
      const code = option(args, 'code')
      if (!code) throw new Error('--code is required')
      const role = await createBranchRole(client, code, option(args, 'name') ?? '', await readStdin())
      process.stdout.write(`branch ${code}: role ${role}\n`)
    } else if (command === 'create-headoffice') {
      const login = option(args, 'login')
      if (!login) throw new Error('--login is required')
      const role = await createHeadOfficeRole(client, login, await readStdin())
      process.stdout.write(`head office role ${role}\n`)
    } else throw new Error(`unknown command ${command}`)
  } finally {
    await client.end()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
