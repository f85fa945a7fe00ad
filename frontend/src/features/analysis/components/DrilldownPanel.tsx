import type { Drilldown, DrilldownItem } from '../types';
import { SideValue, sideColumnsOf } from './SideValue';

function ItemList({ title, hint, items, hits, testId }: { title: string; hint?: string; items: (DrilldownItem & { rank?: number; hit?: boolean })[]; hits?: boolean; testId: string }) {
  const cols = sideColumnsOf(items);
  return (
    <div className="diff-col" data-testid={testId}>
      <div className="diff-col-title">{title}{hint && <span className="muted small"> {hint}</span>}</div>
      {items.length === 0 ? <p className="muted small panel-empty">none</p> : (
        <table className="data-table compact">
          <thead><tr>{hits && <th className="num">rank</th>}<th>item</th>{cols.map((c) => <th key={c}>{c}</th>)}{hits && <th>hit</th>}</tr></thead>
          <tbody>
            {items.map((it, i) => (
              <tr key={`${String(it.item)}-${i}`} className={it.hit ? 'row-hit' : ''} data-testid="drill-item" data-item={String(it.item)} data-hit={it.hit ? 'true' : 'false'}>
                {hits && <td className="num">{it.rank}</td>}
                <td className="mono">{String(it.item)}</td>
                {cols.map((c) => <td key={c} className="side-cell"><SideValue value={it.side?.[c]} /></td>)}
                {hits && <td>{it.hit ? <span className="hit-mark" title="in the user's ground truth">✓ hit</span> : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One user: side info, train history, ground truth, and each experiment's top-K with hits marked. */
export function DrilldownPanel({ drilldown: d }: { drilldown: Drilldown }) {
  const sideEntries = Object.entries(d.side ?? {});
  return (
    <div data-testid="drilldown">
      <div className="diff-summary">
        User <strong className="mono">{String(d.user)}</strong>
        {sideEntries.length > 0 && <> · {sideEntries.map(([k, v], i) => <span key={k}>{i > 0 && ', '}{k}: <SideValue value={v} /></span>)}</>}
        {' · '}{d.train.length} train items, {d.ground_truth.length} in the ground truth
      </div>
      <div className="drill-cols">
        <ItemList title="Train history" items={d.train} testId="drill-train" />
        <ItemList title="Ground truth" items={d.ground_truth} testId="drill-truth" />
        {d.experiments.map((e) => {
          const nHits = e.items.filter((it) => it.hit).length;
          return <ItemList key={e.name} title={e.name} hint={`top-${e.items.length} · ${nHits} hit${nHits === 1 ? '' : 's'}`} items={e.items} hits testId={`drill-exp-${e.name}`} />;
        })}
      </div>
    </div>
  );
}
