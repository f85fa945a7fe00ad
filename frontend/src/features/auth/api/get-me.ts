import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Me } from '../types';
import { authKeys } from './keys';

export const getMe = (signal?: AbortSignal): Promise<Me> => api<Me>('/me', { signal });

export const meQueryOptions = () =>
  queryOptions({ queryKey: authKeys.me, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });

export const useMe = (enabled = true) => useQuery({ ...meQueryOptions(), enabled });
