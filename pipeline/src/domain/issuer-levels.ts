/**
 * Which issuer levels are central (issue #15: one list instead of one in the relation rules, one in the
 * warehouse keys and one in the dev-manifest test). A record, so a level added to `IssuerLevel` without
 * saying whether it is central fails the typecheck.
 */
import type { IssuerLevel } from './extraction.ts'

const IS_CENTRAL: Readonly<Record<IssuerLevel, boolean>> = {
  party_central: true,
  national_assembly: true,
  government: true,
  prime_minister: true,
  ministry: true,
  central_council: true,
  province: false,
  province_party: false,
  district: false,
  commune: false,
  sector: false,
  unknown: false,
}

/** Every issuer level, in the order of the `IssuerLevel` type. */
export const ISSUER_LEVELS = Object.keys(IS_CENTRAL) as readonly IssuerLevel[]

/** True for a level of the central party, state or government; false for none. */
export const isCentralLevel = (l: IssuerLevel | undefined): boolean => l !== undefined && IS_CENTRAL[l]
