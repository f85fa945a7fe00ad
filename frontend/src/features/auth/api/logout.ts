import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';

export const logout = (): Promise<void> => api<void>('/auth/logout', { method: 'POST' });

/**
 * Signs out: the server revokes the session (so a copy of it is useless from now on), then the
 * browser forgets it. Forgotten whatever the server answers: an expired or revoked session is
 * over anyway, and an unreachable server must not keep the user signed in on this screen.
 */
export async function signOut(): Promise<void> {
  try {
    if (session.get().token) await logout();
  } catch {
    // see above: the local sign-out below is what the user asked for
  } finally {
    session.signOut();
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
}
