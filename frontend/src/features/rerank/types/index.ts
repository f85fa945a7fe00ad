/** Re-ranking objectives of METRICS.md "Re-ranking". */
export type Objective = 'diversity' | 'novelty' | 'unexpectedness' | 'calibration' | 'dpp';

/** What a re-rank or a sweep is asked for (docs/api.md "Re-ranking"). */
export interface RerankSpec {
  objective: Objective;
  k: number;
  n_candidates?: number;
  /** cooc | genre.<col> | emb; for diversity, unexpectedness and dpp. */
  sim?: string | null;
  /** The multi-valued item column, for calibration. */
  column?: string | null;
  /** A user group; null = all users. */
  users?: string[] | null;
  name?: string;
}

export interface RerankBody extends RerankSpec {
  lambda: number;
}

export interface SweepBody extends RerankSpec {
  lambdas: number[];
}

/** The derived experiment a POST answers with (an experiment object; the fields the page uses). */
export interface DerivedExperiment {
  name: string;
  status: string;
  error?: string | null;
  parent?: string | null;
  objective?: string | null;
  sim?: string | null;
  lambda?: number | null;
  users?: number | null;
}

export interface SweepAnswer {
  experiments: DerivedExperiment[];
}

export type Direction = 'up' | 'down' | 'same';

export interface MetricDelta {
  metric: string;
  parent: number | null;
  derived: number | null;
  delta: number | null;
  direction?: Direction;
}

/** One item of a report panel: id, how many re-ranked users got it, then the item side columns. */
export type ItemCount = { item_id: string | number; count: number } & Record<string, unknown>;

export interface RerankReport {
  parent: string;
  objective: string;
  sim: string | null;
  lambda: number;
  /** List length of the re-rank (its metrics are at this K). */
  k?: number;
  /** Re-ranked users. */
  users: number | null;
  deltas: MetricDelta[];
  top_before: ItemCount[];
  top_after: ItemCount[];
  new_items: ItemCount[];
}

export type BeforeItem = { item_id: string | number; rank: number; score?: number | null } & Record<string, unknown>;
export type AfterItem = { item_id: string | number; rank: number; original_rank?: number | null; shift?: number | null; new?: boolean } & Record<string, unknown>;

export interface UserDiff {
  user_id: string | number;
  before: BeforeItem[];
  after: AfterItem[];
}

/** An experiment as the frontier draws it (a row of the compare table). */
export interface FrontierPoint {
  name: string;
  metrics: Record<string, number | null>;
  parent?: string | null;
  objective?: string | null;
  sim?: string | null;
  lambda?: number | null;
  users?: number | null;
  status?: string;
  created_at?: string;
}
