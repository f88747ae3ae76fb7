/** What a platform adapter reads from one page; parse-article.ts fills gaps from head metadata. */
import type { Element } from 'domhandler'
import type { Doc } from '../../parse/doc.ts'
import type { HeadMeta } from '../../parse/head-meta.ts'

export interface AdapterInput {
  readonly doc: Doc
  readonly url: string
  readonly meta: HeadMeta
}

export interface AdapterOutput {
  readonly title: string | null
  /** The sapo / lead as shown on the page (it also opens the body when it is part of the roots). */
  readonly lead: string | null
  /** Visible date text in the platform's own format ("Thứ ba - 22/10/2019 15:50"). */
  readonly dateText: string | null
  /** A machine-readable publication time (datetime attribute, REST field), when the page has one. */
  readonly dateMachine?: string | null
  readonly updatedMachine?: string | null
  readonly authors: ReadonlyArray<string>
  /** The account that posted the page (CMS user): used only when the text carries no byline. */
  readonly posterAuthors?: ReadonlyArray<string>
  readonly category: string | null
  readonly tags: ReadonlyArray<string>
  /** Body roots in reading order (lead block first when the page prints it apart from the body). */
  readonly body: ReadonlyArray<Element>
}

export interface Adapter {
  readonly platform: string
  readonly parse: (input: AdapterInput) => AdapterOutput
}
