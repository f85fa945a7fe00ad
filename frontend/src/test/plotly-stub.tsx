/**
 * Stands in for lib/plotly's lazy <Plot> in component tests: renders the figure it was given as
 * data attributes so tests can assert on traces without loading Plotly into happy-dom. A plot
 * with a `divId` also leaves its props in `plotProps` so a test can fire Plotly's events
 * (onSelected, onClick) the way the real chart would.
 */
import type { Data, Layout } from 'plotly.js';

/** The props a test reads back: the figure and the event handlers Plotly would call. */
export interface StubPlotProps {
  data: Data[];
  layout: Partial<Layout>;
  divId?: string;
  onSelected?: (event: unknown) => void;
  onDeselect?: () => void;
  onClick?: (event: unknown) => void;
}

export const plotProps = new Map<string, StubPlotProps>();

export function PlotStub(props: StubPlotProps) {
  const { data, layout, divId } = props;
  if (divId) plotProps.set(divId, props);
  return (
    <div data-testid="plot" data-div-id={divId} data-traces={data.length} data-types={data.map((d) => d.type ?? '').join(',')}
      data-names={data.map((d) => ('name' in d ? d.name : '') ?? '').join('|')} data-layout={JSON.stringify(layout)} />
  );
}
