import { useMemo, useState } from 'react';
import { compareMetrics, metricsAtK } from '@/lib/metrics';
import { closestByLambda, sweepSeries } from '../lib/rerank';
import type { FrontierPoint } from '../types';
import type { RerankSpecState } from './use-rerank-spec';

/** The frontier's axes: picked by the user, else ndcg@K and the objective's metric (a pick at another K lapses). */
export function useFrontierAxes(k: number, objectiveMetric: string) {
  const [xPick, setX] = useState('');
  const [yPick, setY] = useState('');
  const defaultX = `ndcg@${k}`;
  const xMetric = xPick && xPick.includes(`@${k}`) ? xPick : defaultX;
  const yMetric = yPick && yPick.includes(`@${k}`) ? yPick : objectiveMetric;
  const columns = useMemo(() => [...new Set([xMetric, yMetric])], [xMetric, yMetric]);
  return { xMetric, yMetric, setX, setY, defaultX, defaultY: objectiveMetric, columns };
}

export type FrontierAxes = ReturnType<typeof useFrontierAxes>;

interface FrontierInput {
  rows: readonly FrontierPoint[];
  metricNames: readonly string[];
  parent: string;
  spec: RerankSpecState;
  axes: FrontierAxes;
  /** Members of the running job: they join the series before the table knows their spec. */
  include: readonly string[];
  /** The inspected derived experiment of the URL, else the one closest to the spec's λ. */
  derived: string | null;
}

/** The parent's sweep under the spec (one point per λ), the axis choices and the inspected λ. */
export function useFrontier({ rows, metricNames, parent, spec, axes, include, derived }: FrontierInput) {
  const { k, objective, source, groupSize, lambda } = spec;
  const { accuracy, beyond } = useMemo(() => metricsAtK(metricNames, k), [metricNames, k]);
  const xOptions = useMemo(() => [...new Set([axes.defaultX, ...accuracy])].sort(compareMetrics), [axes.defaultX, accuracy]);
  const yOptions = useMemo(() => [...new Set([axes.defaultY, ...beyond, ...accuracy])].sort(compareMetrics), [axes.defaultY, beyond, accuracy]);
  const series = useMemo(
    () => (parent ? sweepSeries(rows, { parent, objective, source, groupSize, include }) : []),
    [rows, parent, objective, source, groupSize, include],
  );
  const selected = series.find((s) => s.name === derived) ?? closestByLambda(series, lambda);
  return { xOptions, yOptions, series, selected };
}
