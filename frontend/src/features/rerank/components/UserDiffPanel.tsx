import { formatMetric } from '@/lib/metrics';
import { multiValued, shiftOf, sideColumns } from '../lib/rerank';
import type { UserDiff } from '../types';
import { SideCell } from './ItemPanels';

const FIXED_BEFORE = ['item_id', 'rank', 'score', 'new', 'dropped'];
const FIXED_AFTER = ['item_id', 'rank', 'original_rank', 'shift', 'new'];

/**
 * One user's list before and after re-ranking, side by side: rank, item, side columns; the
 * re-ranked list with each item's shift (↑3, ↓2, =, new), the original list marking the items
 * re-ranking dropped.
 */
export function UserDiffPanel({ diff }: { diff: UserDiff }) {
  const k = diff.before.length;
  const afterIds = new Set(diff.after.map((a) => String(a.item_id)));
  const cols = sideColumns([...diff.before, ...diff.after], [...FIXED_BEFORE, ...FIXED_AFTER]);
  const multi = multiValued([...diff.before, ...diff.after], cols);
  const dropped = diff.before.filter((b) => !afterIds.has(String(b.item_id))).length;
  const fresh = diff.after.filter((a) => shiftOf(a, k).kind === 'new').length;
  return (
    <div data-testid="user-diff">
      <div className="diff-summary">
        User <strong className="mono">{String(diff.user_id)}</strong>: {fresh === 0 ? 'same items, re-ordered' : `${fresh} of ${diff.after.length} items new, ${dropped} dropped`}.
      </div>
      <div className="diff-cols">
        <div className="diff-col">
          <div className="diff-col-title">Before <span className="muted small">parent top-{k}</span></div>
          <table className="data-table compact" data-testid="diff-before">
            <thead><tr><th className="num">rank</th><th>item</th>{cols.map((c) => <th key={c}>{c}</th>)}<th className="num">score</th></tr></thead>
            <tbody>
              {diff.before.map((b) => {
                const gone = !afterIds.has(String(b.item_id));
                return (
                  <tr key={String(b.item_id)} className={gone ? 'row-dropped' : ''} title={gone ? 'dropped by re-ranking' : undefined}>
                    <td className="num">{b.rank}</td>
                    <td className="mono">{String(b.item_id)}{gone && <span className="shift shift-dropped">dropped</span>}</td>
                    {cols.map((c) => <td key={c} className="side-cell"><SideCell value={b[c]} multi={multi.has(c)} /></td>)}
                    <td className="num mono muted">{typeof b.score === 'number' ? formatMetric(b.score, 3) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="diff-col">
          <div className="diff-col-title">After <span className="muted small">re-ranked top-{diff.after.length}</span></div>
          <table className="data-table compact" data-testid="diff-after">
            <thead><tr><th className="num">rank</th><th>item</th>{cols.map((c) => <th key={c}>{c}</th>)}<th className="num">shift</th></tr></thead>
            <tbody>
              {diff.after.map((a) => {
                const s = shiftOf(a, k);
                return (
                  <tr key={String(a.item_id)} className={s.kind === 'new' ? 'row-new' : ''}>
                    <td className="num">{a.rank}</td>
                    <td className="mono">{String(a.item_id)}</td>
                    {cols.map((c) => <td key={c} className="side-cell"><SideCell value={a[c]} multi={multi.has(c)} /></td>)}
                    <td className="num"><span className={`shift shift-${s.kind}`} title={s.title} data-testid="shift">{s.label}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
