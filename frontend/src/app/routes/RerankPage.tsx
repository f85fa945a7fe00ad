/**
 * Re-ranking: re-order a ready experiment's candidate lists for a beyond-accuracy objective
 * (one λ, or a sweep over λ), see the accuracy / beyond-accuracy frontier against every other
 * experiment, and inspect one result: metric deltas, items before/after, one user's lists.
 * Composes the datasets and experiments features (what can be re-ranked) with the rerank feature.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Select, Spinner, Toggle } from '@/components/ui';
import { ApiError } from '@/lib/api-client';
import { Link, setSearchParams, useLocation } from '@/lib/router';
import { compareMetrics, higherIsBetter, metricsAtK } from '@/lib/metrics';
import { useDataset } from '@/features/datasets';
import { KSelector, useAllExperimentRows, useExperimentsByName } from '@/features/experiments';
import {
  DeltaCards, FrontierChart, ItemPanels, JobProgress, OBJECTIVES, RERANK_KS, SWEEP_LAMBDAS, UserDiffPanel,
  beyondMetricFor, calibrationColumns, closestByLambda, isObjective, lambdaLabel, objectiveInfo, similarityOptions,
  sourceOf, sweepSeries, useRerank, useRerankReport, useRerankSupport, useSweep, useUserDiff, usersFromSearch,
  type DerivedExperiment, type FrontierPoint, type JobMember, type Objective, type RerankSpec,
} from '@/features/rerank';

interface Job {
  kind: 'run' | 'sweep';
  /** objective:source@k of the spec the job ran: its members join the frontier only under that spec. */
  spec: string;
  label: string;
  members: DerivedExperiment[];
}

function Field({ label, children, grow = false }: { label: ReactNode; children: ReactNode; grow?: boolean }) {
  return (
    <div className={`control${grow ? ' grow' : ''}`}>
      <span className="control-label">{label}</span>
      {children}
    </div>
  );
}

function Section({ title, hint, actions, children, testId }: { title: ReactNode; hint?: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return <Card title={<>{title}{hint && <span className="card-hint">{hint}</span>}</>} actions={actions} testId={testId}>{children}</Card>;
}

const notAvailable = (dataset: string) => (
  <EmptyState title="Re-ranking is not available from this server" icon="⇅" testId="rerank-unavailable">
    Update the Web4Rec server: re-ranking arrives with the re-ranking update
    (<code>POST …/experiments/{'{name}'}/rerank</code>, <code>…/sweep</code>, <code>GET …/rerank-report</code>, <code>…/user-diff</code>).
    The experiments you have stay comparable on the <Link to={`/datasets/${encodeURIComponent(dataset)}/experiments`}>Experiments</Link> page meanwhile.
  </EmptyState>
);

const asOptions = (names: readonly string[]) => names.map((n) => ({ value: n, label: n }));

export function RerankPage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const enc = encodeURIComponent(dataset);
  // the group: `users=` in the URL, or a large one handed over in sessionStorage (`group=`)
  const usersParam = search.get('users');
  const groupParam = search.get('group');
  const { users, missingGroup } = useMemo(
    () => usersFromSearch(new URLSearchParams({ ...(usersParam ? { users: usersParam } : {}), ...(groupParam ? { group: groupParam } : {}) })),
    [usersParam, groupParam],
  );
  const groupSize = users.length > 0 ? users.length : null;

  // the spec, in the URL so a result is linkable
  const kParam = Number(search.get('k'));
  const k = (RERANK_KS as readonly number[]).includes(kParam) ? kParam : 10;
  const objParam = search.get('objective');
  const objective: Objective = isObjective(objParam) ? objParam : 'diversity';
  const needs = objectiveInfo(objective).needs;
  const lambdaParam = Number(search.get('lambda') ?? '0.5');
  const lambda = Number.isFinite(lambdaParam) ? Math.min(1, Math.max(0, Math.round(lambdaParam * 10) / 10)) : 0.5;

  const ds = useDataset(dataset);
  const itemColumns = ds.data?.item_columns ?? [];
  const columns = useMemo(() => calibrationColumns(itemColumns), [itemColumns]);
  const column = columns.includes(search.get('col') ?? '') ? (search.get('col') as string) : (columns[0] ?? null);

  // x/y of the frontier: picked, else ndcg@K and the objective's metric
  const [xPick, setX] = useState('');
  const [yPick, setY] = useState('');

  const experimentParam = search.get('experiment') ?? '';
  const details = useExperimentsByName(dataset, experimentParam ? [experimentParam] : []);
  const detail = details.data[0];
  const simOptions = useMemo(() => similarityOptions(itemColumns, Boolean(detail?.item_embedding_dims)), [itemColumns, detail?.item_embedding_dims]);
  const sim = simOptions.some((o) => o.value === search.get('sim')) ? (search.get('sim') as string) : 'cooc';
  const source = sourceOf(objective, sim, column);
  const defaultY = beyondMetricFor(objective, k, source);
  const defaultX = `ndcg@${k}`;
  const xMetric = xPick && xPick.includes(`@${k}`) ? xPick : defaultX;
  const yMetric = yPick && yPick.includes(`@${k}`) ? yPick : defaultY;

  const all = useAllExperimentRows(dataset, useMemo(() => [...new Set([xMetric, yMetric])], [xMetric, yMetric]));
  const rows: FrontierPoint[] = useMemo(() => all.data?.rows ?? [], [all.data]);
  const candidates = useMemo(() => rows.filter((r) => r.status === 'ready' && !r.parent).map((r) => r.name), [rows]);
  const experiment = experimentParam || candidates[0] || '';
  useEffect(() => {
    if (!experimentParam && candidates[0]) setSearchParams({ experiment: candidates[0] });
  }, [experimentParam, candidates]);
  const parentRow = rows.find((r) => r.name === experiment);
  const { accuracy, beyond } = useMemo(() => metricsAtK(all.data?.metric_names ?? [], k), [all.data?.metric_names, k]);
  const xOptions = useMemo(() => [...new Set([defaultX, ...accuracy])].sort(compareMetrics), [defaultX, accuracy]);
  const yOptions = useMemo(() => [...new Set([defaultY, ...beyond, ...accuracy])].sort(compareMetrics), [defaultY, beyond, accuracy]);

  const support = useRerankSupport(dataset, experiment);
  const rerank = useRerank(dataset, experiment);
  const sweep = useSweep(dataset, experiment);
  const postError = rerank.error ?? sweep.error;
  const unsupported = support.data === false || (postError instanceof ApiError && postError.isMissingRoute);

  // the running job: its members' status is polled until every one is ready or failed
  const [job, setJob] = useState<Job | null>(null);
  const specKey = `${experiment}|${objective}:${source ?? ''}@${k}|${users.join(',')}`;
  const polled = useExperimentsByName(dataset, job?.members.map((m) => m.name) ?? []);
  const members: JobMember[] = useMemo(
    () => (job?.members ?? []).map((m) => {
      const d = polled.data.find((p) => p.name === m.name);
      return { name: m.name, lambda: m.lambda, status: d?.status ?? m.status, error: d?.error ?? m.error };
    }),
    [job, polled.data],
  );
  const readyCount = members.filter((m) => m.status === 'ready').length;
  const refetchRows = all.refetch;
  useEffect(() => {
    if (job) void refetchRows(); // each finished λ joins the frontier as it lands
  }, [job, readyCount, refetchRows]);

  const include = useMemo(() => (job && job.spec === specKey ? job.members.map((m) => m.name) : []), [job, specKey]);
  const series = useMemo(
    () => (experiment ? sweepSeries(rows, { parent: experiment, objective, source, groupSize, include }) : []),
    [rows, experiment, objective, source, groupSize, include],
  );
  const derivedParam = search.get('derived');
  const selected = series.find((s) => s.name === derivedParam) ?? closestByLambda(series, lambda);
  const selectedReady = selected?.status === 'ready' || members.some((m) => m.name === selected?.name && m.status === 'ready');
  const report = useRerankReport(dataset, selected?.name ?? null, selectedReady && !unsupported);

  const userParam = search.get('user') ?? '';
  const [userInput, setUserInput] = useState(userParam);
  useEffect(() => setUserInput(userParam), [userParam]);
  const diff = useUserDiff(dataset, selected?.name ?? null, userParam, selectedReady && !unsupported);

  const [mainOnly, setMainOnly] = useState<'main' | 'all'>('main');

  useEffect(() => { document.title = `Re-ranking · ${dataset} · Web4Rec`; }, [dataset]);

  const spec = (): RerankSpec => ({
    objective, k,
    ...(needs === 'sim' ? { sim } : {}),
    ...(needs === 'column' ? { column } : {}),
    users: users.length > 0 ? users : null,
  });
  const label = `${objectiveInfo(objective).label}${source ? ` · ${source}` : ''}`;
  const run = () => {
    sweep.reset();
    rerank.mutate({ ...spec(), lambda }, {
      onSuccess: (d) => {
        setJob({ kind: 'run', spec: specKey, label: `Re-rank ${experiment}, ${label}, ${lambdaLabel(lambda)}`, members: [{ ...d, lambda: d.lambda ?? lambda }] });
        setSearchParams({ derived: d.name });
      },
    });
  };
  const runSweep = () => {
    rerank.reset();
    sweep.mutate({ ...spec(), lambdas: [...SWEEP_LAMBDAS] }, {
      onSuccess: (a) => {
        setJob({ kind: 'sweep', spec: specKey, label: `Sweep ${experiment}, ${label}, λ 0…1`, members: a.experiments.map((d, i) => ({ ...d, lambda: d.lambda ?? SWEEP_LAMBDAS[i] })) });
        setSearchParams({ derived: null });
      },
    });
  };
  const busy = rerank.isPending || sweep.isPending;
  const missingSource = (needs === 'column' && !column);
  const canRun = Boolean(experiment) && !unsupported && !busy && !missingSource && parentRow?.status === 'ready';

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
              onChange={(e) => { setJob(null); setSearchParams({ experiment: e.target.value, derived: null }); }}>
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
            <Button variant="primary" disabled={!canRun} onClick={run} data-testid="rerank-run">{rerank.isPending ? 'Starting…' : `Run λ = ${lambda.toFixed(1)}`}</Button>
            <Button disabled={!canRun} onClick={runSweep} data-testid="rerank-sweep">{sweep.isPending ? 'Starting…' : 'Sweep λ 0…1 (11 runs)'}</Button>
          </div>
        </div>
        <p className="control-hint muted small">
          <strong>{objectiveInfo(objective).label}</strong>: {objectiveInfo(objective).description}.
          {parentRow && parentRow.status !== 'ready' && <> <Badge tone="warn">{experiment} is {parentRow.status}</Badge> re-ranking needs a ready experiment.</>}
        </p>
        {postError && !unsupported && <ErrorState error={postError} title="The server refused the re-ranking" />}
        {job && <JobProgress title={job.label} members={members} />}
      </Card>

      {unsupported ? <Card>{notAvailable(dataset)}</Card> : (
        <>
          <Section title="Accuracy vs beyond-accuracy frontier" hint="one point per λ; other experiments in grey; click a λ to inspect it" testId="frontier"
            actions={<><Select label="x" value={xMetric} options={asOptions(xOptions)} onChange={setX} testId="frontier-x" /><Select label="y" value={yMetric} options={asOptions(yOptions)} onChange={setY} testId="frontier-y" /></>}>
            <FrontierChart points={rows} parent={experiment} series={series} xMetric={xMetric} yMetric={yMetric} selected={selected?.name ?? null}
              seriesLabel={label} onSelect={(name) => setSearchParams({ derived: name })} />
            <div className="lambda-strip" data-testid="lambda-strip">
              {series.length === 0 ? (
                <span className="muted small">No re-ranked results for {label}{groupSize !== null ? ' and this group' : ''} yet: press <strong>Sweep</strong> to draw the frontier ({higherIsBetter(yMetric) ? 'up' : 'down'} and to the right is better).</span>
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
                  : report.data === null ? notAvailable(dataset)
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
                  : diff.data === null ? notAvailable(dataset)
                  : diff.data ? <UserDiffPanel diff={diff.data} /> : null}
              </Section>
            </>
          )}
        </>
      )}
    </div>
  );
}
