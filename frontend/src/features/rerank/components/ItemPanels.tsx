import { Card } from '@/components/ui';
import { formatCount } from '@/lib/format';
import { sideColumns, sideValues } from '../lib/rerank';
import type { ItemCount } from '../types';

const FIXED = ['item_id', 'count'];

/** A side value; multi-valued ones as tags, or as one clipped line (`compact`, for narrow tables). */
export function SideCell({ value, compact = false, multi = false }: { value: unknown; compact?: boolean; multi?: boolean }) {
  const values = sideValues(value);
  if (values.length === 0) return <span className="muted">—</span>;
  if (compact) return <span className="side-line" title={values.join(', ')}>{values.join(', ')}</span>;
  if (values.length === 1 && !multi) return <>{values[0]}</>;
  return <span className="tags">{values.map((v) => <span key={v} className="tag">{v}</span>)}</span>;
}

/** Item id, how many users got it (with a bar), then the item side columns. */
export function ItemCountTable({ items, tone = 'neutral', empty }: { items: readonly ItemCount[]; tone?: 'neutral' | 'good' | 'accent'; empty: string }) {
  if (items.length === 0) return <p className="muted small panel-empty">{empty}</p>;
  const cols = sideColumns(items, FIXED);
  const max = Math.max(...items.map((i) => i.count), 1);
  return (
    <div className="table-scroll">
      <table className="data-table compact item-table">
        <thead>
          <tr><th>item</th><th className="num">users</th>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={String(it.item_id)}>
              <td className="mono">{String(it.item_id)}</td>
              <td className="num count-cell">
                <span className="count-wrap">
                  <span className="count-track" aria-hidden><span className={`count-bar bar-${tone}`} style={{ width: `${(it.count / max) * 100}%` }} /></span>
                  <span className="count-value">{formatCount(it.count)}</span>
                </span>
              </td>
              {cols.map((c) => <td key={c} className="side-cell"><SideCell value={it[c]} compact /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Most recommended before and after re-ranking, and the items only the re-ranked lists contain. */
export function ItemPanels({ before, after, fresh }: { before: readonly ItemCount[]; after: readonly ItemCount[]; fresh: readonly ItemCount[] }) {
  return (
    <div className="three-col" data-testid="item-panels">
      <Card title={<>Most recommended before<span className="card-hint">parent lists</span></>} testId="panel-before">
        <ItemCountTable items={before} empty="No items." />
      </Card>
      <Card title={<>Most recommended after<span className="card-hint">re-ranked lists</span></>} testId="panel-after">
        <ItemCountTable items={after} tone="accent" empty="No items." />
      </Card>
      <Card title={<>New after re-ranking<span className="card-hint">not in the parent's lists</span></>} testId="panel-new">
        <ItemCountTable items={fresh} tone="good" empty="Re-ranking brought in no new items." />
      </Card>
    </div>
  );
}
