import { Link, navigate } from '@/lib/router';
import { ConfirmDelete } from '@/components/ConfirmDelete';
import { Card, EmptyState, ErrorState, PageHeader, Spinner, Stat } from '@/components/ui';
import { formatCount, formatDate } from '@/lib/format';
import { useDataset } from '../api/get-dataset';
import { useDatasetStats } from '../api/get-dataset-stats';
import { useDeleteDataset } from '../api/delete-dataset';
import { PopularityCurveChart } from './PopularityCurveChart';
import { SideColumnChart } from './SideColumnChart';
import type { ColumnDistribution } from '../types';

function ColumnGrid({ columns, color }: { columns: ColumnDistribution[]; color: string }) {
  return (
    <div className="chart-grid">
      {columns.map((c) => (
        <div key={c.name} className="mini-chart">
          <div className="mini-chart-title">{c.name} <span className="muted small">{c.kind}</span></div>
          <SideColumnChart column={c} color={color} />
        </div>
      ))}
    </div>
  );
}

export function DatasetDetailPage({ name }: { name: string }) {
  const dataset = useDataset(name);
  const stats = useDatasetStats(name);
  const remove = useDeleteDataset();
  const d = dataset.data;
  const density = d && d.n_users && d.n_items ? (d.n_train / (d.n_users * d.n_items)) * 100 : null;

  return (
    <div className="page">
      <PageHeader
        breadcrumbs={<><Link to="/datasets">Datasets</Link> / {name}</>}
        title={name}
        subtitle={d ? `version ${d.version} · ${d.id_type} ids · created ${formatDate(d.created_at)}` : undefined}
        actions={<Link to={`/datasets/${encodeURIComponent(name)}/experiments`} className="btn btn-primary">Compare experiments →</Link>}
      />
      {dataset.isPending && <Spinner />}
      {dataset.isError && <ErrorState error={dataset.error} onRetry={() => void dataset.refetch()} />}
      {d && (
        <div className="stat-row">
          <Stat label="users" value={formatCount(d.n_users)} />
          <Stat label="items" value={formatCount(d.n_items)} />
          <Stat label="train interactions" value={formatCount(d.n_train)} />
          <Stat label="ground-truth rows" value={formatCount(d.n_ground_truth)} />
          <Stat label="users with ground truth" value={formatCount(d.n_users_with_ground_truth)} />
          <Stat label="density" value={density === null ? '—' : `${density.toFixed(2)}%`} />
        </div>
      )}
      {stats.isPending && <Card title="Item popularity"><Spinner label="Computing statistics…" /></Card>}
      {stats.isError && <Card title="Item popularity"><ErrorState error={stats.error} onRetry={() => void stats.refetch()} /></Card>}
      {stats.data && (
        <>
          <Card title="Item popularity — long tail" testId="popularity-card">
            <PopularityCurveChart rank={stats.data.popularity.rank} count={stats.data.popularity.count} nItems={stats.data.n_items} headShare={stats.data.head_share} />
          </Card>
          <Card title="User side columns">
            {stats.data.user_columns.length === 0 ? <EmptyState title="No user side table">Add one with ds.add_user_side(user_df) to break metrics down by user segment.</EmptyState>
              : <ColumnGrid columns={stats.data.user_columns} color="#4f46e5" />}
          </Card>
          <Card title="Item side columns">
            {stats.data.item_columns.length === 0 ? <EmptyState title="No item side table">Add one with ds.add_item_side(item_df) for genre diversity and calibration.</EmptyState>
              : <ColumnGrid columns={stats.data.item_columns} color="#10b981" />}
          </Card>
        </>
      )}
      {d && (
        <Card title="Delete dataset" testId="delete-dataset-card">
          <ConfirmDelete what="dataset" name={name} pending={remove.isPending} error={remove.error}
            onConfirm={() => remove.mutate(name, { onSuccess: () => navigate('/datasets') })} />
        </Card>
      )}
    </div>
  );
}
