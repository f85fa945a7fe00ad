import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { SweepAnswer, SweepBody } from '../types';
import { rerankKeys } from './keys';

/** POST …/sweep: 202 with one derived experiment per λ. */
export const postSweep = (dataset: string, experiment: string, body: SweepBody): Promise<SweepAnswer> =>
  api<SweepAnswer>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/sweep`, { method: 'POST', body });

export function useSweep(dataset: string, experiment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SweepBody) => postSweep(dataset, experiment, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...rerankKeys.all, dataset] }),
  });
}
