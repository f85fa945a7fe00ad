import { useMemo, useState } from 'react';
import { Button, Spinner } from '@/components/ui';
import { useAttribute } from '../api/get-attributes';
import { buildFilterRequest, distinctValues, type FilterDraft, type MetricDraft } from '../lib/filters';
import type { AttributeNames, Entity, FilterRequest } from '../types';

function CategoryChoices({ dataset, experiment, entity, draft, onChange }: { dataset: string; experiment: string; entity: Entity; draft: FilterDraft; onChange: (d: FilterDraft) => void }) {
  const attr = useAttribute(dataset, experiment, entity, draft.column);
  const options = useMemo(() => (attr.data ? distinctValues(attr.data.values) : []), [attr.data]);
  if (attr.isPending) return <Spinner label="values…" />;
  if (attr.isError) return <span className="muted small">values unavailable</span>;
  const has = (v: string | number) => draft.values.some((x) => String(x) === String(v));
  return (
    <span className="filter-choices">
      {options.map((v) => (
        <label key={String(v)} className={`chip-check${has(v) ? ' on' : ''}`}>
          <input type="checkbox" checked={has(v)} data-testid={`filter-value-${draft.column}-${String(v)}`}
            onChange={(e) => onChange({ ...draft, values: e.target.checked ? [...draft.values, v] : draft.values.filter((x) => String(x) !== String(v)) })} />
          {String(v)}
        </label>
      ))}
    </span>
  );
}

/**
 * Filters applied before selecting on the map: side columns (categories or a numeric range) and,
 * for users, "only users with <metric> ≥ x". Apply posts them; the map greys out the rest.
 */
export function FilterPanel({ dataset, experiment, entity, names, applied, onApply, result }: {
  dataset: string;
  experiment: string;
  entity: Entity;
  names: AttributeNames | undefined;
  applied: FilterRequest | null;
  onApply: (body: FilterRequest | null) => void;
  result?: { n: number; n_total: number } | null;
}) {
  const [drafts, setDrafts] = useState<FilterDraft[]>([]);
  const [metric, setMetric] = useState<MetricDraft>({ name: '', min: '' });
  const side = names?.side ?? [];
  const unused = side.filter((s) => !drafts.some((d) => d.column === s.name));
  const body = buildFilterRequest(entity, drafts, entity === 'user' ? metric : null);
  const update = (i: number, d: FilterDraft) => setDrafts(drafts.map((x, j) => (j === i ? d : x)));
  const metricOptions = names?.metrics ?? [];
  return (
    <div className="filter-panel" data-testid="filter-panel">
      {drafts.map((d, i) => (
        <div key={d.column} className="filter-row" data-testid={`filter-row-${d.column}`}>
          <span className="filter-col">{d.column}</span>
          {d.kind === 'numeric' ? (
            <span className="filter-range">
              <input type="number" aria-label={`${d.column} from`} placeholder="from" value={d.min} data-testid={`filter-min-${d.column}`} onChange={(e) => update(i, { ...d, min: e.target.value })} />
              <span className="muted">to</span>
              <input type="number" aria-label={`${d.column} to`} placeholder="to" value={d.max} data-testid={`filter-max-${d.column}`} onChange={(e) => update(i, { ...d, max: e.target.value })} />
            </span>
          ) : <CategoryChoices dataset={dataset} experiment={experiment} entity={entity} draft={d} onChange={(x) => update(i, x)} />}
          <button type="button" className="link small" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>remove</button>
        </div>
      ))}
      <div className="filter-row">
        {unused.length > 0 && (
          <select className="control-select" value="" aria-label="add a filter" data-testid="filter-add"
            onChange={(e) => {
              const s = side.find((x) => x.name === e.target.value);
              if (s) setDrafts([...drafts, { column: s.name, kind: s.kind, values: [], min: '', max: '' }]);
            }}>
            <option value="">+ filter on a side column…</option>
            {unused.map((s) => <option key={s.name} value={s.name}>{s.name} ({s.kind})</option>)}
          </select>
        )}
        {entity === 'user' && metricOptions.length > 0 && (
          <span className="filter-metric">
            <span className="muted small">only users with</span>
            <select className="control-select" value={metric.name} aria-label="metric" data-testid="filter-metric" onChange={(e) => setMetric({ ...metric, name: e.target.value })}>
              <option value="">(any metric)</option>
              {metricOptions.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
            <span className="muted">≥</span>
            <input type="number" step="any" aria-label="metric at least" value={metric.min} data-testid="filter-metric-min" onChange={(e) => setMetric({ ...metric, min: e.target.value })} />
          </span>
        )}
        <span className="toolbar-spacer" />
        {result && applied && <span className="muted small" data-testid="filter-count">{result.n.toLocaleString('en-US')} of {result.n_total.toLocaleString('en-US')} {entity}s kept</span>}
        {applied && <Button variant="ghost" onClick={() => { setDrafts([]); setMetric({ name: '', min: '' }); onApply(null); }} data-testid="filter-clear">Clear filters</Button>}
        <Button variant="primary" disabled={!body && !applied} onClick={() => onApply(body)} data-testid="filter-apply">Apply filters</Button>
      </div>
    </div>
  );
}
