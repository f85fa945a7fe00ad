import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { userDiff } from '@/test/rerank-fixtures';
import { UserDiffPanel } from './UserDiffPanel';

describe('UserDiffPanel', () => {
  it('puts the lists side by side with rank shifts', () => {
    render(<UserDiffPanel diff={userDiff} />);
    const after = screen.getByTestId('diff-after');
    expect(within(after).getAllByTestId('shift').map((s) => s.textContent)).toEqual(['=', '↑1', 'new']);
    expect(within(after).getAllByTestId('shift')[2].title).toBe('was #17 among the candidates');
    expect(within(after).getAllByRole('row')[3].className).toBe('row-new');
  });

  it('marks the items re-ranking dropped and summarises', () => {
    render(<UserDiffPanel diff={userDiff} />);
    const before = screen.getByTestId('diff-before');
    const rows = within(before).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.className)).toEqual(['', 'row-dropped', '']);
    expect(rows[1].textContent).toContain('dropped');
    expect(screen.getByTestId('user-diff').textContent).toContain('1 of 3 items new, 1 dropped');
  });

  it('shows the side columns, splitting multi-valued ones', () => {
    render(<UserDiffPanel diff={userDiff} />);
    expect(within(screen.getByTestId('diff-before')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['rank', 'item', 'genres', 'score']);
    expect(screen.getAllByText('Romance')).toHaveLength(1);
  });

  it('trusts the server\'s `new` flag and hides it from the side columns', () => {
    render(<UserDiffPanel diff={{ user_id: 1, before: [{ item_id: 1, rank: 1, new: false }], after: [{ item_id: 9, rank: 1, original_rank: 1, shift: 0, new: true }] }} />);
    expect(screen.getByTestId('shift').textContent).toBe('new');
    expect(within(screen.getByTestId('diff-after')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['rank', 'item', 'shift']);
  });

  it('computes a downward shift when the server sends none', () => {
    render(<UserDiffPanel diff={{ user_id: 1, before: [{ item_id: 1, rank: 1 }, { item_id: 2, rank: 2 }], after: [{ item_id: 2, rank: 1, original_rank: 2 }, { item_id: 1, rank: 2, original_rank: 1 }] }} />);
    expect(screen.getAllByTestId('shift').map((s) => s.textContent)).toEqual(['↑1', '↓1']);
    expect(screen.getByTestId('user-diff').textContent).toContain('same items, re-ordered');
  });
});
