/**
 * Plotly, loaded on first use: the 4.8 MB bundle stays out of the first page load.
 * Every chart renders <Plot> from here with the module-level PLOT_CONFIG.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { PlotParams } from 'react-plotly.js';
import type { Config, Layout } from 'plotly.js';

export const PLOT_CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['lasso2d', 'select2d'],
  toImageButtonOptions: { format: 'png', scale: 2 },
};

export const PALETTE = ['#4f46e5', '#f59e0b', '#10b981', '#ef4444', '#06b6d4', '#8b5cf6', '#ec4899', '#84cc16', '#64748b', '#f97316'];

/** Shared look: readable fonts, light grid, legend on top. */
export const BASE_LAYOUT: Partial<Layout> = {
  font: { family: 'Inter, system-ui, -apple-system, Segoe UI, sans-serif', size: 12, color: '#1f2937' },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  margin: { l: 56, r: 16, t: 32, b: 48 },
  legend: { orientation: 'h', y: 1.12, x: 0, font: { size: 12 } },
  hoverlabel: { font: { size: 12 } },
  colorway: PALETTE,
};

const LazyPlot = lazy(async (): Promise<{ default: ComponentType<PlotParams> }> => {
  const [plotlyModule, factory] = await Promise.all([import('plotly.js'), import('react-plotly.js/factory')]);
  // plotly.js-dist-min is a UMD bundle: the library is the default export once bundled.
  const plotly: object = (plotlyModule as { default?: object }).default ?? plotlyModule;
  return { default: factory.default(plotly) };
});

export function Plot(props: ComponentProps<typeof LazyPlot>) {
  return (
    <Suspense fallback={<div className="chart-loading" style={{ height: props.style?.height ?? 360 }}>Loading chart…</div>}>
      <LazyPlot useResizeHandler {...props} config={props.config ?? PLOT_CONFIG} />
    </Suspense>
  );
}
