import { useMemo, useState } from 'react';
import { useFilter } from '../api/filter';
import { useAudience, useItemSelection, useUserSelection } from '../api/selection';
import { idKey } from '../lib/map';
import type { Entity, EntityId, FilterRequest } from '../types';

interface Scoped<T> {
  scope: string;
  value: T;
}

/**
 * The applied filter and the lassoed group of one map, and what the server says about the group.
 * Both belong to one experiment and entity: switching either drops them without an effect.
 */
export function useMapSelection(dataset: string, experiment: string, entity: Entity, k: number, audienceK: number) {
  const scope = `${experiment}|${entity}`;
  const [filter, setFilter] = useState<Scoped<FilterRequest> | null>(null);
  const appliedFilter = filter?.scope === scope ? filter.value : null;
  const filtered = useFilter(dataset, experiment, appliedFilter);
  const keep = useMemo(() => (appliedFilter && filtered.data ? new Set(filtered.data.ids.map(idKey)) : null), [appliedFilter, filtered.data]);

  const [selection, setSelection] = useState<Scoped<EntityId[]> | null>(null);
  const selected = useMemo(() => (selection?.scope === scope ? selection.value : []), [selection, scope]);

  const userSel = useUserSelection(dataset, experiment, selected, k, entity === 'user');
  const itemSel = useItemSelection(dataset, experiment, selected, k, entity === 'item');
  const audience = useAudience(dataset, experiment, selected, audienceK, entity === 'item');
  return {
    scope,
    appliedFilter,
    filtered,
    keep,
    /** A new filter (or none) also clears the group: it may hold points the filter drops. */
    applyFilter: (body: FilterRequest | null) => { setFilter(body ? { scope, value: body } : null); setSelection(null); },
    selected,
    select: (ids: EntityId[]) => setSelection({ scope, value: ids }),
    clear: () => setSelection(null),
    userSel,
    itemSel,
    audience,
  };
}
