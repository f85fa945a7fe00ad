import { describe, expect, it } from 'vitest';
import { compareMetrics, defaultK, formatMetric, higherIsBetter, isPerUser, ksOf, metricLabel, metricsAtK, parseMetric } from './metrics';
import { METRIC_NAMES } from '@/test/fixtures';

describe('metric names', () => {
  it('parses name, K and source', () => {
    expect(parseMetric('ndcg@10')).toEqual({ full: 'ndcg@10', base: 'ndcg', k: 10, source: null });
    expect(parseMetric('diversity@20:genre.genres')).toEqual({ full: 'diversity@20:genre.genres', base: 'diversity', k: 20, source: 'genre.genres' });
    expect(parseMetric('not a metric')).toBeNull();
  });

  it('splits the metrics at one K into accuracy then beyond-accuracy, in display order', () => {
    const { accuracy, beyond } = metricsAtK(METRIC_NAMES, 10);
    expect(accuracy).toEqual(['precision@10', 'recall@10', 'hit_rate@10', 'ndcg@10', 'map@10', 'mrr@10']);
    expect(beyond).toEqual(['novelty@10', 'coverage@10', 'gini@10', 'diversity@10:cooc']);
    expect(metricsAtK(METRIC_NAMES, 5).accuracy).toEqual(['recall@5', 'ndcg@5']);
  });

  it('lists Ks and prefers 10', () => {
    expect(ksOf(METRIC_NAMES)).toEqual([5, 10]);
    expect(defaultK([5, 10, 20])).toBe(10);
    expect(defaultK([5, 20])).toBe(5);
    expect(defaultK([])).toBeNull();
  });

  it('knows which metrics are better lower', () => {
    expect(higherIsBetter('ndcg@10')).toBe(true);
    expect(higherIsBetter('gini@10')).toBe(false);
    expect(higherIsBetter('miscalibration@10:genres')).toBe(false);
  });

  it('orders and labels', () => {
    expect(['coverage@10', 'ndcg@10', 'precision@10'].sort(compareMetrics)).toEqual(['precision@10', 'ndcg@10', 'coverage@10']);
    expect(metricLabel('diversity@10:cooc')).toBe('diversity (cooc)');
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(null)).toBe('—');
    expect(formatMetric(0.00001)).toBe('1.00e-5');
  });
});

describe('isPerUser', () => {
  it('leaves out the global metrics', () => {
    expect(['ndcg@10', 'coverage@10', 'gini@20', 'entropy@10', 'personalization@10', 'diversity@10:cooc']
      .filter(isPerUser)).toEqual(['ndcg@10', 'diversity@10:cooc']);
  });
});
