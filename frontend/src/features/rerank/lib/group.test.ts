import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_USERS_PARAM, readUserGroup, rerankGroupHref, usersFromSearch } from './group';

beforeEach(() => sessionStorage.clear());

describe('user group handoff', () => {
  it('keeps a small group in the URL', () => {
    const href = rerankGroupHref('demo ml', 'BPR', [1, 2, 'u3'], 10);
    expect(href).toBe('/datasets/demo%20ml/rerank?experiment=BPR&k=10&users=1%2C2%2Cu3');
    expect(usersFromSearch(new URL(href, 'http://x').searchParams)).toEqual({ users: ['1', '2', 'u3'], missingGroup: false });
    expect(sessionStorage.length).toBe(0);
  });

  it('stores a large group in sessionStorage and reads it back by its key', () => {
    const users = Array.from({ length: 2000 }, (_, i) => i);
    expect(users.join(',').length).toBeGreaterThan(MAX_USERS_PARAM);
    const href = rerankGroupHref('d', 'BPR', users);
    const search = new URL(href, 'http://x').searchParams;
    expect(search.get('users')).toBeNull();
    expect(readUserGroup(search.get('group'))).toHaveLength(2000);
    expect(usersFromSearch(search).users.slice(0, 2)).toEqual(['0', '1']);
  });

  it('says when a group key is not in this tab', () => {
    expect(usersFromSearch(new URLSearchParams('group=nope'))).toEqual({ users: [], missingGroup: true });
  });
});
