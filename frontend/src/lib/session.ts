/**
 * The signed-in session (JWT) and the team the UI acts on, kept in localStorage so a reload
 * stays signed in. Components subscribe through `useSession` (lib/use-session.ts).
 */
const SESSION_KEY = 'web4rec.session';
const TEAM_KEY = 'web4rec.team';

export interface SessionState {
  token: string | null;
  teamId: string | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): SessionState {
  return { token: localStorage.getItem(SESSION_KEY), teamId: localStorage.getItem(TEAM_KEY) };
}

let current: SessionState = read();

function emit(): void {
  current = read();
  listeners.forEach((l) => l());
}

export const session = {
  get: (): SessionState => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(token: string, teamId: string | null): void {
    localStorage.setItem(SESSION_KEY, token);
    if (teamId) localStorage.setItem(TEAM_KEY, teamId);
    else localStorage.removeItem(TEAM_KEY);
    emit();
  },
  setTeam(teamId: string): void {
    localStorage.setItem(TEAM_KEY, teamId);
    emit();
  },
  signOut(): void {
    localStorage.removeItem(SESSION_KEY);
    localStorage.removeItem(TEAM_KEY);
    emit();
  },
};
