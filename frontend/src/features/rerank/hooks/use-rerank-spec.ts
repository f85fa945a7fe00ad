import { useMemo } from 'react';
import { usersFromSearch } from '../lib/group';
import {
  RERANK_KS, beyondMetricFor, calibrationColumns, isObjective, objectiveInfo, similarityOptions, sourceOf, type ColumnLike,
} from '../lib/rerank';
import type { Objective, RerankSpec } from '../types';

/**
 * What to re-rank, read from the URL so a result is linkable: the objective and its source, K, λ
 * and the user group. Parameters the dataset cannot serve (a column it lacks) fall back to defaults.
 */
export function useRerankSpec(search: URLSearchParams, itemColumns: readonly ColumnLike[], hasItemEmbeddings: boolean) {
  // the group: `users=` in the URL, or a large one handed over in sessionStorage (`group=`)
  const usersParam = search.get('users');
  const groupParam = search.get('group');
  const { users, missingGroup } = useMemo(
    () => usersFromSearch(new URLSearchParams({ ...(usersParam ? { users: usersParam } : {}), ...(groupParam ? { group: groupParam } : {}) })),
    [usersParam, groupParam],
  );

  const kParam = Number(search.get('k'));
  const k = (RERANK_KS as readonly number[]).includes(kParam) ? kParam : 10;
  const objParam = search.get('objective');
  const objective: Objective = isObjective(objParam) ? objParam : 'diversity';
  const needs = objectiveInfo(objective).needs;
  const lambdaParam = Number(search.get('lambda') ?? '0.5');
  const lambda = Number.isFinite(lambdaParam) ? Math.min(1, Math.max(0, Math.round(lambdaParam * 10) / 10)) : 0.5;

  const columns = useMemo(() => calibrationColumns(itemColumns), [itemColumns]);
  const column = columns.includes(search.get('col') ?? '') ? (search.get('col') as string) : (columns[0] ?? null);
  const simOptions = useMemo(() => similarityOptions(itemColumns, hasItemEmbeddings), [itemColumns, hasItemEmbeddings]);
  const sim = simOptions.some((o) => o.value === search.get('sim')) ? (search.get('sim') as string) : 'cooc';
  const source = sourceOf(objective, sim, column);

  const request: RerankSpec = {
    objective, k,
    ...(needs === 'sim' ? { sim } : {}),
    ...(needs === 'column' ? { column } : {}),
    users: users.length > 0 ? users : null,
  };
  return {
    users,
    groupSize: users.length > 0 ? users.length : null,
    missingGroup,
    k, objective, needs, lambda, columns, column, simOptions, sim, source,
    /** The beyond-accuracy metric the objective moves: the frontier's default y. */
    objectiveMetric: beyondMetricFor(objective, k, source),
    label: `${objectiveInfo(objective).label}${source ? ` · ${source}` : ''}`,
    /** objective:source@k|group: a job's members join the frontier only under the spec they ran. */
    key: `${objective}:${source ?? ''}@${k}|${users.join(',')}`,
    request,
  };
}

export type RerankSpecState = ReturnType<typeof useRerankSpec>;
