import { describe, expect, it } from 'vitest';
import { userProjection } from '@/test/analysis-fixtures';
import { FILTERED_OUT_TRACE, MAX_COLOR_CATEGORIES, WEBGL_THRESHOLD, buildMapFigure, idsOfPoints } from './map';
import type { Attribute, Projection } from '../types';

const big = (n: number): Projection => ({
  ...userProjection, n_total: n, n_points: n, ids: Array.from({ length: n }, (_, i) => i), x: new Array<number>(n).fill(0), y: new Array<number>(n).fill(0),
});

type T = { type: string; name: string; customdata: number[]; marker: { color: unknown; showscale?: boolean } };

describe('map figure', () => {
  it('uses WebGL above the threshold only', () => {
    expect((buildMapFigure(big(WEBGL_THRESHOLD), null, { entity: 'user' }).data[0] as T).type).toBe('scatter');
    expect((buildMapFigure(big(WEBGL_THRESHOLD + 1), null, { entity: 'user' }).data[0] as T).type).toBe('scattergl');
  });

  it('colours a numeric attribute on a colour scale, aligned by id (not by position)', () => {
    const attr: Attribute = { name: 'recall@10', kind: 'numeric', ids: [...userProjection.ids].reverse(), values: [...userProjection.ids].reverse().map((id) => Number(id) / 100) };
    const [t] = buildMapFigure(userProjection, attr, { entity: 'user' }).data as T[];
    expect(t.marker.showscale).toBe(true);
    expect((t.marker.color as number[]).slice(0, 3)).toEqual([0.01, 0.02, 0.03]);
  });

  it('keeps the largest categories and folds the rest, multi-valued by first value', () => {
    const n = 60;
    const p = big(n);
    const values = p.ids.map((id) => [`g${Number(id) % 12}`, 'x']);
    const data = buildMapFigure(p, { name: 'genres', kind: 'multi', ids: p.ids, values }, { entity: 'item' }).data as T[];
    expect(data).toHaveLength(MAX_COLOR_CATEGORIES + 1);
    expect(data.at(-1)!.name).toBe('other / n/a');
    expect(data.reduce((s, t) => s + t.customdata.length, 0)).toBe(n);
  });

  it('draws the points a filter drops in a grey trace first', () => {
    const data = buildMapFigure(userProjection, null, { entity: 'user', keep: new Set(['1', '2']) }).data as T[];
    expect(data.map((t) => t.name)).toEqual([FILTERED_OUT_TRACE, 'users']);
    expect(data[0].customdata).toHaveLength(38);
    expect(data[1].customdata).toEqual([1, 2]);
  });

  it('reads ids of selected points without duplicates and without filtered-out points', () => {
    expect(idsOfPoints([{ customdata: 'a' }, { customdata: 3 }, { customdata: 'a' }, { customdata: 9, data: { name: FILTERED_OUT_TRACE } }, {}])).toEqual(['a', 3]);
  });
});
