import { compareMetrics, formatMetric, higherIsBetter, parseMetric } from '@/lib/metrics';
import { directionOf, toneOf } from '../lib/rerank';
import type { MetricDelta } from '../types';

/** The metrics worth a card at K: the main accuracy ones, then beyond-accuracy (not the raw counts). */
const MAIN_ACCURACY = ['ndcg', 'recall', 'precision', 'hit_rate'];
const MAIN_BEYOND = ['diversity', 'novelty', 'unexpectedness', 'serendipity', 'coverage', 'gini', 'miscalibration', 'tail_share', 'avg_popularity'];

/** The deltas at K, in display order; `main` keeps the main metrics only. */
export function deltasAtK(deltas: readonly MetricDelta[], k: number, main = true): MetricDelta[] {
  return deltas
    .filter((d) => {
      const m = parseMetric(d.metric);
      return m !== null && m.k === k && (!main || MAIN_ACCURACY.includes(m.base) || MAIN_BEYOND.includes(m.base));
    })
    .sort((a, b) => compareMetrics(a.metric, b.metric));
}

function relative(d: MetricDelta): string {
  if (d.parent === null || d.derived === null || d.parent === 0 || !Number.isFinite(d.parent)) return '';
  const r = ((d.derived - d.parent) / Math.abs(d.parent)) * 100;
  return `${r > 0 ? '+' : ''}${Math.abs(r) >= 100 ? r.toFixed(0) : r.toFixed(1)}%`;
}

export function DeltaCard({ delta, highlight = false }: { delta: MetricDelta; highlight?: boolean }) {
  const m = parseMetric(delta.metric);
  const dir = directionOf(delta);
  const tone = toneOf(delta);
  const value = delta.delta ?? (delta.derived !== null && delta.parent !== null ? delta.derived - delta.parent : null);
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '●';
  const better = higherIsBetter(delta.metric) ? 'higher is better' : 'lower is better';
  return (
    <div className={`delta-card tone-${tone}${highlight ? ' objective' : ''}`} data-testid="delta-card" data-metric={delta.metric} data-tone={tone}
      title={`${delta.metric}: ${better}; ${tone === 'same' ? 'unchanged' : tone === 'better' ? 'improved' : 'got worse'}`}>
      <div className="delta-head">
        <span className="delta-metric">
          {m ? m.base : delta.metric}{m && <span className="delta-k">@{m.k}</span>}
          {m?.source && <span className="delta-source">{m.source}</span>}
        </span>
        {highlight && <span className="badge badge-info">objective</span>}
      </div>
      <div className="delta-values">
        <span className="mono muted">{formatMetric(delta.parent)}</span>
        <span className="delta-to" aria-hidden>→</span>
        <span className="mono strong">{formatMetric(delta.derived)}</span>
      </div>
      <div className="delta-change">
        <span className="delta-arrow" aria-label={dir}>{arrow}</span>
        <span className="mono">{value !== null && value > 0 ? '+' : ''}{formatMetric(value)}</span>
        <span className="delta-rel">{relative(delta)}</span>
        {!higherIsBetter(delta.metric) && <span className="delta-lower" title="lower is better">↓ better</span>}
      </div>
    </div>
  );
}

/** One card per metric: parent → derived, the change, ▲/▼ green when better, red when worse. */
export function DeltaCards({ deltas, k, main = true, objectiveMetric }: { deltas: readonly MetricDelta[]; k: number; main?: boolean; objectiveMetric?: string }) {
  const shown = deltasAtK(deltas, k, main);
  if (shown.length === 0) return <p className="muted">No metrics at K = {k} in this report.</p>;
  return (
    <div className="delta-grid" data-testid="delta-cards">
      {shown.map((d) => <DeltaCard key={d.metric} delta={d} highlight={d.metric === objectiveMetric} />)}
    </div>
  );
}
