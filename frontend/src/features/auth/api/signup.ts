import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';
import type { Credentials, SignupResponse } from '../types';

export const signup = (credentials: Credentials): Promise<SignupResponse> =>
  api<SignupResponse>('/auth/signup', { method: 'POST', body: credentials });

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (res) => {
      queryClient.clear();
      session.signIn(res.session, res.team.id);
    },
  });
}
