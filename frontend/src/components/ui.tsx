import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';

type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export function Button({ variant = 'secondary', className = '', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type="button" className={`btn btn-${variant} ${className}`} {...rest} />;
}

export function Card({ title, actions, children, className = '', testId }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`card ${className}`} data-testid={testId}>
      {(title || actions) && (
        <header className="card-header">
          {title && <h2 className="card-title">{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}

/** A card whose title carries a muted hint (what the panel shows, how to use it). */
export function Section({ title, hint, actions, children, testId }: { title: ReactNode; hint?: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return <Card title={<>{title}{hint && <span className="card-hint">{hint}</span>}</>} actions={actions} testId={testId}>{children}</Card>;
}

/** One labelled control of a control grid; `grow` takes the free width of its row. */
export function Field({ label, children, grow = false }: { label: ReactNode; children: ReactNode; grow?: boolean }) {
  return (
    <div className={`control${grow ? ' grow' : ''}`}>
      <span className="control-label">{label}</span>
      {children}
    </div>
  );
}

export function PageHeader({ title, subtitle, actions, breadcrumbs }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; breadcrumbs?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        {breadcrumbs && <div className="breadcrumbs">{breadcrumbs}</div>}
        <h1 className="page-title">{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner-row" role="status" aria-live="polite">
      <span className="spinner" aria-hidden />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, icon = '∅', testId }: { title: string; children?: ReactNode; icon?: string; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <div className="empty-icon" aria-hidden>{icon}</div>
      <div className="empty-title">{title}</div>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/** An error with what to do next: the server's message, its example, and a retry. */
export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-state" role="alert">
      <div className="error-title">{api?.status === 404 ? 'Not found' : title}</div>
      <div className="error-message">{message}</div>
      {api?.example && <pre className="error-example">{api.example}</pre>}
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === 'ready' ? 'good' : status === 'failed' ? 'bad' : status === 'computing' ? 'info' : 'warn';
  return <Badge tone={tone}>{status}</Badge>;
}

export function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function Select({ label, value, options, onChange, testId }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (v: string) => void; testId?: string }) {
  return (
    <label className="select-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

export interface ToggleOption<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
  title?: string;
}

export function Toggle<T extends string>({ value, options, onChange, label, testId }: { value: T; options: readonly ToggleOption<T>[]; onChange: (v: T) => void; label: string; testId?: string }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={o.value === value} className={o.value === value ? 'active' : ''}
          disabled={o.disabled} title={o.title} onClick={() => onChange(o.value)}>{o.label}</button>
      ))}
    </div>
  );
}
