/**
 * Delivers the weekly digest: by SMTP when THIDUA_SMTP_URL is set (nodemailer; "smtp://user:pass@host:587",
 * "smtps://…:465"), to THIDUA_DIGEST_TO (comma-separated), from THIDUA_DIGEST_FROM; else written to a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createTransport } from 'nodemailer'
import { closeWarehouseSync, openReadOnly } from './open-read.ts'
import { digestHtml, digestSubject } from './html.ts'
import { digestData, weekOf } from './queries.ts'

export interface DigestOptions {
  readonly dbFile: string
  /** Any day of the week to report (default: the week before today). */
  readonly day?: string
  readonly outDir: string
  readonly env?: NodeJS.ProcessEnv
  readonly now?: Date
}

export type DigestResult =
  | {
      readonly sent: true
      readonly to: string[]
      readonly messageId: string
      readonly subject: string
      readonly documents: number
    }
  | { readonly sent: false; readonly file: string; readonly subject: string; readonly documents: number }

export async function runDigest(opts: DigestOptions): Promise<DigestResult> {
  const env = opts.env ?? process.env
  const now = opts.now ?? new Date()
  const day = opts.day ?? new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10)
  const { from, to } = weekOf(day)
  const base = (env.THIDUA_PUBLIC_URL ?? 'http://localhost:8787').replace(/\/$/, '')
  const wh = await openReadOnly(opts.dbFile)
  let data: Awaited<ReturnType<typeof digestData>>
  try {
    data = await digestData(wh.conn, from, to)
  } finally {
    closeWarehouseSync(wh)
  }
  const html = digestHtml(data, base)
  const subject = digestSubject(data)
  const smtp = env.THIDUA_SMTP_URL
  if (smtp) {
    const rcpt = (env.THIDUA_DIGEST_TO ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (rcpt.length === 0) throw new Error('THIDUA_SMTP_URL is set but THIDUA_DIGEST_TO names no recipient')
    const transport = createTransport(smtp)
    try {
      const info = await transport.sendMail({
        from: env.THIDUA_DIGEST_FROM ?? 'Thi Đua Atlas <thidua-atlas@localhost>',
        to: rcpt,
        subject,
        html,
      })
      return { sent: true, to: rcpt, messageId: info.messageId, subject, documents: data.documents.length }
    } finally {
      transport.close()
    }
  }
  mkdirSync(opts.outDir, { recursive: true })
  const file = path.join(opts.outDir, `digest-${from}.html`)
  writeFileSync(file, html)
  return { sent: false, file, subject, documents: data.documents.length }
}
