/**
 * Re-ranking: re-order a ready experiment's candidate lists for a beyond-accuracy objective
 * (one λ, or a sweep over λ), see the accuracy / beyond-accuracy frontier against every other
 * experiment, and inspect one result: metric deltas, items before/after, one user's lists.
 * Composes the datasets and experiments features (what can be re-ranked) with the rerank feature.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, Field, PageHeader, Section, Select, Spinner, Toggle } from '@/components/ui';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEditable } from '@/hooks/use-editable';
import { Link, setSearchParams, useLocation, useSearchParamOrDefault } from '@/lib/router';
import { higherIsBetter } from '@/lib/metrics';
import { useDataset } from '@/features/datasets';
import { KSelector, useAllExperimentRows, useExperimentsByName } from '@/features/experiments';
import {
  DeltaCards, FrontierChart, ItemPanels, JobProgress, OBJECTIVES, RERANK_KS, UserDiffPanel, beyondMetricFor, lambdaLabel, objectiveInfo,
  useFrontier, useFrontierAxes, useJobMembers, useRerankJob, useRerankReport, useRerankSpec, useUserDiff, type FrontierPoint,
} from '@/features/rerank';

const asOptions = (names: readonly string[]) => names.map((n) => ({ value: n, label: n }));

export function RerankPage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const enc = encodeURIComponent(dataset);
  useDocumentTitle(`Re-ranking · ${dataset} · Web4Rec`);

  const ds = useDataset(dataset);
  const experimentParam = search.get('experiment') ?? '';
  const parentDetail = useExperimentsByName(dataset, experimentParam ? [experimentParam] : []).data[0];
  const spec = useRerankSpec(search, ds.data?.item_columns ?? [], Boolean(parentDetail?.item_embedding_dims));
  const { users, groupSize, missingGroup, k, objective, needs, lambda, columns, column, simOptions, sim, source, label } = spec;
  const axes = useFrontierAxes(k, spec.objectiveMetric);

  // what can be re-ranked: ready experiments that are not re-ranks themselves
  const all = useAllExperimentRows(dataset, axes.columns);
  const rows: FrontierPoint[] = useMemo(() => all.data?.rows ?? [], [all.data]);
  const candidates = useMemo(() => rows.filter((r) => r.status === 'ready' && !r.parent).map((r) => r.name), [rows]);
  const experiment = useSearchParamOrDefault(search, 'experiment', candidates[0]);
  const parentRow = rows.find((r) => r.name === experiment);

  const job = useRerankJob(dataset, experiment, spec);
  const polled = useExperimentsByName(dataset, job.memberNames);
  const members = useJobMembers(job.job, polled.data, all.refetch);
  const { xOptions, yOptions, series, selected } = useFrontier({
    rows, metricNames: all.data?.metric_names ?? [], parent: experiment, spec, axes, include: job.include, derived: search.get('derived'),
  });
  const selectedReady = selected?.status === 'ready' || members.some((m) => m.name === selected?.name && m.status === 'ready');
  const report = useRerankReport(dataset, selected?.name ?? null, selectedReady);
  const userParam = search.get('user') ?? '';
  const [userInput, setUserInput] = useEditable(userParam);
  const diff = useUserDiff(dataset, selected?.name ?? null, userParam, selectedReady);
  const [mainOnly, setMainOnly] = useState<'main' | 'all'>('main');

  const missingSource = needs === 'column' && !column;
  const canRun = Boolean(experiment) && !job.busy && !missingSource && parentRow?.status === 'ready';

  const header = (
    <PageHeader
      breadcrumbs={<><Link to="/datasets">Datasets</Link> / <Link to={`/datasets/${enc}`}>{dataset}</Link> / <Link to={`/datasets/${enc}/experiments`}>experiments</Link> / re-ranking</>}
      title="Re-ranking"
      subtitle={<>Re-order an experiment's candidate lists for a beyond-accuracy objective and see what it costs in accuracy. λ = 0 keeps the original top-K, λ = 1 optimises the objective alone.</>}
      actions={groupSize !== null && (
        <span className="group-chip" data-testid="group-banner">
          re-ranking a group of <strong>{groupSize.toLocaleString('en-US')}</strong> user{groupSize === 1 ? '' : 's'}
          <button type="button" className="link" onClick={() => setSearchParams({ users: null, group: null, derived: null })}>all users</button>
        </span>
      ) || (missingGroup && (
        <span className="group-chip warn" data-testid="group-missing" title="a large group lives in the browser tab that selected it">
          the selected group is not in this browser tab: re-ranking all users
          <button type="button" className="link" onClick={() => setSearchParams({ group: null, derived: null })}>dismiss</button>
        </span>
      ))}
    />
  );

  if (all.isPending) return <div className="page">{header}<Card><Spinner label="Loading experiments…" /></Card></div>;
  if (all.isError) return <div className="page">{header}<Card><ErrorState error={all.error} onRetry={() => void all.refetch()} /></Card></div>;
  if (candidates.length === 0 && !parentRow) {
    return (
      <div className="page">{header}
        <Card><EmptyState title="No experiment to re-rank" icon="⇅" testId="no-parent">Re-ranking starts from a ready experiment with stored candidates. Upload one, then come back from the <Link to={`/datasets/${enc}/experiments`}>compare table</Link>.</EmptyState></Card>
      </div>
    );
  }

  const objectiveOptions = OBJECTIVES.map((o) => ({
    value: o.value, label: o.label, title: o.needs === 'column' && columns.length === 0 ? 'needs a multi-valued item column (e.g. genres)' : o.description,
    disabled: o.needs === 'column' && columns.length === 0,
  }));
  const experimentOptions = asOptions(candidates.includes(experiment) || !experiment ? candidates : [experiment, ...candidates]);

  return (
    <div className="page" data-testid="rerank-page">
      {header}
      <Card className="rerank-controls" testId="rerank-controls">
        <div className="control-grid">
          <Field label="Experiment">
            <select className="control-select" value={experiment} data-testid="rerank-experiment"
              onChange={(e) => { job.clear(); setSearchParams({ experiment: e.target.value, derived: null }); }}>
              {experimentOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </Field>
          <Field label="Objective">
            <Toggle label="objective" value={objective} options={objectiveOptions} testId="rerank-objective" onChange={(v) => setSearchParams({ objective: v, derived: null })} />
          </Field>
          {needs === 'sim' && (
            <Field label="Similarity">
              <select className="control-select" value={sim} data-testid="rerank-sim" onChange={(e) => setSearchParams({ sim: e.target.value, derived: null })}>
                {simOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </Field>
          )}
          {needs === 'column' && (
            <Field label="Calibrate on">
              <select className="control-select" value={column ?? ''} data-testid="rerank-column" onChange={(e) => setSearchParams({ col: e.target.value, derived: null })}>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </Field>
          )}
          {needs === null && <Field label="Similarity"><span className="control-static muted">not needed (popularity)</span></Field>}
          <Field label="List length">
            <KSelector ks={RERANK_KS} value={k} onChange={(v) => setSearchParams({ k: String(v), derived: null })} />
          </Field>
        </div>
        <div className="control-run">
          <Field label={<>Trade-off <span className="control-value" data-testid="lambda-value">λ = {lambda.toFixed(1)}</span></>} grow>
            <div className="lambda-slider">
              <span className="muted small">relevance</span>
              <input type="range" min={0} max={1} step={0.1} value={lambda} aria-label="λ" data-testid="rerank-lambda"
                onChange={(e) => setSearchParams({ lambda: e.target.value })} />
              <span className="muted small">{objectiveInfo(objective).label}</span>
            </div>
          </Field>
          <div className="control-buttons">
            <Button variant="primary" disabled={!canRun} onClick={job.run} data-testid="rerank-run">{job.runPending ? 'Starting…' : `Run λ = ${lambda.toFixed(1)}`}</Button>
            <Button disabled={!canRun} onClick={job.runSweep} data-testid="rerank-sweep">{job.sweepPending ? 'Starting…' : 'Sweep λ 0…1 (11 runs)'}</Button>
          </div>
        </div>
        <p className="control-hint muted small">
          <strong>{objectiveInfo(objective).label}</strong>: {objectiveInfo(objective).description}.
          {parentRow && parentRow.status !== 'ready' && <> <Badge tone="warn">{experiment} is {parentRow.status}</Badge> re-ranking needs a ready experiment.</>}
        </p>
        {job.error && <ErrorState error={job.error} title="The server refused the re-ranking" />}
        {job.job && <JobProgress title={job.job.label} members={members} />}
      </Card>

      <Section title="Accuracy vs beyond-accuracy frontier" hint="one point per λ; other experiments in grey; click a λ to inspect it" testId="frontier"
        actions={<><Select label="x" value={axes.xMetric} options={asOptions(xOptions)} onChange={axes.setX} testId="frontier-x" /><Select label="y" value={axes.yMetric} options={asOptions(yOptions)} onChange={axes.setY} testId="frontier-y" /></>}>
        <FrontierChart points={rows} parent={experiment} series={series} xMetric={axes.xMetric} yMetric={axes.yMetric} selected={selected?.name ?? null}
          seriesLabel={label} onSelect={(name) => setSearchParams({ derived: name })} />
        <div className="lambda-strip" data-testid="lambda-strip">
          {series.length === 0 ? (
            <span className="muted small">No re-ranked results for {label}{groupSize !== null ? ' and this group' : ''} yet: press <strong>Sweep</strong> to draw the frontier ({higherIsBetter(axes.yMetric) ? 'up' : 'down'} and to the right is better).</span>
          ) : (
            <>
              <span className="muted small">Inspect</span>
              {series.map((s) => (
                <button key={s.name} type="button" className={`lambda-chip${s.name === selected?.name ? ' active' : ''}${s.status !== 'ready' ? ' pending' : ''}`}
                  title={`${s.name} (${s.status})`} onClick={() => setSearchParams({ derived: s.name })} data-testid="lambda-chip">
                  {lambdaLabel(s.lambda)}
                </button>
              ))}
            </>
          )}
        </div>
      </Section>

      {selected && (
        <>
          <Section title={<>Effect of re-ranking <span className="mono small derived-name">{selected.name}</span></>}
            hint={`means over the ${report.data?.users ? `${report.data.users.toLocaleString('en-US')} ` : ''}re-ranked users, parent → re-ranked`} testId="deltas"
            actions={<Toggle label="metrics" value={mainOnly} onChange={setMainOnly} options={[{ value: 'main', label: 'main metrics' }, { value: 'all', label: `all @${k}` }]} />}>
            {!selectedReady ? <Spinner label={`${selected.name} is ${selected.status ?? 'computing'}…`} />
              : report.isPending ? <Spinner label="Loading the report…" />
              : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} />
              : report.data ? <DeltaCards deltas={report.data.deltas} k={report.data.k ?? k} main={mainOnly === 'main'} objectiveMetric={beyondMetricFor(objective, report.data.k ?? k, source)} /> : null}
          </Section>
          {selectedReady && report.data && <ItemPanels before={report.data.top_before} after={report.data.top_after} fresh={report.data.new_items} />}

          <Section title="One user, before and after" hint="the parent's list and the re-ranked list side by side" testId="user-diff-card"
            actions={
              <form className="inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); setSearchParams({ user: userInput.trim() || null }); }}>
                {users.length > 0 && (
                  <select className="control-select" aria-label="user of the group" value={users.includes(userInput) ? userInput : ''} onChange={(e) => { setUserInput(e.target.value); setSearchParams({ user: e.target.value || null }); }}>
                    <option value="">pick from the group…</option>
                    {users.slice(0, 500).map((u) => <option key={u} value={u}>{u}</option>)}
                  </select>
                )}
                <input aria-label="user id" placeholder="user id" value={userInput} onChange={(e) => setUserInput(e.target.value)} data-testid="user-diff-input" />
                <Button type="submit" disabled={!userInput.trim()} data-testid="user-diff-show">Show</Button>
              </form>
            }>
            {!userParam ? <EmptyState title="Pick a user" icon="⇆">Enter a user id{users.length > 0 ? ' or pick one from the group' : ''} to see their list before and after re-ranking, with each item's rank shift.</EmptyState>
              : !selectedReady ? <Spinner label={`${selected.name} is ${selected.status ?? 'computing'}…`} />
              : diff.isPending ? <Spinner label="Loading the user's lists…" />
              : diff.isError ? <ErrorState error={diff.error} />
              : diff.data ? <UserDiffPanel diff={diff.data} /> : null}
          </Section>
        </>
      )}
    </div>
  );
}
