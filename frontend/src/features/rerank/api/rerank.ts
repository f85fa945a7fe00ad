import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '@/lib/api-client';
import type { DerivedExperiment, RerankBody } from '../types';
import { rerankKeys } from './keys';

/** POST …/rerank: 202 with the derived experiment (uploaded → computing → ready). */
export const postRerank = (dataset: string, experiment: string, body: RerankBody): Promise<DerivedExperiment> =>
  api<DerivedExperiment>(`/datasets/${seg(dataset)}/experiments/${seg(experiment)}/rerank`, { method: 'POST', body });

export function useRerank(dataset: string, experiment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RerankBody) => postRerank(dataset, experiment, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...rerankKeys.all, dataset] }),
  });
}
