import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, navigate, setSearchParams, useLocation } from '@/lib/router';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Spinner } from '@/components/ui';
import { defaultK, ksOf, metricsAtK } from '@/lib/metrics';
import { downloadText } from '@/lib/csv';
import { errorMessage, formatCount } from '@/lib/format';
import { fetchAllTableRows, findCachedRow, tableMetaQueryOptions, useTableMeta } from '../api/get-experiments-table';
import { useColumnPrefs } from '../hooks/use-column-prefs';
import { tableToCsv } from '../lib/export-csv';
import { visibleMetricColumns } from './compare-columns';
import { ColumnPicker } from './ColumnPicker';
import { KSelector } from './KSelector';
import type { GridViewState } from './CompareGrid';
import type { ExperimentsTable } from '../types';

const loadGrid = () => import('./CompareGrid');
const CompareGrid = lazy(loadGrid);
/**
 * For a first page load on the compare table: fetch the grid code and the table's column names
 * right away, in parallel, instead of after the first render.
 */
export function preloadComparePage(queryClient: QueryClient, dataset: string): void {
  void loadGrid();
  void queryClient.prefetchQuery(tableMetaQueryOptions(dataset));
}

export const MAX_COMPARE = 10;

export function parseSelection(param: string | null): string[] {
  return param ? param.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function ComparePage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const meta = useTableMeta(dataset);
  const queryClient = useQueryClient();
  const prefs = useColumnPrefs(dataset);
  const [loaded, setLoaded] = useState<ExperimentsTable | null>(null);
  const [gridError, setGridError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const view = useRef<GridViewState>({});

  if (meta.data) performance.mark('w4r:meta-rendered');
  const metricNames = meta.data?.metric_names ?? [];
  const ks = useMemo(() => ksOf(metricNames), [metricNames]);
  const kParam = Number(search.get('k'));
  const k = ks.includes(kParam) ? kParam : (defaultK(ks) ?? 10);
  const { accuracy, beyond } = useMemo(() => metricsAtK(metricNames, k), [metricNames, k]);
  const hyperParameterNames = meta.data?.hyper_parameter_names ?? [];
  const columns = useMemo(() => visibleMetricColumns({ accuracy, beyond, hidden: prefs.hidden }), [accuracy, beyond, prefs.hidden]);

  const selParam = search.get('sel');
  const selected = useMemo(() => new Set(parseSelection(selParam)), [selParam]);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onToggleSelected = useCallback((name: string, on: boolean) => {
    const next = new Set(selectedRef.current);
    if (on) next.add(name); else next.delete(name);
    setSearchParams({ sel: [...next].join(',') || null });
  }, []);

  const onLoaded = useCallback((r: ExperimentsTable) => { setLoaded(r); setGridError(null); }, []);
  const onViewChange = useCallback((v: GridViewState) => { view.current = v; }, []);

  const exportCsv = async () => {
    setExporting('Exporting…');
    try {
      const all = await fetchAllTableRows(dataset, { columns, ...view.current });
      const rows = selected.size > 0 ? all.rows.filter((r) => selected.has(r.name)) : all.rows;
      downloadText(`${dataset}-experiments-k${k}.csv`, tableToCsv(rows, hyperParameterNames, columns));
      setExporting(null);
    } catch (err) {
      setExporting(`Export failed: ${errorMessage(err)}`);
    }
  };

  const compareHref = `/datasets/${encodeURIComponent(dataset)}/compare?experiments=${encodeURIComponent([...selected].join(','))}&k=${k}`;
  const total = loaded?.total ?? meta.data?.total;
  // "Re-rank" takes exactly one ready, non-derived experiment
  const single = selected.size === 1 ? [...selected][0] : null;
  const singleRow = single ? findCachedRow(queryClient, dataset, single) : undefined;
  const rerankBlocked = !single ? 'select exactly one experiment to re-rank'
    : singleRow && singleRow.status !== 'ready' ? `${single} is ${singleRow.status}`
    : singleRow?.parent ? `${single} is already re-ranked (from ${singleRow.parent})` : null;
  const analysisHref = single ? `/datasets/${encodeURIComponent(dataset)}/analysis?experiment=${encodeURIComponent(single)}&k=${k}` : '';
  const rerankHref = single ? `/datasets/${encodeURIComponent(dataset)}/rerank?experiment=${encodeURIComponent(single)}&k=${k}` : '';

  return (
    <div className="page page-wide">
      <PageHeader
        breadcrumbs={<><Link to="/datasets">Datasets</Link> / <Link to={`/datasets/${encodeURIComponent(dataset)}`}>{dataset}</Link> / experiments</>}
        title="Compare experiments"
        subtitle={<>One row per experiment. Sort by any metric, filter by name, select up to {MAX_COMPARE} to compare them model vs model.</>}
      />
      {meta.isPending && <Card><Spinner label="Loading experiments…" /></Card>}
      {meta.isError && <Card><ErrorState error={meta.error} onRetry={() => void meta.refetch()} /></Card>}
      {meta.data && meta.data.total === 0 && (
        <Card>
          <EmptyState title="No experiments yet" icon="🧪" testId="no-experiments">
            Upload one with <code>Web4Rec.upload_experiment</code>:
            <pre className="code-hint">{`Web4Rec.upload_experiment(experiment_name="BPR-MF", hyper_parameters={"embedding_size": 16},\n                          recommendations=long_df, dataset_name="${dataset}", wait=True)`}</pre>
          </EmptyState>
        </Card>
      )}
      {meta.data && meta.data.total > 0 && (
        <>
          <div className="toolbar">
            {ks.length > 0 ? <KSelector ks={ks} value={k} onChange={(v) => setSearchParams({ k: String(v) })} /> : <Badge tone="warn">no metrics computed yet</Badge>}
            <ColumnPicker hyperParameterNames={hyperParameterNames} accuracy={accuracy} beyond={beyond} hidden={prefs.hidden} pinned={prefs.pinned}
              onHidden={prefs.setHidden} onManyHidden={prefs.setManyHidden} onPinned={prefs.setPinned} />
            <Button onClick={() => void exportCsv()} disabled={exporting === 'Exporting…'} data-testid="export-csv">
              {selected.size > 0 ? `Export ${selected.size} selected (CSV)` : 'Export CSV'}
            </Button>
            {exporting && <span className="muted small">{exporting}</span>}
            <span className="toolbar-spacer" />
            <span className="muted small" data-testid="row-count">
              {total === undefined ? '' : `${formatCount(total)} experiment${total === 1 ? '' : 's'}`}
            </span>
          </div>
          {selected.size > 0 && (
            <div className="selection-bar" data-testid="selection-bar">
              <span><strong>{selected.size}</strong> selected: {[...selected].slice(0, 6).join(', ')}{selected.size > 6 ? ' …' : ''}</span>
              <span className="toolbar-spacer" />
              <Button variant="ghost" onClick={() => setSearchParams({ sel: null })}>Clear</Button>
              {selected.size === 1 && (
                <Button disabled={rerankBlocked !== null} title={rerankBlocked ?? 'diversify, calibrate … this experiment\'s lists'}
                  onClick={() => navigate(rerankHref)} data-testid="rerank-selected">
                  ⇅ Re-rank
                </Button>
              )}
              {selected.size === 1 && (
                <Button disabled={singleRow !== undefined && singleRow.status !== 'ready'} title="map its users and items, compare groups, drill into one user"
                  onClick={() => navigate(analysisHref)} data-testid="analyse-selected">
                  ◎ Analyse
                </Button>
              )}
              <Button variant="primary" disabled={selected.size > MAX_COMPARE} title={selected.size > MAX_COMPARE ? `select at most ${MAX_COMPARE}` : undefined}
                onClick={() => navigate(compareHref)} data-testid="compare-selected">
                Compare {selected.size} model{selected.size === 1 ? '' : 's'} →
              </Button>
            </div>
          )}
          {gridError !== null && <ErrorState error={gridError} title="Rows could not be loaded" />}
          <div className="grid-frame">
            <Suspense fallback={<Spinner label="Loading table…" />}>
              <CompareGrid
                dataset={dataset} k={k} columns={columns} hyperParameterNames={hyperParameterNames} accuracy={accuracy} beyond={beyond}
                hidden={prefs.hidden} pinned={prefs.pinned} selected={selected} onToggleSelected={onToggleSelected}
                onViewChange={onViewChange} onLoaded={onLoaded} onError={setGridError}
              />
            </Suspense>
          </div>
        </>
      )}
    </div>
  );
}
