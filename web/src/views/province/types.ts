/** The shape of /api/provinces/<code>/profile, declared once beside the server route. */
export type { ProvinceProfile as Profile } from '../../../../server/src/routes/province-profile-types.ts'
