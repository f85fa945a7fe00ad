import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { Attribute, AttributeNames, Entity } from '../types';
import { analysisKeys } from './keys';

export const getAttributeNames = (dataset: string, experiment: string, entity: Entity, signal?: AbortSignal) =>
  api<AttributeNames>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/attributes`, { query: { entity }, signal });

export const getAttribute = (dataset: string, experiment: string, entity: Entity, name: string, signal?: AbortSignal) =>
  api<Attribute>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/attribute`, { query: { entity, name }, signal });

export const attributeNamesQueryOptions = (dataset: string, experiment: string, entity: Entity) =>
  queryOptions({ queryKey: analysisKeys.attributeNames(dataset, experiment, entity), queryFn: ({ signal }) => getAttributeNames(dataset, experiment, entity, signal), staleTime: 10 * 60_000 });

export const attributeQueryOptions = (dataset: string, experiment: string, entity: Entity, name: string) =>
  queryOptions({ queryKey: analysisKeys.attribute(dataset, experiment, entity, name), queryFn: ({ signal }) => getAttribute(dataset, experiment, entity, name, signal), staleTime: 10 * 60_000 });

export const useAttributeNames = (dataset: string, experiment: string, entity: Entity) =>
  useQuery({ ...attributeNamesQueryOptions(dataset, experiment, entity), enabled: Boolean(experiment) });

/** One side column or metric per point; `name` empty: nothing fetched. */
export const useAttribute = (dataset: string, experiment: string, entity: Entity, name: string) =>
  useQuery({ ...attributeQueryOptions(dataset, experiment, entity, name), enabled: Boolean(experiment && name) });
