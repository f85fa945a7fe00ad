export interface ApiToken {
  prefix: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface CreatedToken {
  token: string;
  prefix: string;
  name: string;
  created_at: string;
}
