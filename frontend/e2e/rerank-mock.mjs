// Browser-level stand-in for the re-ranking routes of docs/api.md, with fixture data the demo
// dataset does not produce (controlled job progress, known deltas): intercepts POST …/rerank and …/sweep, GET …/rerank-report and …/user-diff, the derived
// experiments' status, and adds the derived rows to the real /experiments/table answer. Derived
// metrics are made up from the parent's real ones (accuracy falls, the objective's metric rises
// with λ), items and side columns are invented. Used to exercise and screenshot the page in a
// real browser; the real-route test in run.mjs does not use it.

const GENRES = ['Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western'];
const ACCURACY = new Set(['precision', 'recall', 'hit_rate', 'ndcg', 'map', 'mrr']);

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function hashOf(text) {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

function itemSide(id) {
  const r = rng(id * 7919);
  const n = 1 + Math.floor(r() * 3);
  const g = new Set();
  while (g.size < n) g.add(GENRES[Math.floor(r() * GENRES.length)]);
  return { genres: [...g].join('|'), year: 1950 + Math.floor(r() * 50) };
}

/** The derived value of a metric at λ, from the parent's value. */
export function derivedValue(metric, parent, lambda, objective) {
  if (parent === null || parent === undefined || !Number.isFinite(parent)) return parent;
  const base = metric.split('@')[0];
  const l = lambda;
  if (ACCURACY.has(base)) return parent * (1 - 0.42 * l ** 1.6);
  const boost = (objective === 'novelty' && base.startsWith('novelty')) || (objective === 'calibration' && base === 'miscalibration')
    || (['diversity', 'dpp'].includes(objective) && base === 'diversity') || (objective === 'unexpectedness' && base === 'unexpectedness') ? 1 : 0.35;
  switch (base) {
    case 'diversity': case 'unexpectedness': case 'serendipity': case 'tail_share':
      return parent + (1 - parent) * 0.7 * boost * Math.sqrt(l);
    case 'novelty': case 'novelty_norm': case 'entropy': return parent * (1 + 0.35 * boost * l);
    case 'coverage': return Math.min(1, parent * (1 + 2.5 * l));
    case 'gini': case 'avg_popularity': return parent * (1 - 0.12 * l);
    case 'miscalibration': return objective === 'calibration' ? parent * (1 - 0.55 * Math.sqrt(l)) : parent * (1 + 0.25 * l);
    default: return parent;
  }
}

/**
 * Installs the mock on a Playwright page. `readyAfterPolls`: status polls before a derived
 * experiment turns ready (staggered by its position in a sweep, so the progress bar moves).
 */
export async function mockRerankRoutes(page, { dataset = 'demo-ml', readyAfterPolls = 2 } = {}) {
  const derived = new Map(); // name -> { name, parent, objective, sim, lambda, users, k, polls, delay, created_at }
  const parentMetrics = new Map();
  const api = `/api/v1/datasets/${encodeURIComponent(dataset)}/experiments`;
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  async function metricsOf(route, parent) {
    if (!parentMetrics.has(parent)) {
      const res = await route.fetch({ url: new URL(`${api}/${encodeURIComponent(parent)}`, route.request().url()).toString(), method: 'GET' });
      parentMetrics.set(parent, (await res.json()).metrics ?? {});
    }
    return parentMetrics.get(parent);
  }

  function create(parent, body, lambda, i) {
    const source = body.sim ?? body.column ?? '';
    const group = body.users && body.users.length ? `~group-${hashOf(body.users.join(',')).toString(16).padStart(8, '0').slice(0, 8)}` : '';
    const name = body.name ?? `${parent}~${body.objective}:${['diversity', 'unexpectedness', 'dpp'].includes(body.objective) ? source : body.objective === 'calibration' ? source : ''}@${lambda}${group}`;
    if (derived.has(name)) return { conflict: name };
    const d = { name, parent, objective: body.objective, sim: body.sim ?? body.column ?? null, lambda, users: body.users?.length ? body.users.length : null, k: body.k ?? 10, polls: 0, delay: readyAfterPolls + i, created_at: new Date().toISOString() };
    derived.set(name, d);
    return { d };
  }
  const status = (d) => (d.polls >= d.delay ? 'ready' : d.polls === 0 ? 'uploaded' : 'computing');
  const object = (d, extra = {}) => ({ id: `ex_${hashOf(d.name).toString(36)}`, name: d.name, dataset, status: status(d), error: null, hyper_parameters: {}, parent: d.parent, objective: d.objective, sim: d.sim, lambda: d.lambda, users: d.users, created_at: d.created_at, metrics: {}, ...extra });

  await page.route((url) => url.pathname.startsWith(api), async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const rest = decodeURIComponent(url.pathname.slice(api.length));
    const method = req.method();
    if (rest === '/table' && method === 'GET') {
      const res = await route.fetch();
      const table = await res.json();
      const cols = (url.searchParams.get('columns') ?? '').split(',').filter(Boolean);
      if (Number(url.searchParams.get('offset') ?? 0) === 0) {
        for (const d of derived.values()) {
          const pm = await metricsOf(route, d.parent);
          const ready = status(d) === 'ready';
          table.rows.push({ name: d.name, status: status(d), error: null, created_at: d.created_at, hyper_parameters: {},
            metrics: Object.fromEntries(cols.map((c) => [c, ready ? derivedValue(c, pm[c], d.lambda, d.objective) ?? null : null])),
            parent: d.parent, objective: d.objective, sim: d.sim, lambda: d.lambda, users: d.users });
        }
        table.total += derived.size;
      }
      return json(route, 200, table);
    }
    const m = /^\/([^/]+)(?:\/([a-z-]+))?$/.exec(rest);
    if (!m) return route.fallback();
    const [, name, sub] = m;
    const d = derived.get(name);
    if (!sub && method === 'GET' && d) {
      d.polls += 1;
      return json(route, 200, object(d));
    }
    if (sub === 'rerank' && method === 'POST') {
      const body = req.postDataJSON();
      const r = create(name, body, body.lambda, 0);
      return r.conflict ? json(route, 409, { error: 'conflict', message: `experiment '${r.conflict}' already exists` }) : json(route, 202, object(r.d));
    }
    if (sub === 'sweep' && method === 'POST') {
      const body = req.postDataJSON();
      const made = [];
      for (const [i, l] of body.lambdas.entries()) {
        const r = create(name, body, l, i);
        if (r.conflict) return json(route, 409, { error: 'conflict', message: `experiment '${r.conflict}' already exists` });
        made.push(object(r.d));
      }
      return json(route, 202, { experiments: made });
    }
    if (sub === 'rerank-report' && method === 'GET') {
      if (!d) return json(route, 404, { error: 'not_found', message: `experiment '${name}' is not a re-ranked experiment` });
      const pm = await metricsOf(route, d.parent);
      const deltas = Object.entries(pm).map(([metric, p]) => {
        const v = derivedValue(metric, p, d.lambda, d.objective);
        const delta = v - p;
        return { metric, parent: p, derived: v, delta, direction: Math.abs(delta) < 1e-12 ? 'same' : delta > 0 ? 'up' : 'down' };
      });
      const r = rng(hashOf(d.name));
      const items = (n, base, spread, decay) => Array.from({ length: n }, (_, i) => {
        const id = base + Math.floor(r() * spread);
        return { item_id: id, count: Math.max(1, Math.round(decay * 0.86 ** i)), ...itemSide(id) };
      }).filter((x, i, a) => a.findIndex((y) => y.item_id === x.item_id) === i);
      return json(route, 200, {
        parent: d.parent, objective: d.objective, sim: d.sim, lambda: d.lambda, users: d.users ?? 1000, deltas,
        top_before: items(20, 1, 60, 780), top_after: items(20, 1, 300, 780 * (1 - 0.5 * d.lambda)), new_items: d.lambda === 0 ? [] : items(20, 400, 1500, 160 * d.lambda),
      });
    }
    if (sub === 'user-diff' && method === 'GET') {
      if (!d) return json(route, 404, { error: 'not_found', message: `experiment '${name}' is not a re-ranked experiment` });
      const user = url.searchParams.get('user');
      const r = rng(hashOf(`${user}/${d.name}`));
      const before = Array.from({ length: d.k }, (_, i) => { const id = 1 + Math.floor(r() * 200) + i * 200; return { item_id: id, rank: i + 1, score: 1 - i * 0.04 - r() * 0.02, ...itemSide(id) }; });
      // keep about (1 - λ) of the original items, re-ordered; fill with candidates from further down
      const keep = before.filter(() => r() > d.lambda * 0.7);
      const fresh = Array.from({ length: d.k - keep.length }, (_, i) => ({ id: 3000 + Math.floor(r() * 900) + i, orig: d.k + 1 + Math.floor(r() * 80) }));
      const pool = [...keep.map((b) => ({ id: b.item_id, orig: b.rank })), ...fresh]
        .map((p) => ({ ...p, key: Math.min(p.orig, d.k) + (r() - 0.3) * d.lambda * 12 })).sort((a, b) => a.key - b.key);
      const after = pool.slice(0, d.k).map((p, i) => ({ item_id: p.id, rank: i + 1, original_rank: p.orig, shift: p.orig - (i + 1), ...itemSide(p.id) }));
      return json(route, 200, { user_id: user, before, after });
    }
    return route.fallback();
  });
  return { derived };
}
