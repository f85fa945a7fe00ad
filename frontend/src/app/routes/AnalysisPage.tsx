/**
 * Post-hoc analysis: a 2-D map of an experiment's users or items (PCA / UMAP), coloured by a side
 * column or metric; filter, lasso a group, and see how the group differs from everyone (side
 * columns, metrics of every experiment, what it gets recommended, who the items reach); drill into
 * one user; hand a user group to the re-ranking page. Composes the experiments, analysis and
 * rerank features.
 */
import { useMemo, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorState, Field, PageHeader, Section, Spinner, Toggle } from '@/components/ui';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEditable } from '@/hooks/use-editable';
import { Link, navigate, setSearchParams, useLocation, useSearchParamOrDefault } from '@/lib/router';
import { defaultK, ksOf } from '@/lib/metrics';
import { formatCount } from '@/lib/format';
import { KSelector, useAllExperimentRows } from '@/features/experiments';
import { rerankGroupHref } from '@/features/rerank';
import {
  DrilldownPanel, FilterPanel, ItemSelectionPanels, ProjectionInfo, ProjectionMap, ProjectionRunning, UMAP_NEIGHBORS, UserSelectionPanels,
  useAnalysisMap, useDrilldown, useMapSelection,
} from '@/features/analysis';

export function AnalysisPage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const enc = encodeURIComponent(dataset);
  useDocumentTitle(`Analysis · ${dataset} · Web4Rec`);

  const all = useAllExperimentRows(dataset, ['recall@10']);
  const rows = useMemo(() => all.data?.rows ?? [], [all.data]);
  const ready = useMemo(() => rows.filter((r) => r.status === 'ready').map((r) => r.name), [rows]);
  const experiment = useSearchParamOrDefault(search, 'experiment', ready[0]);
  const ks = useMemo(() => ksOf(all.data?.metric_names ?? []), [all.data?.metric_names]);
  const kParam = Number(search.get('k'));
  const k = ks.includes(kParam) ? kParam : (defaultK(ks) ?? 10);
  const audienceKParam = Number(search.get('ak'));
  const audienceK = ks.includes(audienceKParam) ? audienceKParam : k;

  const { entity, method, neighbors, projection, map, names, colorOptions, color, attribute } = useAnalysisMap(dataset, experiment, search);
  const sel = useMapSelection(dataset, experiment, entity, k, audienceK);
  const { scope, appliedFilter, filtered, keep, selected, userSel, itemSel, audience } = sel;

  const userParam = search.get('user') ?? '';
  const [userInput, setUserInput] = useEditable(userParam);
  const drill = useDrilldown(dataset, entity === 'user' ? userParam : '', [], k);

  const reset = (changes: Record<string, string | null>) => setSearchParams(changes);
  const header = (
    <PageHeader
      breadcrumbs={<><Link to="/datasets">Datasets</Link> / <Link to={`/datasets/${enc}`}>{dataset}</Link> / <Link to={`/datasets/${enc}/experiments`}>experiments</Link> / analysis</>}
      title="Analysis"
      subtitle={<>A map of an experiment's {entity === 'user' ? 'users' : 'items'}: colour it, filter it, lasso a group and see how the group differs from everyone else.</>}
    />
  );

  if (all.isPending) return <div className="page">{header}<Card><Spinner label="Loading experiments…" /></Card></div>;
  if (all.isError) return <div className="page">{header}<Card><ErrorState error={all.error} onRetry={() => void all.refetch()} /></Card></div>;
  if (!experiment) {
    return <div className="page">{header}<Card><EmptyState title="No ready experiment" icon="◎" testId="no-experiment">The analysis maps a ready experiment. Upload one, then come back from the <Link to={`/datasets/${enc}/experiments`}>compare table</Link>.</EmptyState></Card></div>;
  }

  const experimentOptions = ready.includes(experiment) ? ready : [experiment, ...ready];
  const unit = entity === 'user' ? 'user' : 'item';
  const nSel = selected.length;

  return (
    <div className="page" data-testid="analysis-page">
      {header}
      <Card className="rerank-controls" testId="analysis-controls">
        <div className="control-grid">
          <Field label="Experiment">
            <select className="control-select" value={experiment} data-testid="analysis-experiment" onChange={(e) => reset({ experiment: e.target.value, user: null })}>
              {experimentOptions.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </Field>
          <Field label="Map of">
            <Toggle label="entity" value={entity} testId="analysis-entity" onChange={(v) => reset({ entity: v, color: null })}
              options={[{ value: 'user', label: 'users' }, { value: 'item', label: 'items' }]} />
          </Field>
          <Field label="Projection">
            <Toggle label="method" value={method} testId="analysis-method" onChange={(v) => reset({ method: v })}
              options={[{ value: 'pca', label: 'PCA' }, { value: 'umap', label: 'UMAP' }]} />
          </Field>
          {method === 'umap' && (
            <Field label="Neighbours">
              <select className="control-select" value={neighbors} data-testid="analysis-neighbors" onChange={(e) => reset({ neighbors: e.target.value })}>
                {UMAP_NEIGHBORS.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </Field>
          )}
          <Field label="Colour by">
            <select className="control-select" value={color} data-testid="analysis-color" onChange={(e) => reset({ color: e.target.value || null })}>
              <option value="">(none)</option>
              {colorOptions.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </Field>
          {ks.length > 0 && <Field label="Selection panels at"><KSelector ks={ks} value={k} onChange={(v) => reset({ k: String(v) })} /></Field>}
        </div>
      </Card>

      <Section title="Filters" hint={`applied before selecting: only the ${unit}s they keep can be selected`} testId="analysis-filters">
        <FilterPanel key={scope} dataset={dataset} experiment={experiment} entity={entity} names={names.data} applied={appliedFilter}
          result={filtered.data ?? null} onApply={sel.applyFilter} />
        {filtered.isError && <ErrorState error={filtered.error} title="The server refused the filter" />}
      </Section>

      <Section title={`Map of the ${unit}s`} hint="lasso or box-select a group; click a user to drill down" testId="analysis-map">
        {projection.isPending ? <Spinner label="Asking for the map…" />
          : projection.isError ? <ErrorState error={projection.error} title="The projection failed" onRetry={() => void projection.refetch()} />
          : projection.data?.state === 'running' ? <ProjectionRunning progress={projection.data.progress} />
          : map ? (
            <>
              <ProjectionInfo projection={map} />
              {attribute.isError && <ErrorState error={attribute.error} title={`Cannot colour by ${color}`} />}
              <ProjectionMap projection={map} attribute={attribute.data ?? null} keep={keep}
                onSelect={sel.select}
                onPick={entity === 'user' ? (id) => reset({ user: String(id) }) : undefined} />
            </>
          ) : null}
        <div className="selection-bar" data-testid="analysis-selection">
          {nSel === 0 ? <span className="muted small">Nothing selected: use the lasso or box tool of the map.</span> : (
            <>
              <span data-testid="selection-count"><strong>{formatCount(nSel)}</strong> {unit}{nSel === 1 ? '' : 's'} selected</span>
              <span className="toolbar-spacer" />
              <Button variant="ghost" onClick={sel.clear} data-testid="selection-clear">Clear</Button>
              {entity === 'user' && (
                <Button variant="primary" data-testid="rerank-group" title="open the re-ranking page for these users"
                  onClick={() => navigate(rerankGroupHref(dataset, experiment, selected, k))}>
                  ⇅ Re-rank this group
                </Button>
              )}
            </>
          )}
        </div>
      </Section>

      {nSel > 0 && entity === 'user' && (
        userSel.isPending ? <Card><Spinner label="Comparing the selection with all users…" /></Card>
          : userSel.isError ? <Card><ErrorState error={userSel.error} /></Card>
          : userSel.data ? <UserSelectionPanels selection={userSel.data} experiment={experiment} /> : null
      )}
      {nSel > 0 && entity === 'item' && (
        itemSel.isPending ? <Card><Spinner label="Comparing the selection with all items…" /></Card>
          : itemSel.isError ? <Card><ErrorState error={itemSel.error} /></Card>
          : itemSel.data ? (
            <ItemSelectionPanels selection={itemSel.data} audience={audience}
              audienceControls={ks.length > 0 && <span className="inline-form"><span className="muted small">recommended in the top</span><KSelector ks={ks} value={audienceK} onChange={(v) => reset({ ak: String(v) })} /></span>} />
          ) : null
      )}

      {entity === 'user' && (
        <Section title="One user" hint="train history, ground truth and each experiment's top-K, hits marked" testId="drilldown-card"
          actions={
            <form className="inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); reset({ user: userInput.trim() || null }); }}>
              <input aria-label="user id" placeholder="user id" value={userInput} onChange={(e) => setUserInput(e.target.value)} data-testid="drill-input" />
              <Button type="submit" disabled={!userInput.trim()} data-testid="drill-show">Show</Button>
            </form>
          }>
          {!userParam ? <EmptyState title="Pick a user" icon="☺">Click a point of the map or enter a user id.</EmptyState>
            : drill.isPending ? <Spinner label="Loading the user…" />
            : drill.isError ? <ErrorState error={drill.error} />
            : drill.data ? <DrilldownPanel drilldown={drill.data} /> : null}
        </Section>
      )}
    </div>
  );
}
