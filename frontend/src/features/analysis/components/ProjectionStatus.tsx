import { formatCount } from '@/lib/format';
import { SOURCE_LABELS } from '../lib/map';
import type { Projection, ProjectionProgress } from '../types';

/** While the projection job runs: its stage and progress. */
export function ProjectionRunning({ progress }: { progress: ProjectionProgress }) {
  const share = Math.min(1, Math.max(0, progress.progress ?? 0));
  return (
    <div className="job-progress" data-testid="projection-progress">
      <div className="job-progress-head">
        <strong>Computing the map…</strong>
        <span className="muted small" data-testid="projection-stage">{progress.stage ? `${progress.stage} · ` : ''}{Math.round(share * 100)}%</span>
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="muted small">The first request starts a background job; this page asks again every second.</span>
    </div>
  );
}

/** What the map was computed from and whether it is a sample. */
export function ProjectionInfo({ projection: p }: { projection: Projection }) {
  return (
    <div className="map-info muted small" data-testid="map-source">
      <span>{p.method.toUpperCase()}{p.method === 'umap' && p.neighbors ? ` (${p.neighbors} neighbours)` : ''} of <strong data-testid="map-source-name">{SOURCE_LABELS[p.source] ?? p.source}</strong>, {p.source_dims} dims</span>
      {p.method === 'pca' && p.explained_variance && p.explained_variance.length >= 2 && (
        <span> · axes explain {((p.explained_variance[0] + p.explained_variance[1]) * 100).toFixed(1)}% of the variance</span>
      )}
      {' · '}
      {p.sampled
        ? <span className="badge badge-warn" data-testid="map-sampled" title={p.sample_note ?? undefined}>sample: {formatCount(p.n_points)} of {formatCount(p.n_total)}{p.sample_note ? ` (${p.sample_note})` : ''}</span>
        : <span data-testid="map-complete">all {formatCount(p.n_total)} {p.entity}s</span>}
    </div>
  );
}
