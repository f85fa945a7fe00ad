import { useState } from 'react';
import { Button } from '@/components/ui';

/**
 * A delete action that asks for the name to be typed: deletion cannot be undone, and typing the
 * name is harder to do by accident than a second click.
 */
export function ConfirmDelete({ what, name, onConfirm, pending, error }: {
  what: string;
  name: string;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  if (!open) {
    return <Button variant="danger" data-testid="delete-open" onClick={() => setOpen(true)}>Delete {what}…</Button>;
  }
  return (
    <div className="confirm-delete" role="group" aria-label={`Delete ${what}`}>
      <label>
        Type <strong>{name}</strong> to delete this {what} and everything computed from it. This cannot be undone.
        <input className="control-input" aria-label={`${what} name to confirm`} data-testid="delete-confirm-input"
          value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
      </label>
      <Button variant="danger" data-testid="delete-confirm" disabled={typed !== name || pending} onClick={onConfirm}>
        {pending ? 'Deleting…' : `Delete ${what}`}
      </Button>
      <Button onClick={() => { setOpen(false); setTyped(''); }}>Cancel</Button>
      {error ? <p className="error small" role="alert">{error instanceof Error ? error.message : String(error)}</p> : null}
    </div>
  );
}
