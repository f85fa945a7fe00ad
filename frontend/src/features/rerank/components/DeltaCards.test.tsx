import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { report } from '@/test/rerank-fixtures';
import { DeltaCards, deltasAtK } from './DeltaCards';

const card = (metric: string) => screen.getAllByTestId('delta-card').find((c) => c.dataset.metric === metric)!;

describe('DeltaCards', () => {
  it('shows one card per main metric at K, parent → derived, in metric order', () => {
    render(<DeltaCards deltas={report.deltas} k={10} objectiveMetric="diversity@10:cooc" />);
    expect(screen.getAllByTestId('delta-card').map((c) => c.dataset.metric)).toEqual(
      ['recall@10', 'ndcg@10', 'coverage@10', 'gini@10', 'diversity@10:cooc', 'miscalibration@10:genres'],
    );
    expect(card('ndcg@10').textContent).toContain('0.1683');
    expect(card('ndcg@10').textContent).toContain('0.1533');
    expect(card('ndcg@10').textContent).toContain('-0.0150');
    expect(card('ndcg@10').textContent).toContain('-8.9%');
    expect(card('diversity@10:cooc').textContent).toContain('objective');
  });

  it('colours by better/worse, not by up/down: lower-is-better metrics flip', () => {
    render(<DeltaCards deltas={report.deltas} k={10} />);
    expect(card('ndcg@10').dataset.tone).toBe('worse'); // ▼ accuracy
    expect(card('ndcg@10').textContent).toContain('▼');
    expect(card('diversity@10:cooc').dataset.tone).toBe('better'); // ▲ diversity
    expect(card('gini@10').dataset.tone).toBe('better'); // ▼ gini: less concentration is better
    expect(card('gini@10').textContent).toContain('▼');
    expect(card('miscalibration@10:genres').dataset.tone).toBe('worse'); // ▲ miscalibration is worse
    expect(card('miscalibration@10:genres').textContent).toContain('▲');
    expect(card('coverage@10').dataset.tone).toBe('same');
  });

  it('falls back to the delta sign without a direction, and shows all metrics on request', () => {
    const [d] = deltasAtK([{ metric: 'gini@10', parent: 0.9, derived: 0.95, delta: 0.05 }], 10);
    render(<DeltaCards deltas={[d]} k={10} />);
    expect(card('gini@10').dataset.tone).toBe('worse');
    expect(deltasAtK(report.deltas, 10, false).map((x) => x.metric)).toContain('entropy@10');
    expect(deltasAtK(report.deltas, 5).map((x) => x.metric)).toEqual(['ndcg@5']);
  });
});
