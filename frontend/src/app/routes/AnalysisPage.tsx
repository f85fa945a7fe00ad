/**
 * Post-hoc analysis: a 2-D map of an experiment's users or items (PCA / UMAP), coloured by a side
 * column or metric; filter, lasso a group, and see how the group differs from everyone (side
 * columns, metrics of every experiment, what it gets recommended, who the items reach); drill into
 * one user; hand a user group to the re-ranking page. Composes the experiments, analysis and
 * rerank features.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Card, EmptyState, ErrorState, PageHeader, Spinner, Toggle } from '@/components/ui';
import { Link, navigate, setSearchParams, useLocation } from '@/lib/router';
import { defaultK, ksOf } from '@/lib/metrics';
import { formatCount } from '@/lib/format';
import { KSelector, useAllExperimentRows } from '@/features/experiments';
import { rerankGroupHref } from '@/features/rerank';
import {
  DrilldownPanel, FilterPanel, ItemSelectionPanels, ProjectionInfo, ProjectionMap, ProjectionRunning, UserSelectionPanels,
  idKey, useAttribute, useAttributeNames, useAudience, useDrilldown, useFilter, useItemSelection, useProjection, useUserSelection,
  type Entity, type EntityId, type FilterRequest, type ProjectionMethod,
} from '@/features/analysis';

export const UMAP_NEIGHBORS = [5, 15, 50] as const;

function Section({ title, hint, actions, children, testId }: { title: ReactNode; hint?: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return <Card title={<>{title}{hint && <span className="card-hint">{hint}</span>}</>} actions={actions} testId={testId}>{children}</Card>;
}

function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return <div className="control"><span className="control-label">{label}</span>{children}</div>;
}

const notAvailable = (dataset: string) => (
  <EmptyState title="Analysis is not available from this server" icon="◎" testId="analysis-unavailable">
    Update the Web4Rec server: the analysis arrives with the analysis update
    (<code>GET …/experiments/{'{name}'}/projection</code>, <code>…/attribute</code>, <code>POST …/filter</code>, <code>…/selection/users</code>, <code>…/audience</code>).
    Experiments stay comparable on the <Link to={`/datasets/${encodeURIComponent(dataset)}/experiments`}>Experiments</Link> page meanwhile.
  </EmptyState>
);

interface Selection {
  scope: string;
  ids: EntityId[];
}

export function AnalysisPage({ dataset }: { dataset: string }) {
  const { search } = useLocation();
  const enc = encodeURIComponent(dataset);
  const entity: Entity = search.get('entity') === 'item' ? 'item' : 'user';
  const method: ProjectionMethod = search.get('method') === 'umap' ? 'umap' : 'pca';
  const nParam = Number(search.get('neighbors'));
  const neighbors = (UMAP_NEIGHBORS as readonly number[]).includes(nParam) ? nParam : 15;
  const colorBy = search.get('color') ?? '';
  const userParam = search.get('user') ?? '';

  const all = useAllExperimentRows(dataset, ['recall@10']);
  const rows = useMemo(() => all.data?.rows ?? [], [all.data]);
  const ready = useMemo(() => rows.filter((r) => r.status === 'ready').map((r) => r.name), [rows]);
  const experimentParam = search.get('experiment') ?? '';
  const experiment = experimentParam || ready[0] || '';
  useEffect(() => {
    if (!experimentParam && ready[0]) setSearchParams({ experiment: ready[0] });
  }, [experimentParam, ready]);
  const ks = useMemo(() => ksOf(all.data?.metric_names ?? []), [all.data?.metric_names]);
  const kParam = Number(search.get('k'));
  const k = ks.includes(kParam) ? kParam : (defaultK(ks) ?? 10);

  const projection = useProjection(dataset, experiment, entity, method, neighbors);
  const unavailable = projection.data === null;
  const map = projection.data?.state === 'ready' ? projection.data.projection : null;
  const names = useAttributeNames(dataset, experiment, entity, !unavailable);
  const colorOptions = useMemo(() => {
    const side = (names.data?.side ?? []).map((s) => s.name);
    const metrics = names.data?.metrics ?? [];
    return [...side, ...metrics, ...(entity === 'item' && !metrics.includes('popularity') && !side.includes('popularity') ? ['popularity'] : [])];
  }, [names.data, entity]);
  const color = colorOptions.includes(colorBy) ? colorBy : '';
  const attribute = useAttribute(dataset, experiment, entity, unavailable ? '' : color);

  // filters and the selection belong to one experiment and entity
  const scope = `${experiment}|${entity}`;
  const [filter, setFilter] = useState<{ scope: string; body: FilterRequest } | null>(null);
  const appliedFilter = filter?.scope === scope ? filter.body : null;
  const filtered = useFilter(dataset, experiment, appliedFilter);
  const keep = useMemo(() => (appliedFilter && filtered.data ? new Set(filtered.data.ids.map(idKey)) : null), [appliedFilter, filtered.data]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const selected = useMemo(() => (selection?.scope === scope ? selection.ids : []), [selection, scope]);

  const userSel = useUserSelection(dataset, experiment, selected, k, entity === 'user');
  const itemSel = useItemSelection(dataset, experiment, selected, k, entity === 'item');
  const audienceKParam = Number(search.get('ak'));
  const audienceK = ks.includes(audienceKParam) ? audienceKParam : k;
  const audience = useAudience(dataset, experiment, selected, audienceK, entity === 'item');

  const [userInput, setUserInput] = useState(userParam);
  useEffect(() => setUserInput(userParam), [userParam]);
  const drill = useDrilldown(dataset, entity === 'user' ? userParam : '', [], k);

  useEffect(() => { document.title = `Analysis · ${dataset} · Web4Rec`; }, [dataset]);

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

      {unavailable ? <Card>{notAvailable(dataset)}</Card> : (
        <>
          <Section title="Filters" hint={`applied before selecting: only the ${unit}s they keep can be selected`} testId="analysis-filters">
            <FilterPanel key={scope} dataset={dataset} experiment={experiment} entity={entity} names={names.data} applied={appliedFilter}
              result={filtered.data ?? null} onApply={(body) => { setFilter(body ? { scope, body } : null); setSelection(null); }} />
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
                    onSelect={(ids) => setSelection({ scope, ids })}
                    onPick={entity === 'user' ? (id) => reset({ user: String(id) }) : undefined} />
                </>
              ) : null}
            <div className="selection-bar" data-testid="analysis-selection">
              {nSel === 0 ? <span className="muted small">Nothing selected: use the lasso or box tool of the map.</span> : (
                <>
                  <span data-testid="selection-count"><strong>{formatCount(nSel)}</strong> {unit}{nSel === 1 ? '' : 's'} selected</span>
                  <span className="toolbar-spacer" />
                  <Button variant="ghost" onClick={() => setSelection(null)} data-testid="selection-clear">Clear</Button>
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
        </>
      )}
    </div>
  );
}
