import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { UserDiff } from '../types';
import { rerankKeys } from './keys';

export const getUserDiff = (dataset: string, derived: string, user: string, signal?: AbortSignal): Promise<UserDiff> =>
  api<UserDiff>(`/datasets/${seg(dataset)}/experiments/${seg(derived)}/user-diff`, { query: { user }, signal });

export const userDiffQueryOptions = (dataset: string, derived: string, user: string) =>
  queryOptions({ queryKey: rerankKeys.userDiff(dataset, derived, user), queryFn: ({ signal }) => getUserDiff(dataset, derived, user, signal), staleTime: 5 * 60_000 });

export const useUserDiff = (dataset: string, derived: string | null, user: string, enabled = true) =>
  useQuery({ ...userDiffQueryOptions(dataset, derived ?? '', user), enabled: Boolean(derived && user) && enabled });
