import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorState, PageHeader, Spinner } from '@/components/ui';
import { errorMessage, formatDate } from '@/lib/format';
import { useTokens } from '../api/list-tokens';
import { useCreateToken } from '../api/create-token';
import { useRevokeToken } from '../api/revoke-token';
import type { CreatedToken } from '../types';

export function TokensPage() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim() || 'token', {
      onSuccess: (t) => { setCreated(t); setCopied(false); setName(''); },
    });
  };

  return (
    <div className="page">
      <PageHeader title="API tokens" subtitle="Tokens let the Python SDK and scripts act as you: Web4Rec.login(token=…). Treat them like passwords." />
      <Card title="Create a token">
        <form className="inline-form" onSubmit={submit}>
          <input aria-label="Token name" placeholder="name, e.g. laptop or ci" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
          <Button variant="primary" type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create token'}</Button>
        </form>
        {create.isError && <div className="form-error" role="alert">{errorMessage(create.error)}</div>}
        {created && (
          <div className="token-reveal" data-testid="new-token">
            <div className="token-reveal-title">Copy your new token now — it is shown only once.</div>
            <div className="token-reveal-row">
              <code className="token-value">{created.token}</code>
              <Button onClick={() => { void navigator.clipboard?.writeText(created.token).then(() => setCopied(true)); }}>{copied ? 'Copied ✓' : 'Copy'}</Button>
            </div>
            <pre className="code-hint">{`from web4rec import Web4Rec\nWeb4Rec.login(token="${created.token}", server="${window.location.origin}")`}</pre>
            <Button variant="ghost" onClick={() => setCreated(null)}>I saved it</Button>
          </div>
        )}
      </Card>
      <Card title="Your tokens">
        {tokens.isPending && <Spinner />}
        {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.length === 0 && <EmptyState title="No tokens yet">Create one above to use the Python SDK.</EmptyState>}
        {tokens.data && tokens.data.length > 0 && (
          <table className="data-table" data-testid="tokens-table">
            <thead><tr><th>Name</th><th>Prefix</th><th>Created</th><th>Last used</th><th /></tr></thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.prefix}>
                  <td>{t.name}</td>
                  <td><code>w4r_{t.prefix}_…</code></td>
                  <td>{formatDate(t.created_at)}</td>
                  <td>{t.last_used_at ? formatDate(t.last_used_at) : <span className="muted">never</span>}</td>
                  <td className="right">
                    <Button variant="danger" disabled={revoke.isPending && revoke.variables === t.prefix}
                      onClick={() => { if (window.confirm(`Revoke token "${t.name}" (w4r_${t.prefix}_…)? Scripts using it will stop working.`)) revoke.mutate(t.prefix); }}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoke.isError && <div className="form-error" role="alert">{errorMessage(revoke.error)}</div>}
      </Card>
    </div>
  );
}
