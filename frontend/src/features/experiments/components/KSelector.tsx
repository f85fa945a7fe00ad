export function KSelector({ ks, value, onChange }: { ks: readonly number[]; value: number; onChange: (k: number) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="K (list length)">
      <span className="segmented-label">K</span>
      {ks.map((k) => (
        <button key={k} type="button" role="radio" aria-checked={k === value} className={k === value ? 'active' : ''} onClick={() => onChange(k)}>{k}</button>
      ))}
    </div>
  );
}
