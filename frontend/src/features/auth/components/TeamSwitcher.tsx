import { useQueryClient } from '@tanstack/react-query';
import { session } from '@/lib/session';
import { useSession } from '@/lib/use-session';
import { navigate } from '@/lib/router';
import { useMe } from '../api/get-me';

/** Picks the team the UI acts on (sent as X-Web4Rec-Team); switching drops every cached answer. */
export function TeamSwitcher() {
  const { teamId } = useSession();
  const me = useMe();
  const queryClient = useQueryClient();
  if (!me.data) return <div className="team-switcher muted">{me.isError ? 'team unavailable' : '…'}</div>;
  const current = teamId ?? me.data.team.id;
  return (
    <label className="team-switcher">
      <span className="team-label">Team</span>
      <select
        aria-label="Team"
        value={current}
        onChange={(e) => {
          session.setTeam(e.target.value);
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
          navigate('/datasets');
        }}
      >
        {me.data.teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}{t.role ? ` · ${t.role}` : ''}</option>
        ))}
      </select>
    </label>
  );
}
