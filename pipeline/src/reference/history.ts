/** Milestones of the emulation movement and the national congresses (I .. XI). */
import { type CsvRow, cached, columnsOf, readReferenceCsv } from './files.ts'

export interface Milestone {
  readonly id: string
  readonly date: string
  readonly event_vi: string
  readonly document: string | null
  readonly issuer: string | null
}

export interface NationalCongress {
  readonly ordinal: number
  readonly roman: string
  readonly name_vi: string
  readonly start_date: string
  readonly end_date: string
  readonly location: string
  readonly theme: string | null
}

const PROVINCIAL_CONGRESS_COLUMNS = ['province', 'ordinal', 'period_label', 'date'] as const
export type ProvincialCongress = CsvRow<typeof PROVINCIAL_CONGRESS_COLUMNS>

export const milestones = cached(
  (): ReadonlyArray<Milestone> =>
    readReferenceCsv('milestones.csv', ['id', 'date', 'event_vi']).map((r) => ({
      id: r.id!,
      date: r.date!,
      event_vi: r.event_vi!,
      document: r.document ? r.document : null,
      issuer: r.issuer ? r.issuer : null,
    }))
)

export const nationalCongresses = cached(
  (): ReadonlyArray<NationalCongress> =>
    readReferenceCsv('national-congresses.csv', ['ordinal', 'number', 'start_date']).map((r) => ({
      ordinal: Number(r.number),
      roman: r.ordinal!,
      name_vi: r.name_vi ?? '',
      start_date: r.start_date!,
      end_date: r.end_date ?? r.start_date!,
      location: r.location ?? '',
      theme: r.theme ? r.theme : null,
    }))
)

export const provincialCongresses = cached(
  (): ReadonlyArray<ProvincialCongress> =>
    readReferenceCsv('provincial-congresses.csv', ['province', 'ordinal', 'date']).map((r) =>
      columnsOf(r, PROVINCIAL_CONGRESS_COLUMNS)
    )
)
