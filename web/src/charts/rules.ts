/** The dashboard's display rules for rates, in one place. */

/** Below this many articles in the denominator a rate is not shown as a number: it would mean nothing. */
export const MIN_SHARE_DENOMINATOR = 5
