import { useMemo } from 'react';
import { Plot } from '@/lib/plotly';
import { buildShareBarsFigure, type ShareBars } from '../lib/bars';

/** Grouped bars of shares (selection vs all, train vs recommended …), counts in the hover. */
export function ShareBarsChart({ bars, height = 240, colors, yTitle, testId }: { bars: ShareBars; height?: number; colors?: string[]; yTitle?: string; testId?: string }) {
  const figure = useMemo(() => buildShareBarsFigure(bars, { colors, yTitle }), [bars, colors, yTitle]);
  return (
    <div data-testid={testId}>
      <Plot data={figure.data} layout={figure.layout} style={{ width: '100%', height }} />
    </div>
  );
}
