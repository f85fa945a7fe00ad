export type ColumnKind = 'categorical' | 'numeric' | 'multi';

export interface Dataset {
  id: string;
  name: string;
  created_at: string;
  version: number;
  n_users: number;
  n_items: number;
  n_train: number;
  n_ground_truth: number;
  n_users_with_ground_truth: number;
  id_type: 'int' | 'string';
  user_columns: { name: string; kind: ColumnKind }[];
  item_columns: { name: string; kind: ColumnKind }[];
}

export type ColumnDistribution =
  | { name: string; kind: 'categorical' | 'multi'; values: string[]; counts: number[] }
  | { name: string; kind: 'numeric'; bin_edges: number[]; counts: number[] };

export interface DatasetStats {
  popularity: { rank: number[]; count: number[] };
  n_items: number;
  head_share: number;
  user_columns: ColumnDistribution[];
  item_columns: ColumnDistribution[];
}
