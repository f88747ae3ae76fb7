/**
 * A short digest of the data a chart draws (series names and values): tests and "did this filter
 * change the figure" checks read it from the DOM instead of the canvas.
 */
export const seriesFingerprint = (option: object): string => {
  const series = (option as { series?: Array<{ name?: unknown; data?: unknown }> }).series ?? []
  const text = JSON.stringify(series.map((x) => [x.name ?? null, x.data ?? null]))
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return `${series.length}:${(h >>> 0).toString(16)}`
}
