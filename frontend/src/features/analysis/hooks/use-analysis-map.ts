import { useMemo } from 'react';
import { useAttribute, useAttributeNames } from '../api/get-attributes';
import { useProjection } from '../api/get-projection';
import type { Entity, ProjectionMethod } from '../types';

export const UMAP_NEIGHBORS = [5, 15, 50] as const;

/**
 * The map of the URL (`entity`, `method`, `neighbors`, `color`) for one experiment: the projection
 * (polled while its job runs), what it can be coloured by and the chosen colouring's values.
 */
export function useAnalysisMap(dataset: string, experiment: string, search: URLSearchParams) {
  const entity: Entity = search.get('entity') === 'item' ? 'item' : 'user';
  const method: ProjectionMethod = search.get('method') === 'umap' ? 'umap' : 'pca';
  const nParam = Number(search.get('neighbors'));
  const neighbors = (UMAP_NEIGHBORS as readonly number[]).includes(nParam) ? nParam : 15;

  const projection = useProjection(dataset, experiment, entity, method, neighbors);
  const map = projection.data?.state === 'ready' ? projection.data.projection : null;
  const names = useAttributeNames(dataset, experiment, entity);
  const colorOptions = useMemo(() => {
    const side = (names.data?.side ?? []).map((s) => s.name);
    const metrics = names.data?.metrics ?? [];
    // items always have a popularity, even when the server lists no such attribute
    return [...side, ...metrics, ...(entity === 'item' && !metrics.includes('popularity') && !side.includes('popularity') ? ['popularity'] : [])];
  }, [names.data, entity]);
  const colorParam = search.get('color') ?? '';
  const color = colorOptions.includes(colorParam) ? colorParam : '';
  const attribute = useAttribute(dataset, experiment, entity, color);
  return { entity, method, neighbors, projection, map, names, colorOptions, color, attribute };
}
