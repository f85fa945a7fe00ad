import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';
import type { Credentials, LoginResponse } from '../types';

export const login = (credentials: Credentials): Promise<LoginResponse> =>
  api<LoginResponse>('/auth/login', { method: 'POST', body: credentials });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => {
      queryClient.clear();
      session.signIn(res.session, res.teams[0]?.id ?? null);
    },
  });
}
