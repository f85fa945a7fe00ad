import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Audience, EntityId, ItemSelection, UserSelection } from '../types';
import { analysisKeys } from './keys';

/**
 * A short stable key for a (possibly 10,000-id) selection: its size and an FNV-1a hash of the ids,
 * so query keys stay small.
 */
export function idsKey(ids: readonly EntityId[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) {
    const s = `${typeof id}:${id},`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${ids.length}:${h.toString(16)}`;
}

const base = (dataset: string, experiment: string) => `/datasets/${seg(dataset)}/experiments/${seg(experiment)}`;

export const postUserSelection = (dataset: string, experiment: string, userIds: readonly EntityId[], k: number, signal?: AbortSignal) =>
  api<UserSelection>(`${base(dataset, experiment)}/selection/users`, { method: 'POST', body: { user_ids: userIds, k }, signal });

export const postItemSelection = (dataset: string, experiment: string, itemIds: readonly EntityId[], k: number, signal?: AbortSignal) =>
  api<ItemSelection>(`${base(dataset, experiment)}/selection/items`, { method: 'POST', body: { item_ids: itemIds, k }, signal });

export const postAudience = (dataset: string, experiment: string, itemIds: readonly EntityId[], k: number, signal?: AbortSignal) =>
  api<Audience>(`${base(dataset, experiment)}/audience`, { method: 'POST', body: { item_ids: itemIds, k }, signal });

export const userSelectionQueryOptions = (dataset: string, experiment: string, ids: readonly EntityId[], k: number) =>
  queryOptions({ queryKey: analysisKeys.selection(dataset, experiment, 'user', idsKey(ids), k), queryFn: ({ signal }) => postUserSelection(dataset, experiment, ids, k, signal), staleTime: 5 * 60_000 });

export const itemSelectionQueryOptions = (dataset: string, experiment: string, ids: readonly EntityId[], k: number) =>
  queryOptions({ queryKey: analysisKeys.selection(dataset, experiment, 'item', idsKey(ids), k), queryFn: ({ signal }) => postItemSelection(dataset, experiment, ids, k, signal), staleTime: 5 * 60_000 });

export const audienceQueryOptions = (dataset: string, experiment: string, ids: readonly EntityId[], k: number) =>
  queryOptions({ queryKey: analysisKeys.audience(dataset, experiment, idsKey(ids), k), queryFn: ({ signal }) => postAudience(dataset, experiment, ids, k, signal), staleTime: 5 * 60_000 });

export const useUserSelection = (dataset: string, experiment: string, ids: readonly EntityId[], k: number, enabled: boolean) =>
  useQuery({ ...userSelectionQueryOptions(dataset, experiment, ids, k), enabled: enabled && ids.length > 0 });

export const useItemSelection = (dataset: string, experiment: string, ids: readonly EntityId[], k: number, enabled: boolean) =>
  useQuery({ ...itemSelectionQueryOptions(dataset, experiment, ids, k), enabled: enabled && ids.length > 0 });

export const useAudience = (dataset: string, experiment: string, ids: readonly EntityId[], k: number, enabled: boolean) =>
  useQuery({ ...audienceQueryOptions(dataset, experiment, ids, k), enabled: enabled && ids.length > 0 });
