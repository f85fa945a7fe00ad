import { lazy, Suspense, useEffect } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { matchPath, navigate, useLocation } from '@/lib/router';
import { useSession } from '@/lib/use-session';
import { AuthPage } from '@/features/auth';
import { TokensPage } from '@/features/tokens';
import { DatasetDetailPage, DatasetsPage } from '@/features/datasets';
import { ComparePage } from '@/features/experiments';
import { EmptyState, Spinner } from '@/components/ui';
import { Layout } from './Layout';
import { ModelComparePage } from './routes/ModelComparePage';

const PUBLIC = ['/signin', '/signup'];

// Re-ranking is a page of its own few people open first: its code loads on demand.
const RerankPage = lazy(() => import('./routes/RerankPage').then((m) => ({ default: m.RerankPage })));
const AnalysisPage = lazy(() => import('./routes/AnalysisPage').then((m) => ({ default: m.AnalysisPage })));

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes() {
  const { pathname, search } = useLocation();
  const { token } = useSession();

  if (!token) {
    if (pathname === '/signup') return <AuthPage mode="signup" />;
    const next = PUBLIC.includes(pathname) ? (search.get('next') ?? '/datasets') : pathname + window.location.search;
    if (pathname !== '/signin') return <Redirect to={`/signin?next=${encodeURIComponent(next)}`} />;
    return <AuthPage mode="signin" next={next.startsWith('/') ? next : '/datasets'} />;
  }
  if (PUBLIC.includes(pathname) || pathname === '/') return <Redirect to={search.get('next') ?? '/datasets'} />;

  let page;
  let p: Record<string, string> | null;
  if (pathname === '/datasets') page = <DatasetsPage />;
  else if ((p = matchPath('/datasets/:dataset', pathname))) page = <DatasetDetailPage key={p.dataset} name={p.dataset} />;
  else if ((p = matchPath('/datasets/:dataset/experiments', pathname))) page = <ComparePage key={p.dataset} dataset={p.dataset} />;
  else if ((p = matchPath('/datasets/:dataset/compare', pathname))) page = <ModelComparePage key={p.dataset} dataset={p.dataset} />;
  else if ((p = matchPath('/datasets/:dataset/rerank', pathname))) page = <Suspense fallback={<div className="page"><Spinner /></div>}><RerankPage key={p.dataset} dataset={p.dataset} /></Suspense>;
  else if ((p = matchPath('/datasets/:dataset/analysis', pathname))) page = <Suspense fallback={<div className="page"><Spinner /></div>}><AnalysisPage key={p.dataset} dataset={p.dataset} /></Suspense>;
  else if (pathname === '/settings/tokens') page = <TokensPage />;
  else page = <div className="page"><EmptyState title="Page not found" icon="?">Nothing lives at <code>{pathname}</code>. Go to the <a href="/datasets">datasets</a>.</EmptyState></div>;
  return <Layout>{page}</Layout>;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Routes />
    </QueryClientProvider>
  );
}
