import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { session } from '@/lib/session';

/** A 401 anywhere means the session is gone: sign out, the shell then shows the sign-in page. */
function onError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401 && session.get().token) session.signOut();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError: (err) => onError(err) }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
