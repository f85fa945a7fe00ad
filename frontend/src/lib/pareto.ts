export interface ParetoInput {
  x: number;
  y: number;
}

/**
 * Indices of the non-dominated points when maximising (or minimising) x and y, ordered by x.
 * A point is dominated when another is at least as good on both and better on one.
 * Points with a NaN coordinate are never on the front. O(n log n).
 */
export function paretoFront(points: readonly ParetoInput[], xHigherIsBetter = true, yHigherIsBetter = true): number[] {
  const sx = xHigherIsBetter ? 1 : -1;
  const sy = yHigherIsBetter ? 1 : -1;
  const idx = points.map((_, i) => i).filter((i) => Number.isFinite(points[i].x) && Number.isFinite(points[i].y));
  // best x first; among equal x, best y first
  idx.sort((a, b) => sx * (points[b].x - points[a].x) || sy * (points[b].y - points[a].y));
  const front: number[] = [];
  let bestY = -Infinity;
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (const i of idx) {
    const y = sy * points[i].y;
    if (y > bestY) {
      front.push(i);
      bestY = y;
      lastX = points[i].x;
      lastY = points[i].y;
    } else if (points[i].x === lastX && points[i].y === lastY) {
      front.push(i); // exact duplicates of a front point are on the front too
    }
  }
  return front.sort((a, b) => points[a].x - points[b].x);
}
