/** Per-user metric values of one experiment, arrays aligned with userIds. */
export interface PerUserTable {
  userIds: string[];
  metrics: Record<string, number[]>;
}

export interface BreakdownGroup {
  group: string;
  n: number;
  mean: number;
  ci_low: number;
  ci_high: number;
}

export interface Breakdown {
  metric: string;
  by: string;
  groups: BreakdownGroup[];
}

export interface Comparison {
  metric: string;
  a: string;
  b: string;
  n: number;
  mean_a: number;
  mean_b: number;
  /** b − a */
  mean_diff: number;
  ci_low: number;
  ci_high: number;
  p_t: number;
  p_wilcoxon: number;
  p_t_adj: number | null;
  p_wilcoxon_adj: number | null;
}

export interface CompareResult {
  experiments: string[];
  comparisons: Comparison[];
}

/** What the model-vs-model charts need of an experiment. */
export interface ExperimentPoint {
  name: string;
  hyper_parameters: Record<string, unknown>;
  metrics: Record<string, number | null>;
}
