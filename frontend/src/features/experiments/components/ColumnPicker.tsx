import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import { metricLabel } from '@/lib/metrics';
import { EXPERIMENT_KEYS, hyperKey, metricKey } from '../lib/column-keys';

interface Item { key: string; label: string; title?: string }

export interface ColumnPickerProps {
  hyperParameterNames: readonly string[];
  accuracy: readonly string[];
  beyond: readonly string[];
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  onHidden: (key: string, hidden: boolean) => void;
  onManyHidden: (keys: string[], hidden: boolean) => void;
  onPinned: (key: string, pinned: boolean) => void;
}

/** Show, hide and pin columns; only visible metric columns are fetched from the server. */
export function ColumnPicker(props: ColumnPickerProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const sections: { title: string; items: Item[] }[] = [
    { title: 'Experiment', items: [
      { key: EXPERIMENT_KEYS.status, label: 'status' },
      { key: EXPERIMENT_KEYS.created, label: 'created' },
      { key: EXPERIMENT_KEYS.rerank, label: 're-ranking (parent, objective, λ)' },
    ] },
    { title: 'Hyper-parameters', items: props.hyperParameterNames.map((h) => ({ key: hyperKey(h), label: h })) },
    { title: 'Accuracy', items: props.accuracy.map((m) => ({ key: metricKey(m), label: metricLabel(m), title: m })) },
    { title: 'Beyond accuracy', items: props.beyond.map((m) => ({ key: metricKey(m), label: metricLabel(m), title: m })) },
  ];
  const nHidden = sections.flatMap((s) => s.items).filter((i) => props.hidden.has(i.key)).length;

  return (
    <div className="popover-anchor" ref={ref}>
      <Button onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="columns-button">
        Columns{nHidden > 0 ? ` · ${nHidden} hidden` : ''} ▾
      </Button>
      {open && (
        <div className="popover column-picker" role="dialog" aria-label="Columns">
          {sections.filter((s) => s.items.length > 0).map((s) => (
            <div key={s.title} className="picker-section">
              <div className="picker-title">
                <span>{s.title}</span>
                <span className="picker-bulk">
                  <button type="button" className="link" onClick={() => props.onManyHidden(s.items.map((i) => i.key), false)}>all</button>
                  <button type="button" className="link" onClick={() => props.onManyHidden(s.items.map((i) => i.key), true)}>none</button>
                </span>
              </div>
              {s.items.map((i) => (
                <div key={i.key} className="picker-row" title={i.title}>
                  <label>
                    <input type="checkbox" checked={!props.hidden.has(i.key)} onChange={(e) => props.onHidden(i.key, !e.target.checked)} />
                    {i.label}
                  </label>
                  {s.title !== 'Experiment' && (
                    <button type="button" className={`pin ${props.pinned.has(i.key) ? 'on' : ''}`} title={props.pinned.has(i.key) ? 'unpin' : 'pin left'}
                      aria-pressed={props.pinned.has(i.key)} onClick={() => props.onPinned(i.key, !props.pinned.has(i.key))}>📌</button>
                  )}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
