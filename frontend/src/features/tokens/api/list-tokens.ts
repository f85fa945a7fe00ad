import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ApiToken } from '../types';
import { tokenKeys } from './keys';

export const listTokens = async (signal?: AbortSignal): Promise<ApiToken[]> =>
  (await api<{ tokens: ApiToken[] }>('/tokens', { signal })).tokens;

export const tokensQueryOptions = () =>
  queryOptions({ queryKey: tokenKeys.list(), queryFn: ({ signal }) => listTokens(signal) });

export const useTokens = () => useQuery(tokensQueryOptions());
