import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SignificanceTable } from './SignificanceTable';
import type { Comparison } from '../types';

const base: Comparison = { metric: 'ndcg@10', a: 'A', b: 'B', n: 6040, mean_a: 0.2, mean_b: 0.25, mean_diff: 0.05, ci_low: 0.03, ci_high: 0.07, p_t: 0.0001, p_wilcoxon: 0.0002, p_t_adj: 0.0003, p_wilcoxon_adj: 0.0004 };

describe('SignificanceTable', () => {
  it('shows mean difference, CI, adjusted p-values and which differences are significant', () => {
    render(<SignificanceTable comparisons={[
      base,
      { ...base, metric: 'recall@10', mean_diff: -0.001, ci_low: -0.01, ci_high: 0.008, p_t: 0.4, p_t_adj: 0.8, p_wilcoxon: 0.5, p_wilcoxon_adj: 0.9 },
    ]} />);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('+0.0500')).toBeTruthy();
    expect(within(rows[1]).getByText('[0.0300, 0.0700]')).toBeTruthy();
    expect(within(rows[1]).getByText('0.0003')).toBeTruthy();
    expect(within(rows[1]).getByText('significant')).toBeTruthy();
    expect(within(rows[2]).getByText('n.s.')).toBeTruthy();
    expect(screen.getByText('p t-test (adj.)')).toBeTruthy();
  });
});
