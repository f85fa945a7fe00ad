import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto';

describe('paretoFront', () => {
  const pts = [
    { x: 0.1, y: 0.9 }, // front
    { x: 0.5, y: 0.5 }, // front
    { x: 0.4, y: 0.4 }, // dominated by (0.5, 0.5)
    { x: 0.9, y: 0.1 }, // front
    { x: 0.2, y: 0.2 }, // dominated
    { x: Number.NaN, y: 1 }, // ignored
  ];

  it('finds the non-dominated points when maximising both, ordered by x', () => {
    expect(paretoFront(pts)).toEqual([0, 1, 3]);
  });

  it('respects lower-is-better axes', () => {
    // minimise y (e.g. gini), maximise x: (0.9, 0.1) dominates everything with smaller x and larger y
    expect(paretoFront(pts, true, false)).toEqual([3]);
    expect(paretoFront(pts, false, false)).toEqual([0, 4, 3]); // (0.2, 0.2) dominates the middle
  });

  it('keeps ties and drops points dominated on one axis only', () => {
    expect(paretoFront([{ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 1, y: 0.5 }])).toEqual([0, 1]);
    expect(paretoFront([])).toEqual([]);
  });

  it('agrees with a brute-force check on random points', () => {
    let s = 7;
    const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const p = Array.from({ length: 200 }, () => ({ x: Math.round(r() * 50) / 50, y: Math.round(r() * 50) / 50 }));
    const brute = p.map((a, i) => (p.some((b) => b.x >= a.x && b.y >= a.y && (b.x > a.x || b.y > a.y)) ? -1 : i)).filter((i) => i >= 0);
    expect([...paretoFront(p)].sort((a, b) => a - b)).toEqual(brute);
  });
});
