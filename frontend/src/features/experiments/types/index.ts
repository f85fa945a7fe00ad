export type ExperimentStatus = 'uploaded' | 'computing' | 'ready' | 'failed';

export type HyperParameters = Record<string, unknown>;
export type MetricValues = Record<string, number | null>;

/** One row of GET /datasets/{dataset}/experiments/table. */
export interface TableRow {
  name: string;
  status: ExperimentStatus | string;
  error: string | null;
  created_at: string;
  hyper_parameters: HyperParameters;
  /** Only the requested columns. */
  metrics: MetricValues;
  parent: string | null;
  objective: string | null;
  sim: string | null;
  lambda: number | null;
  /** Re-ranked group size of a derived experiment (null = all users). */
  users?: number | null;
}

export interface ExperimentsTable {
  total: number;
  offset: number;
  limit: number;
  metric_names: string[];
  hyper_parameter_names: string[];
  rows: TableRow[];
}

export type SortDir = 'asc' | 'desc';

export interface TableQuery {
  offset: number;
  limit: number;
  /** 'name' | 'created_at' | 'status' | a metric name */
  sortColumn?: string;
  sortDir?: SortDir;
  /** Metric columns to fetch. */
  columns: string[];
  /** Name substring. */
  q?: string;
}

/** The experiment object of GET /datasets/{dataset}/experiments[/{name}]. */
export interface Experiment {
  id: string;
  name: string;
  dataset: string;
  status: ExperimentStatus | string;
  error: string | null;
  hyper_parameters: HyperParameters;
  ks?: number[];
  /** N, the candidates stored per user (`n_candidates` of the upload settings). */
  n_candidates?: number;
  n_users_with_list?: number;
  created_at: string;
  updated_at?: string;
  metrics: Record<string, number>;
  parent?: string | null;
  objective?: string | null;
  sim?: string | null;
  lambda?: number | null;
  users?: number | null;
  /** Dimensions of the uploaded item embeddings (null = none): enables the `emb` similarity. */
  item_embedding_dims?: number | null;
}
