import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import { experimentKeys } from '@/features/experiments/api/keys';
import { datasetKeys } from './keys';

export const deleteDataset = (name: string): Promise<void> =>
  api<void>(`/datasets/${seg(name)}`, { method: 'DELETE' });

export function useDeleteDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDataset,
    onSuccess: (_, name) => {
      queryClient.removeQueries({ queryKey: datasetKeys.detail(name) });
      queryClient.removeQueries({ queryKey: datasetKeys.stats(name) });
      queryClient.removeQueries({ queryKey: [...experimentKeys.all, name] });
      return queryClient.invalidateQueries({ queryKey: datasetKeys.list() });
    },
  });
}
