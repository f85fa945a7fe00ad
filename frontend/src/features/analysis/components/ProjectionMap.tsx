import { useMemo } from 'react';
import type { PlotSelectionEvent, PlotMouseEvent } from 'plotly.js';
import { PLOT_CONFIG, Plot } from '@/lib/plotly';
import { buildMapFigure, idsOfPoints } from '../lib/map';
import type { Attribute, EntityId, Projection } from '../types';

/** The map keeps Plotly's lasso and box select, which the other charts hide. */
const MAP_CONFIG = { ...PLOT_CONFIG, modeBarButtonsToRemove: [] };

export const MAP_DIV_ID = 'analysis-map';

/**
 * The 2-D map. Lasso / box selection reports the selected ids (filtered-out points excluded);
 * a click reports one id.
 */
export function ProjectionMap({ projection, attribute, keep, onSelect, onPick, height = 520 }: {
  projection: Projection;
  attribute: Attribute | null;
  keep: ReadonlySet<string> | null;
  onSelect: (ids: EntityId[]) => void;
  onPick?: (id: EntityId) => void;
  height?: number;
}) {
  const figure = useMemo(() => buildMapFigure(projection, attribute, { keep, entity: projection.entity }), [projection, attribute, keep]);
  return (
    <Plot divId={MAP_DIV_ID} data={figure.data} layout={figure.layout} config={MAP_CONFIG} style={{ width: '100%', height }}
      onSelected={(e: Readonly<PlotSelectionEvent> | undefined) => { if (e?.points) onSelect(idsOfPoints(e.points as never)); }}
      onDeselect={() => onSelect([])}
      onClick={(e: Readonly<PlotMouseEvent>) => {
        const [id] = idsOfPoints(e.points as never);
        if (id !== undefined) onPick?.(id);
      }} />
  );
}
