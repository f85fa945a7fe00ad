import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CreatedToken } from '../types';
import { tokenKeys } from './keys';

export const createToken = (name: string): Promise<CreatedToken> =>
  api<CreatedToken>('/tokens', { method: 'POST', body: { name } });

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
