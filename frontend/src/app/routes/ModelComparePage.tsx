/**
 * Model vs model: the experiments selected in the compare table side by side. Composes the
 * experiments feature (what was selected, all experiments for context) with the analysis charts.
 */
import { useMemo, useState } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { Link, setSearchParams, useLocation } from '@/lib/router';
import { Badge, Card, EmptyState, ErrorState, PageHeader, Section, Select, Spinner, StatusBadge, Toggle } from '@/components/ui';
import { defaultK, isPerUser, ksOf, metricsAtK } from '@/lib/metrics';
import { errorMessage } from '@/lib/format';
import { useDataset } from '@/features/datasets';
import { KSelector, parseSelection, useAllExperimentRows, useExperimentsByName } from '@/features/experiments';
import {
  BreakdownChart, MetricBarsChart, ParallelCoordsChart, ParetoScatterChart, PerUserDistributionChart, SignificanceTable,
  useBreakdowns, useComparison, usePerUser, type ExperimentPoint,
} from '@/features/analysis';

const asOptions = (names: readonly string[]) => names.map((n) => ({ value: n, label: n }));

/** Keeps a chosen value while it is still offered, else falls back to the first preference present. */
function useChoice(options: readonly string[], preferred: readonly string[]): [string, (v: string) => void] {
  const [value, setValue] = useState('');
  const fallback = preferred.find((p) => options.includes(p)) ?? options[0] ?? '';
  const current = options.includes(value) ? value : fallback;
  return [current, setValue];
}

export function ModelComparePage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const names = useMemo(() => parseSelection(search.get('experiments')), [search]);
  const selected = useExperimentsByName(dataset, names);
  const ds = useDataset(dataset);

  const metricNames = useMemo(() => [...new Set(selected.data.flatMap((e) => Object.keys(e.metrics)))], [selected.data]);
  const ks = useMemo(() => ksOf(metricNames), [metricNames]);
  const kParam = Number(search.get('k'));
  const k = ks.includes(kParam) ? kParam : (defaultK(ks) ?? 10);
  const { accuracy, beyond } = useMemo(() => metricsAtK(metricNames, k), [metricNames, k]);
  const atK = useMemo(() => [...accuracy, ...beyond], [accuracy, beyond]);
  const perUserAtK = useMemo(() => atK.filter(isPerUser), [atK]);

  const points: ExperimentPoint[] = useMemo(
    () => selected.data.map((e) => ({ name: e.name, hyper_parameters: e.hyper_parameters, metrics: e.metrics })),
    [selected.data],
  );
  const ready = selected.data.filter((e) => e.status === 'ready').map((e) => e.name);

  const [fromZero, setFromZero] = useState<'fitted' | 'zero'>('fitted');
  const all = useAllExperimentRows(dataset, atK);
  const hyperNames = all.data?.hyper_parameter_names ?? [];
  const [xMetric, setX] = useChoice(atK, [`ndcg@${k}`, accuracy[0] ?? '']);
  const [yMetric, setY] = useChoice(atK, [`coverage@${k}`, `novelty@${k}`, `diversity@${k}:cooc`, beyond[0] ?? '', `recall@${k}`, atK[1] ?? '']);
  const [colorMetric, setColor] = useChoice(atK, [`ndcg@${k}`]);
  const [parMetrics, setParMetrics] = useState<'main' | 'all'>('main');
  const parallelMetrics = useMemo(() => (parMetrics === 'all' ? atK : [...accuracy.slice(0, 4), ...beyond.slice(0, 4)]), [parMetrics, atK, accuracy, beyond]);

  const [distMetric, setDistMetric] = useChoice(perUserAtK, [`ndcg@${k}`]);
  const [distMode, setDistMode] = useState<'histogram' | 'box'>('box');
  const perUser = usePerUser(dataset, ready);
  const series = useMemo(
    () => perUser.data.map((p) => ({ name: p.name, values: p.table.metrics[distMetric] ?? [] })),
    [perUser.data, distMetric],
  );

  const segmentOptions = useMemo(() => [
    ...(ds.data?.user_columns ?? []).filter((c) => c.kind === 'categorical').map((c) => ({ value: c.name, label: c.name })),
    { value: 'activity', label: 'activity quintile' },
    { value: 'cold', label: 'cold users (≤ 5 train items)' },
  ], [ds.data]);
  const [by, setBy] = useChoice(segmentOptions.map((o) => o.value), ['gender', 'activity']);
  const [bdMetric, setBdMetric] = useChoice(perUserAtK, [`ndcg@${k}`]);
  const breakdowns = useBreakdowns(dataset, ready, bdMetric, by);
  const comparison = useComparison(dataset, ready, perUserAtK);

  useDocumentTitle(`Model vs model · ${dataset} · Web4Rec`);

  const back = `/datasets/${encodeURIComponent(dataset)}/experiments?sel=${encodeURIComponent(names.join(','))}&k=${k}`;
  const header = (
    <PageHeader
      breadcrumbs={<><Link to="/datasets">Datasets</Link> / <Link to={`/datasets/${encodeURIComponent(dataset)}`}>{dataset}</Link> / <Link to={back}>experiments</Link> / model vs model</>}
      title="Model vs model"
      subtitle={names.length > 0 ? <span className="chips">{selected.data.map((e) => <Badge key={e.name}>{e.name} <StatusBadge status={e.status} /></Badge>)}</span> : undefined}
      actions={<>{ks.length > 0 && <KSelector ks={ks} value={k} onChange={(v) => setSearchParams({ k: String(v) })} />}<Link to={back} className="btn btn-secondary">← Back to table</Link></>}
    />
  );

  if (names.length === 0) {
    return (
      <div className="page">{header}
        <Card><EmptyState title="No experiments selected" icon="☑">Tick two or more experiments in the <Link to={back}>compare table</Link>, then press “Compare”.</EmptyState></Card>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      {selected.errors.map((e) => <ErrorState key={e.name} title={`Experiment ${e.name}`} error={e.error} />)}
      {selected.isPending && <Card><Spinner label="Loading experiments…" /></Card>}
      {!selected.isPending && ready.length < selected.data.length && (
        <div className="notice">Some experiments are not ready yet ({selected.data.filter((e) => e.status !== 'ready').map((e) => `${e.name}: ${e.status}`).join(', ')}); their metrics appear when computing finishes.</div>
      )}
      {!selected.isPending && points.length > 0 && (
        <>
          <Section title={`Metrics @${k}`} hint="each panel has its own y-axis; click the legend to hide a model" testId="chart-bars"
            actions={<Toggle label="y-axis" value={fromZero} onChange={setFromZero} options={[{ value: 'fitted', label: 'fit to data' }, { value: 'zero', label: 'from zero' }]} />}>
            {atK.length === 0 ? <EmptyState title="No metrics yet">Metrics appear once the experiments are computed.</EmptyState>
              : <MetricBarsChart experiments={points} metrics={atK} fromZero={fromZero === 'zero'} />}
          </Section>

          <Section title="Significance" hint="paired tests on the users both models evaluated" testId="significance">
            {ready.length < 2 ? <EmptyState title="Select at least two ready experiments">Significance compares pairs of models.</EmptyState>
              : comparison.isPending ? <Spinner label="Running paired tests…" />
              : comparison.isError ? <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
              : comparison.data && comparison.data.comparisons.length === 0 ? <EmptyState title="No comparisons">The server returned no pairs for these metrics.</EmptyState>
              : comparison.data ? <SignificanceTable comparisons={comparison.data.comparisons} /> : null}
          </Section>

          <div className="two-col">
            <Section title="Trade-off" hint="all experiments of the dataset; Pareto front in red" testId="chart-pareto"
              actions={<><Select label="x" value={xMetric} options={asOptions(atK)} onChange={setX} /><Select label="y" value={yMetric} options={asOptions(atK)} onChange={setY} /></>}>
              {all.isPending ? <Spinner label="Loading all experiments…" /> : all.isError ? <ErrorState error={all.error} onRetry={() => void all.refetch()} />
                : <ParetoScatterChart points={all.data?.rows ?? []} xMetric={xMetric} yMetric={yMetric} selected={names} />}
            </Section>
            <Section title="Per-user distribution" hint="one value per evaluated user" testId="chart-distribution"
              actions={<><Select label="metric" value={distMetric} options={asOptions(perUserAtK)} onChange={setDistMetric} /><Toggle label="chart type" value={distMode} onChange={setDistMode} options={[{ value: 'box', label: 'box' }, { value: 'histogram', label: 'histogram' }]} /></>}>
              {perUser.isPending ? <Spinner label="Loading per-user metrics…" />
                : perUser.errors.length > 0 ? <ErrorState error={perUser.errors[0].error} title={`Per-user metrics of ${perUser.errors[0].name}`} />
                : series.length === 0 ? <EmptyState title="No per-user values">Per-user metrics appear once experiments are ready.</EmptyState>
                : <PerUserDistributionChart series={series} metric={distMetric} mode={distMode} />}
            </Section>
          </div>

          <Section title="Parallel coordinates" hint="hyper-parameters and metrics of all experiments; drag on an axis to filter" testId="chart-parallel"
            actions={<><Select label="colour" value={colorMetric} options={asOptions(atK)} onChange={setColor} /><Toggle label="metrics" value={parMetrics} onChange={setParMetrics} options={[{ value: 'main', label: 'main metrics' }, { value: 'all', label: `all @${k}` }]} /></>}>
            {all.isPending ? <Spinner /> : all.data && all.data.rows.length > 0
              ? <ParallelCoordsChart points={all.data.rows} hyperParameterNames={hyperNames} metrics={parallelMetrics} colorMetric={colorMetric} />
              : <EmptyState title="Nothing to draw" />}
          </Section>

          <Section title="Breakdown by user segment" hint="mean with 95% CI per segment" testId="chart-breakdown"
            actions={<><Select label="by" value={by} options={segmentOptions} onChange={setBy} /><Select label="metric" value={bdMetric} options={asOptions(perUserAtK)} onChange={setBdMetric} /></>}>
            {breakdowns.isPending ? <Spinner label="Computing breakdown…" />
              : breakdowns.error ? <ErrorState error={breakdowns.error} title={`Breakdown failed: ${errorMessage(breakdowns.error)}`} />
              : breakdowns.data.length === 0 ? <EmptyState title="No breakdown">Select ready experiments to see them by segment.</EmptyState>
              : <BreakdownChart breakdowns={breakdowns.data} metric={bdMetric} by={by} />}
          </Section>
        </>
      )}
    </div>
  );
}
