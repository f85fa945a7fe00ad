// Browser-level stand-in for the analysis routes of docs/analysis-api.md, with data the demo
// dataset does not produce (a job that stays running for a few polls, 8,000 users): intercepts …/projection (202 with progress first, then the map), …/attributes,
// …/attribute, …/filter, …/selection/users, …/selection/items, …/audience and …/drilldown with
// made-up but internally consistent data (ids 1..N, seeded). Used to exercise the page with real
// Plotly (lasso, WebGL) in Chromium; the real-route test in run.mjs does not use it.

const GENRES = ['Action', 'Comedy', 'Drama', 'Romance', 'Sci-Fi', 'Thriller'];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const counts = (values, of) => values.map((v) => of.filter((x) => x === v).length);

/** Installs the mock on a Playwright page; `users`: map size, `runningPolls`: 202 answers first. */
export async function mockAnalysisRoutes(page, { dataset = 'demo-ml', users = 8000, items = 300, runningPolls = 2 } = {}) {
  const r = rng(42);
  const userIds = Array.from({ length: users }, (_, i) => i + 1);
  const itemIds = Array.from({ length: items }, (_, i) => i + 1);
  const gender = userIds.map(() => (r() < 0.3 ? 'F' : 'M'));
  const age = userIds.map(() => 18 + Math.floor(r() * 45));
  const ux = userIds.map(() => r() * 2 - 1);
  const uy = userIds.map((_, i) => ux[i] * 0.5 + r() - 0.5);
  const genres = itemIds.map(() => [GENRES[Math.floor(r() * GENRES.length)]]);
  let polls = 0;
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const side = (item) => ({ genres: genres[item - 1] ?? [], year: 1950 + (item % 50) });

  await page.route((url) => url.pathname.startsWith(`/api/v1/datasets/${encodeURIComponent(dataset)}/`), async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const m = /\/experiments\/[^/]+\/(projection|attributes|attribute|filter|selection\/users|selection\/items|audience)$/.exec(url.pathname)
      ?? /\/users\/([^/]+)\/(drilldown)$/.exec(url.pathname);
    if (!m) return route.fallback();
    const body = req.postDataJSON?.() ?? null;
    const entity = url.searchParams.get('entity') ?? body?.entity;
    switch (m[m.length - 1]) {
      case 'projection':
        if (polls++ < runningPolls) return json(route, 202, { status: 'running', progress: polls / (runningPolls + 1), stage: 'svd' });
        return json(route, 200, entity === 'item'
          ? { entity, method: 'pca', neighbors: null, source: 'train_interactions', source_dims: 64, explained_variance: [0.2, 0.1], sampled: false, n_total: items, n_points: items, sample_note: null, ids: itemIds, x: itemIds.map((i) => Math.cos(i)), y: itemIds.map((i) => Math.sin(i)) }
          : { entity, method: 'pca', neighbors: null, source: 'candidate_scores', source_dims: 64, explained_variance: [0.41, 0.22], sampled: false, n_total: users, n_points: users, sample_note: null, ids: userIds, x: ux, y: uy });
      case 'attributes':
        return json(route, 200, entity === 'item' ? { side: [{ name: 'genres', kind: 'multi' }, { name: 'year', kind: 'numeric' }], metrics: ['popularity'] }
          : { side: [{ name: 'gender', kind: 'categorical' }, { name: 'age', kind: 'numeric' }], metrics: ['recall@10'] });
      case 'attribute': {
        const name = url.searchParams.get('name');
        if (name === 'gender') return json(route, 200, { name, kind: 'categorical', ids: userIds, values: gender });
        if (name === 'age') return json(route, 200, { name, kind: 'numeric', ids: userIds, values: age });
        if (name === 'recall@10') return json(route, 200, { name, kind: 'numeric', ids: userIds, values: userIds.map((i) => (i % 10) / 10) });
        return json(route, 400, { error: { status: 400, message: `no attribute ${name}`, example: null } });
      }
      case 'filter': {
        const g = body.where?.gender;
        const a = body.where?.age ?? {};
        const ids = userIds.filter((_, i) => (!g || g.includes(gender[i])) && (a.min === undefined || age[i] >= a.min) && (a.max === undefined || age[i] <= a.max));
        return json(route, 200, { ids, n: ids.length, n_total: users });
      }
      case 'selection/users': {
        const sel = new Set(body.user_ids.map(Number));
        const idx = userIds.map((_, i) => i).filter((i) => sel.has(userIds[i]));
        return json(route, 200, {
          n_selected: idx.length, n_total: users, k: body.k,
          side: [{ column: 'gender', kind: 'categorical', values: ['F', 'M'], selected: counts(['F', 'M'], idx.map((i) => gender[i])), all: counts(['F', 'M'], gender) }],
          metrics: [{ experiment: 'ItemKNN-50', metric: `recall@${body.k}`, selected: 0.12, all: 0.1 }, { experiment: 'MostPopular', metric: `recall@${body.k}`, selected: 0.08, all: 0.09 }],
          top_items: itemIds.slice(0, 20).map((item, j) => ({ item, count: Math.max(1, idx.length - j * 3), share: Math.max(1, idx.length - j * 3) / Math.max(1, idx.length), side: side(item) })),
          genres: [{ column: 'genres', values: GENRES, train: GENRES.map(() => 1 / GENRES.length), recommended: GENRES.map((_, j) => (j === 0 ? 0.5 : 0.1)) }],
        });
      }
      case 'selection/items':
        return json(route, 200, {
          n_selected: body.item_ids.length, n_total: items, side: [],
          popularity: { selected: { mean: 120, median: 80 }, all: { mean: 40, median: 12 }, edges: [1, 10, 100, 1000], selected_counts: [0, 1, 1], all_counts: [100, 150, 50] },
          recommended: { selected_share: 0.05 },
        });
      case 'audience':
        return json(route, 200, { k: body.k, n_interacted: 50, n_recommended: 20, rows: [
          { group: 'interacted', column: 'gender', value: 'F', count: 20 }, { group: 'interacted', column: 'gender', value: 'M', count: 30 },
          { group: 'recommended', column: 'gender', value: 'F', count: 4 }, { group: 'recommended', column: 'gender', value: 'M', count: 16 }] });
      case 'drilldown': {
        const user = Number(m[1]);
        const truth = [3, 7, 11];
        return json(route, 200, {
          user, side: { gender: gender[user - 1] ?? 'M', age: age[user - 1] ?? 30 },
          train: [1, 2, 4].map((item) => ({ item, side: side(item) })), ground_truth: truth.map((item) => ({ item, side: side(item) })),
          experiments: ['ItemKNN-50', 'MostPopular'].map((name, e) => ({ name, items: Array.from({ length: 10 }, (_, j) => {
            const item = e === 0 ? j * 2 + 3 : j + 1;
            return { item, rank: j + 1, score: 1 - j / 10, hit: truth.includes(item), side: side(item) };
          }) })),
        });
      }
      default: return route.fallback();
    }
  });
}
