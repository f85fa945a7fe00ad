import { parseMetric } from '@/lib/metrics';

/**
 * Keys for hiding and pinning columns. Metric keys leave out K so a choice survives a change
 * of the K selector: ndcg@10 and ndcg@20 share 'm.ndcg'; diversity@10:cooc is 'm.diversity:cooc'.
 */
export const hyperKey = (name: string): string => `hp.${name}`;

export function metricKey(full: string): string {
  const m = parseMetric(full);
  if (!m) return `m.${full}`;
  return m.source ? `m.${m.base}:${m.source}` : `m.${m.base}`;
}

export const EXPERIMENT_KEYS = { status: 'x.status', created: 'x.created_at', rerank: 'x.rerank' } as const;
