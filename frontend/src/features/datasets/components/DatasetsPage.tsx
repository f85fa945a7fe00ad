import { Link, navigate } from '@/lib/router';
import { Badge, Card, EmptyState, ErrorState, PageHeader, Spinner } from '@/components/ui';
import { formatCount, formatDate } from '@/lib/format';
import { useDatasets } from '../api/list-datasets';
import type { Dataset } from '../types';

function SideColumns({ columns }: { columns: Dataset['user_columns'] }) {
  if (columns.length === 0) return <span className="muted">—</span>;
  return <span className="chips">{columns.map((c) => <Badge key={c.name}>{c.name}<small className="chip-kind"> {c.kind}</small></Badge>)}</span>;
}

export function DatasetsPage() {
  const datasets = useDatasets();
  return (
    <div className="page">
      <PageHeader title="Datasets" subtitle="Each dataset holds train interactions, ground truth and optional user/item side tables. Experiments are uploaded against a dataset." />
      <Card>
        {datasets.isPending && <Spinner label="Loading datasets…" />}
        {datasets.isError && <ErrorState error={datasets.error} onRetry={() => void datasets.refetch()} />}
        {datasets.data?.length === 0 && (
          <EmptyState title="No datasets yet" icon="⊕">
            Register one from Python:
            <pre className="code-hint">{`ds = Web4RecDataset(dataset_name="ml-latest-small")\nds.add_train_interaction(train_df); ds.add_ground_truth(test_df)\nWeb4Rec.register_dataset(ds)`}</pre>
            or start the server with <code>./web4rec demo</code> for a ready-made one.
          </EmptyState>
        )}
        {datasets.data && datasets.data.length > 0 && (
          <table className="data-table hoverable" data-testid="datasets-table">
            <thead>
              <tr>
                <th>Name</th><th className="num">Users</th><th className="num">Items</th><th className="num">Interactions</th>
                <th className="num">Ground truth</th><th>User columns</th><th>Item columns</th><th>Created</th><th />
              </tr>
            </thead>
            <tbody>
              {datasets.data.map((d) => (
                <tr key={d.id} onClick={() => navigate(`/datasets/${encodeURIComponent(d.name)}`)} className="clickable">
                  <td><Link to={`/datasets/${encodeURIComponent(d.name)}`} className="strong">{d.name}</Link> <span className="muted small">v{d.version}</span></td>
                  <td className="num">{formatCount(d.n_users)}</td>
                  <td className="num">{formatCount(d.n_items)}</td>
                  <td className="num">{formatCount(d.n_train)}</td>
                  <td className="num">{formatCount(d.n_ground_truth)}</td>
                  <td><SideColumns columns={d.user_columns} /></td>
                  <td><SideColumns columns={d.item_columns} /></td>
                  <td className="nowrap">{formatDate(d.created_at)}</td>
                  <td className="right nowrap" onClick={(e) => e.stopPropagation()}>
                    <Link to={`/datasets/${encodeURIComponent(d.name)}/experiments`} className="btn btn-secondary btn-sm">Experiments →</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
