import type { ReactNode } from 'react';
import { Link, matchPath, navigate, useLocation } from '@/lib/router';
import { TeamSwitcher, useLogout, useMe } from '@/features/auth';

function NavLink({ to, active, children, icon }: { to: string; active: boolean; children: ReactNode; icon: string }) {
  return (
    <Link to={to} className={`nav-link ${active ? 'active' : ''}`} aria-current={active ? 'page' : undefined}>
      <span className="nav-icon" aria-hidden>{icon}</span>{children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const me = useMe();
  const logout = useLogout();
  const ds = matchPath('/datasets/:dataset', pathname) ?? matchPath('/datasets/:dataset/experiments', pathname) ?? matchPath('/datasets/:dataset/compare', pathname)
    ?? matchPath('/datasets/:dataset/rerank', pathname) ?? matchPath('/datasets/:dataset/analysis', pathname);
  const dataset = ds?.dataset;
  const enc = dataset ? encodeURIComponent(dataset) : '';
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link to="/datasets" className="brand"><span className="logo-mark small">W4R</span><span>Web4Rec</span></Link>
        <TeamSwitcher />
        <nav className="nav">
          <div className="nav-section">Workspace</div>
          <NavLink to="/datasets" icon="▤" active={pathname === '/datasets'}>Datasets</NavLink>
          {dataset && (
            <div className="nav-sub">
              <div className="nav-dataset" title={dataset}>{dataset}</div>
              <NavLink to={`/datasets/${enc}`} icon="◔" active={pathname === `/datasets/${enc}`}>Overview</NavLink>
              <NavLink to={`/datasets/${enc}/experiments`} icon="☷" active={pathname === `/datasets/${enc}/experiments`}>Experiments</NavLink>
              <NavLink to={`/datasets/${enc}/compare`} icon="⇄" active={pathname === `/datasets/${enc}/compare`}>Model vs model</NavLink>
              <NavLink to={`/datasets/${enc}/rerank`} icon="⇅" active={pathname === `/datasets/${enc}/rerank`}>Re-ranking</NavLink>
              <NavLink to={`/datasets/${enc}/analysis`} icon="◎" active={pathname === `/datasets/${enc}/analysis`}>Analysis</NavLink>
            </div>
          )}
          <div className="nav-section">Account</div>
          <NavLink to="/settings/tokens" icon="✦" active={pathname === '/settings/tokens'}>API tokens</NavLink>
        </nav>
        <div className="sidebar-footer">
          <div className="user-email" title={me.data?.user.email}>{me.data?.user.email ?? ''}</div>
          <button type="button" className="link" disabled={logout.isPending} onClick={() => { void logout.mutateAsync().catch(() => undefined).then(() => navigate('/signin', { replace: true })); }}>Sign out</button>
          <a className="link small" href="/api/v1/openapi.json" target="_blank" rel="noreferrer">API reference</a>
        </div>
      </aside>
      <main className="main">{children}</main>
    </div>
  );
}
