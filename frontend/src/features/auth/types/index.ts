export interface User {
  id: string;
  email: string;
}

export interface Team {
  id: string;
  name: string;
  role?: string;
}

export interface Me {
  user: User;
  teams: Team[];
  team: Team;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface SignupResponse {
  user: User;
  team: Team;
  token: string;
  session: string;
}

export interface LoginResponse {
  user: User;
  teams: Team[];
  session: string;
}
