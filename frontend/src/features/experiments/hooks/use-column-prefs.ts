import { useCallback, useEffect, useState } from 'react';

interface Prefs {
  hidden: Set<string>;
  pinned: Set<string>;
}

const storageKey = (dataset: string) => `web4rec.columns.${dataset}`;

function load(dataset: string): Prefs {
  try {
    const raw = localStorage.getItem(storageKey(dataset));
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object') {
        const p = parsed as { hidden?: unknown; pinned?: unknown };
        const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
        return { hidden: new Set(strings(p.hidden)), pinned: new Set(strings(p.pinned)) };
      }
    }
  } catch {
    // unreadable preferences: start fresh
  }
  return { hidden: new Set(['x.rerank']), pinned: new Set() };
}

/** Hidden and pinned columns of the compare table, remembered per dataset in this browser. */
export function useColumnPrefs(dataset: string) {
  const [prefs, setPrefs] = useState<Prefs>(() => load(dataset));
  useEffect(() => setPrefs(load(dataset)), [dataset]);
  useEffect(() => {
    localStorage.setItem(storageKey(dataset), JSON.stringify({ hidden: [...prefs.hidden], pinned: [...prefs.pinned] }));
  }, [dataset, prefs]);

  const toggle = (which: keyof Prefs) => (key: string, on: boolean) =>
    setPrefs((p) => {
      const next = new Set(p[which]);
      if (on) next.add(key); else next.delete(key);
      return { ...p, [which]: next };
    });
  const setHidden = useCallback(toggle('hidden'), []);
  const setPinned = useCallback(toggle('pinned'), []);
  const setManyHidden = useCallback((keys: string[], on: boolean) =>
    setPrefs((p) => {
      const next = new Set(p.hidden);
      keys.forEach((k) => (on ? next.add(k) : next.delete(k)));
      return { ...p, hidden: next };
    }), []);
  return { hidden: prefs.hidden, pinned: prefs.pinned, setHidden, setPinned, setManyHidden };
}
