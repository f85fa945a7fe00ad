import { useEffect, useMemo, useState } from 'react';
import { setSearchParams } from '@/lib/router';
import { useRerank } from '../api/rerank';
import { useSweep } from '../api/sweep';
import type { JobMember } from '../components/JobProgress';
import { SWEEP_LAMBDAS, lambdaLabel } from '../lib/rerank';
import type { DerivedExperiment } from '../types';
import type { RerankSpecState } from './use-rerank-spec';

export interface RerankJob {
  kind: 'run' | 'sweep';
  /** parent|spec key the job ran under: its members join the frontier only under that spec. */
  spec: string;
  label: string;
  members: DerivedExperiment[];
}

/**
 * Run (one λ) and Sweep (λ 0…1) of a parent under the spec, and the job they started. A started
 * job points the URL at what to inspect: the run's derived experiment, or the sweep's frontier.
 */
export function useRerankJob(dataset: string, parent: string, spec: RerankSpecState) {
  const rerank = useRerank(dataset, parent);
  const sweep = useSweep(dataset, parent);
  const [job, setJob] = useState<RerankJob | null>(null);
  const specKey = `${parent}|${spec.key}`;
  const { lambda, label } = spec;

  const run = () => {
    sweep.reset();
    rerank.mutate({ ...spec.request, lambda }, {
      onSuccess: (d) => {
        setJob({ kind: 'run', spec: specKey, label: `Re-rank ${parent}, ${label}, ${lambdaLabel(lambda)}`, members: [{ ...d, lambda: d.lambda ?? lambda }] });
        setSearchParams({ derived: d.name });
      },
    });
  };
  const runSweep = () => {
    rerank.reset();
    sweep.mutate({ ...spec.request, lambdas: [...SWEEP_LAMBDAS] }, {
      onSuccess: (a) => {
        setJob({ kind: 'sweep', spec: specKey, label: `Sweep ${parent}, ${label}, λ 0…1`, members: a.experiments.map((d, i) => ({ ...d, lambda: d.lambda ?? SWEEP_LAMBDAS[i] })) });
        setSearchParams({ derived: null });
      },
    });
  };

  const include = useMemo(() => (job && job.spec === specKey ? job.members.map((m) => m.name) : []), [job, specKey]);
  return {
    job,
    clear: () => setJob(null),
    run,
    runSweep,
    runPending: rerank.isPending,
    sweepPending: sweep.isPending,
    busy: rerank.isPending || sweep.isPending,
    error: rerank.error ?? sweep.error,
    /** Names whose status the page polls until each is ready or failed. */
    memberNames: job?.members.map((m) => m.name) ?? [],
    include,
  };
}

/**
 * The job's members with their polled status; `onProgress` runs each time one more is ready, so
 * each finished λ joins the frontier as it lands.
 */
export function useJobMembers(job: RerankJob | null, polled: readonly DerivedExperiment[], onProgress: () => unknown): JobMember[] {
  const members: JobMember[] = useMemo(
    () => (job?.members ?? []).map((m) => {
      const d = polled.find((p) => p.name === m.name);
      return { name: m.name, lambda: m.lambda, status: d?.status ?? m.status, error: d?.error ?? m.error };
    }),
    [job, polled],
  );
  const readyCount = members.filter((m) => m.status === 'ready').length;
  useEffect(() => {
    if (job) void onProgress();
  }, [job, readyCount, onProgress]);
  return members;
}
