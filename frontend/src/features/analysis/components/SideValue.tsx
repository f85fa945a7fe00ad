/** A side-info value: a list becomes tags, a scalar plain text, a missing one a dash. */
export function SideValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (Array.isArray(value)) return <span className="tags">{value.map((v) => <span key={String(v)} className="tag">{String(v)}</span>)}</span>;
  return <>{String(value)}</>;
}

/** All side columns of a list of items, in first-seen order. */
export function sideColumnsOf(items: readonly { side: Record<string, unknown> }[]): string[] {
  const cols = new Set<string>();
  for (const it of items) for (const c of Object.keys(it.side ?? {})) cols.add(c);
  return [...cols];
}
