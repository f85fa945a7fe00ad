import { describe, expect, it } from 'vitest';
import { buildShareBarsFigure, sideShareBars, topCategories } from './bars';
import { buildFilterRequest, distinctValues } from './filters';
import { audienceBars, popularityBars } from '../components/ItemSelectionPanels';
import { audience, itemSelection, userSelection } from '@/test/analysis-fixtures';

describe('share bars', () => {
  it('normalises selection and all to shares of their own totals, counts in the hover', () => {
    const bars = sideShareBars(userSelection.side[0]);
    expect(bars.series[0].shares).toEqual([1 / 3, 2 / 3]);
    expect(bars.series[1].shares[0]).toBeCloseTo(1709 / 6040, 10);
    const fig = buildShareBarsFigure(bars);
    expect((fig.data[1] as { customdata: string[][] }).customdata[1][0]).toBe('71.7% · 4,331 counts');
  });

  it('labels numeric bins by their edges', () => {
    expect(sideShareBars(userSelection.side[1]).categories).toEqual(['[18, 25)', '[25, 35)', '[35, 60)']);
  });

  it('folds small categories into "other" keeping totals', () => {
    const categories = Array.from({ length: 25 }, (_, i) => `c${i}`);
    const counts = categories.map((_, i) => i + 1);
    const folded = topCategories({ categories, series: [{ name: 'a', counts, shares: counts.map((c) => c / 325) }] }, 5);
    expect(folded.categories).toEqual(['c24', 'c23', 'c22', 'c21', 'c20', 'other (20)']);
    expect(folded.series[0].counts!.reduce((s, c) => s + c, 0)).toBe(325);
  });

  it('audience: shares of each group\'s users', () => {
    const [[column, bars]] = audienceBars(audience);
    expect(column).toBe('gender');
    expect(bars.series[0].shares).toEqual([120 / 310, 190 / 310]);
    expect(bars.series[1].counts).toEqual([19, 76]);
  });

  it('popularity: log bins selection vs all', () => {
    const bars = popularityBars(itemSelection.popularity);
    expect(bars.categories).toEqual(['[1, 10)', '[10, 100)', '[100, 1000)', '[1000, 10000)']);
    expect(bars.series[0].shares).toEqual([0, 0, 0.5, 0.5]);
  });
});

describe('filters', () => {
  it('drops empty filters and sends only set bounds', () => {
    expect(buildFilterRequest('user', [{ column: 'gender', kind: 'categorical', values: [], min: '', max: '' }], { name: 'recall@10', min: '' })).toBeNull();
    expect(buildFilterRequest('item', [
      { column: 'genres', kind: 'multi', values: ['Comedy'], min: '', max: '' },
      { column: 'year', kind: 'numeric', values: [], min: '1990', max: '' },
    ], { name: 'recall@10', min: '0.5' })).toEqual({ entity: 'item', where: { genres: ['Comedy'], year: { min: 1990 } } });
  });

  it('lists distinct values most frequent first, flattening lists', () => {
    expect(distinctValues([['a', 'b'], ['b'], 'c', null, ['b', 'c']])).toEqual(['b', 'c', 'a']);
  });
});
