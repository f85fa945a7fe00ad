import { formatMetric } from '@/lib/metrics';
import { formatPValue } from '@/lib/format';
import type { Comparison } from '../types';

export const ALPHA = 0.05;

export function isSignificant(c: Comparison): boolean {
  const p = c.p_t_adj ?? c.p_t;
  return p < ALPHA && (c.ci_low > 0 || c.ci_high < 0);
}

/** Paired tests per metric and pair: mean difference (b − a) with its bootstrap CI and (Holm-adjusted) p-values. */
export function SignificanceTable({ comparisons }: { comparisons: readonly Comparison[] }) {
  const adjusted = comparisons.some((c) => c.p_t_adj !== null && c.p_t_adj !== undefined);
  return (
    <div className="table-scroll">
      <table className="data-table significance" data-testid="significance-table">
        <thead>
          <tr>
            <th>Metric</th><th>A</th><th>B</th><th className="num">users</th><th className="num">mean A</th><th className="num">mean B</th>
            <th className="num">Δ (B − A)</th><th className="num">95% CI</th>
            <th className="num">p t-test{adjusted ? ' (adj.)' : ''}</th><th className="num">p Wilcoxon{adjusted ? ' (adj.)' : ''}</th><th />
          </tr>
        </thead>
        <tbody>
          {comparisons.map((c) => {
            const sig = isSignificant(c);
            const tone = !sig ? '' : c.mean_diff > 0 ? 'pos' : 'neg';
            return (
              <tr key={`${c.metric}|${c.a}|${c.b}`} className={sig ? 'sig' : ''}>
                <td className="mono">{c.metric}</td><td>{c.a}</td><td>{c.b}</td>
                <td className="num">{c.n.toLocaleString('en-US')}</td>
                <td className="num">{formatMetric(c.mean_a)}</td><td className="num">{formatMetric(c.mean_b)}</td>
                <td className={`num diff ${tone}`}>{c.mean_diff > 0 ? '+' : ''}{formatMetric(c.mean_diff)}</td>
                <td className="num">[{formatMetric(c.ci_low)}, {formatMetric(c.ci_high)}]</td>
                <td className="num">{formatPValue(c.p_t_adj ?? c.p_t)}</td>
                <td className="num">{formatPValue(c.p_wilcoxon_adj ?? c.p_wilcoxon)}</td>
                <td>{sig ? <span className={`badge badge-${c.mean_diff > 0 ? 'good' : 'bad'}`}>significant</span> : <span className="muted small">n.s.</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">Significant: {adjusted ? 'Holm-adjusted ' : ''}paired t-test p &lt; {ALPHA} and the 95% bootstrap CI of the difference excludes 0.</p>
    </div>
  );
}
