import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import { experimentKeys } from './keys';

export const deleteExperiment = ({ dataset, name }: { dataset: string; name: string }): Promise<void> =>
  api<void>(`/datasets/${seg(dataset)}/experiments/${seg(name)}`, { method: 'DELETE' });

/** Its derived re-ranks go with it, so every query of the dataset's experiments is stale. */
export function useDeleteExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteExperiment,
    onSuccess: (_, { dataset }) => queryClient.invalidateQueries({ queryKey: [...experimentKeys.all, dataset] }),
  });
}
