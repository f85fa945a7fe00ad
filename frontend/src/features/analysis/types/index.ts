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

// ---- Post-hoc analysis (docs/analysis-api.md) ----

/** A user or item id as uploaded: numbers stay numbers, strings stay strings. */
export type EntityId = string | number;
export type Entity = 'user' | 'item';
export type ProjectionMethod = 'pca' | 'umap';
export type ProjectionSource = 'model_embeddings' | 'candidate_scores' | 'train_interactions';
export type AttributeKind = 'categorical' | 'numeric' | 'multi';

/** 200 of GET …/projection. */
export interface Projection {
  entity: Entity;
  method: ProjectionMethod;
  neighbors: number | null;
  source: ProjectionSource;
  source_dims: number;
  explained_variance?: number[] | null;
  sampled: boolean;
  n_total: number;
  n_points: number;
  sample_note: string | null;
  ids: EntityId[];
  x: number[];
  y: number[];
}

/** 202 of GET …/projection: the job is still running. */
export interface ProjectionProgress {
  status: 'running';
  progress: number;
  stage?: string;
}

export type ProjectionState = { state: 'running'; progress: ProjectionProgress } | { state: 'ready'; projection: Projection };

export interface Attribute {
  name: string;
  kind: AttributeKind;
  ids: EntityId[];
  values: (string | number | null | (string | number)[])[];
}

export interface AttributeNames {
  side: { name: string; kind: AttributeKind }[];
  metrics: string[];
}

export type WhereClause = string[] | { min?: number; max?: number };

export interface FilterRequest {
  entity: Entity;
  where: Record<string, WhereClause>;
  metric?: { name: string; min: number };
}

export interface FilterResult {
  ids: EntityId[];
  n: number;
  n_total: number;
}

export type SideDistribution =
  | { column: string; kind: 'categorical' | 'multi'; values: string[]; selected: number[]; all: number[] }
  | { column: string; kind: 'numeric'; edges: number[]; selected: number[]; all: number[] };

export type SideInfo = Record<string, unknown>;

export interface UserSelection {
  n_selected: number;
  n_total: number;
  k: number;
  side: SideDistribution[];
  metrics: { experiment: string; metric: string; selected: number | null; all: number | null }[];
  top_items: { item: EntityId; count: number; share: number; side: SideInfo }[];
  genres: { column: string; values: string[]; train: number[]; recommended: number[] }[];
}

export interface ItemSelection {
  n_selected: number;
  n_total: number;
  side: SideDistribution[];
  popularity: {
    selected: { mean: number; median: number };
    all: { mean: number; median: number };
    edges: number[];
    selected_counts: number[];
    all_counts: number[];
  };
  recommended: { selected_share: number };
}

export interface Audience {
  k: number;
  n_interacted: number;
  n_recommended: number;
  rows: { group: 'interacted' | 'recommended'; column: string; value: string; count: number }[];
}

export interface DrilldownItem {
  item: EntityId;
  side: SideInfo;
}

export interface Drilldown {
  user: EntityId;
  side: SideInfo;
  train: DrilldownItem[];
  ground_truth: DrilldownItem[];
  experiments: { name: string; items: (DrilldownItem & { rank: number; score: number | null; hit: boolean })[] }[];
}
