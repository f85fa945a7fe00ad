/** Finite values only: a user without a value for a metric is left out of its distribution. */
export const finite = (values: readonly number[]): number[] => values.filter((v) => Number.isFinite(v));

export function mean(values: readonly number[]): number {
  const f = finite(values);
  return f.length === 0 ? Number.NaN : f.reduce((s, v) => s + v, 0) / f.length;
}

/** Range padded by a fraction of its span, for y-axes fitted to the data. */
export function fittedRange(values: readonly number[], pad = 0.15): [number, number] | null {
  const f = finite(values);
  if (f.length === 0) return null;
  const lo = Math.min(...f);
  const hi = Math.max(...f);
  const span = hi - lo || Math.abs(hi) || 1;
  const low = lo - span * pad;
  return [lo >= 0 && low < 0 ? 0 : low, hi + span * pad];
}
