// Seeds the benchmark: a tiny dataset (20 users, 60 items) and N small experiments through the API.
import { sleep } from './lib.mjs';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const csv = (rows) => rows.map((r) => r.join(',')).join('\n') + '\n';
const file = (text) => new Blob([text], { type: 'text/csv' });

export async function seedPerfDataset(api, token, { dataset, n, log, users = 20, items = 60, concurrency = 6 }) {
  const rand = rng(42);
  const train = [['user_id', 'item_id']];
  const gt = [['user_id', 'item_id']];
  // every item appears in train (uploads may only name the dataset's items)
  const stride = Math.ceil(items / users);
  for (let u = 1; u <= users; u++) {
    const own = new Set(Array.from({ length: 6 }, (_, j) => (((u - 1) * stride + j) % items) + 1));
    own.forEach((i) => train.push([u, i]));
    const truth = new Set();
    while (truth.size < 2) {
      const i = 1 + Math.floor(rand() * items);
      if (!own.has(i)) truth.add(i);
    }
    truth.forEach((i) => gt.push([u, i]));
  }
  const form = new FormData();
  form.set('name', dataset);
  form.set('train', file(csv(train)), 'train.csv');
  form.set('ground_truth', file(csv(gt)), 'ground_truth.csv');
  const created = await api.post('/datasets', { token, form });
  if (created.status !== 201) throw new Error(`dataset upload failed: ${created.status} ${created.text}`);

  let next = 0;
  let done = 0;
  async function worker() {
    while (next < n) {
      const k = next++;
      const r = rng(1000 + k);
      const recs = [['user_id', 'item_id', 'score']];
      for (let u = 1; u <= users; u++) {
        const picked = new Set();
        while (picked.size < 12) picked.add(1 + Math.floor(r() * items));
        [...picked].forEach((i, j) => recs.push([u, i, (12 - j + r()).toFixed(4)]));
      }
      const meta = {
        experiment_name: `exp-${String(k).padStart(4, '0')}`,
        hyper_parameters: { model: ['BPR', 'ALS', 'ItemKNN', 'EASE'][k % 4], embedding_size: [16, 32, 64, 128][(k >> 2) % 4], reg: Number((0.001 * (1 + (k % 10))).toFixed(4)) },
        ks: [5, 10],
        n_candidates: 12,
      };
      const form = new FormData();
      form.set('meta', JSON.stringify(meta));
      form.set('recommendations', file(csv(recs)), 'recs.csv');
      const res = await api.post(`/datasets/${dataset}/experiments`, { token, form, headers: { 'Idempotency-Key': meta.experiment_name } });
      if (res.status !== 202 && res.status !== 200) throw new Error(`upload ${meta.experiment_name}: ${res.status} ${res.text}`);
      done++;
      if (done % 250 === 0) log(`  uploaded ${done}/${n}`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const start = Date.now();
  for (;;) {
    const r = await api.get(`/datasets/${dataset}/experiments`, { token });
    const list = r.json?.experiments ?? [];
    const ready = list.filter((e) => e.status === 'ready').length;
    const failed = list.filter((e) => e.status === 'failed');
    if (failed.length) throw new Error(`${failed.length} experiments failed: ${failed[0].error}`);
    if (ready === n) return;
    if (Date.now() - start > 600_000) throw new Error(`only ${ready}/${n} experiments ready after 10 min`);
    await sleep(1000);
  }
}
