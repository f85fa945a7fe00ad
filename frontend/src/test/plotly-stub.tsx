/**
 * Stands in for lib/plotly's lazy <Plot> in component tests: renders the figure it was given as
 * data attributes so tests can assert on traces without loading Plotly into happy-dom.
 */
import type { Data, Layout } from 'plotly.js';

export function PlotStub({ data, layout }: { data: Data[]; layout: Partial<Layout> }) {
  return (
    <div data-testid="plot" data-traces={data.length} data-types={data.map((d) => d.type ?? '').join(',')}
      data-names={data.map((d) => ('name' in d ? d.name : '') ?? '').join('|')} data-layout={JSON.stringify(layout)} />
  );
}
