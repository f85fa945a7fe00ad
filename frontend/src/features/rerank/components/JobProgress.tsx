import { Badge } from '@/components/ui';
import { lambdaLabel } from '../lib/rerank';

export interface JobMember {
  name: string;
  status: string;
  error?: string | null;
  lambda?: number | null;
}

/** "3 of 11 ready" with a bar; failed members named with their error. */
export function JobProgress({ title, members }: { title: string; members: readonly JobMember[] }) {
  const total = members.length;
  const ready = members.filter((m) => m.status === 'ready').length;
  const failed = members.filter((m) => m.status === 'failed');
  const done = ready + failed.length === total;
  const pct = total === 0 ? 0 : (ready / total) * 100;
  return (
    <div className="job-progress" data-testid="job-progress" data-done={done}>
      <div className="job-row">
        <span className="job-title">{title}</span>
        <span className="toolbar-spacer" />
        <span className="job-count" data-testid="job-count">{ready} of {total} ready</span>
        {done ? (failed.length === 0 ? <Badge tone="good">done</Badge> : <Badge tone="bad">{failed.length} failed</Badge>) : <Badge tone="info">computing</Badge>}
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={ready} aria-label={`${ready} of ${total} ready`}>
        <div className={`progress-fill${failed.length > 0 ? ' has-failed' : ''}`} style={{ width: `${pct}%` }} />
      </div>
      {failed.map((m) => (
        <div key={m.name} className="job-error" role="alert"><strong>{m.lambda !== undefined && m.lambda !== null ? lambdaLabel(m.lambda) : m.name}</strong> failed: {m.error ?? 'no reason given'}</div>
      ))}
    </div>
  );
}
