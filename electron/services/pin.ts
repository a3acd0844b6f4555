import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { PinHash } from '../store'

// scrypt with N=2^15 takes ~100 ms here: cheap for one sign-in, costly for guessing a
// 4-digit PIN offline. Parameters are stored with each hash so they can be raised later.
export interface PinCost {
  N: number
  r: number
  p: number
}
const DEFAULT_PARAMS: PinCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function scrypt(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) =>
    scryptCb(pin, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPin(pin: string, params = DEFAULT_PARAMS): Promise<PinHash> {
  const salt = randomBytes(16)
  const hash = await scrypt(pin, salt, params)
  return { algo: 'scrypt', ...params, salt: salt.toString('base64'), hash: hash.toString('base64') }
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await scrypt(pin, Buffer.from(stored.salt, 'base64'), stored)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
