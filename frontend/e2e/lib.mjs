// Helpers of the e2e harness: processes, ports, HTTP against the real server, tiny test runner.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a child process in its own process group, output to a log file. */
export function startProcess(cmd, args, { logFile, env, cwd } = {}) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
  child.on('error', (e) => fs.appendFileSync(logFile, `spawn error: ${e}\n`));
  return child;
}

export function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
}

export async function waitFor(what, fn, { timeoutMs = 120_000, intervalMs = 300 } = {}) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeoutMs) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    await sleep(intervalMs);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

export function apiClient(base) {
  async function call(method, path, { token, body, form, headers = {} } = {}) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    let payload;
    if (form) payload = form;
    else if (body !== undefined) { payload = JSON.stringify(body); h['Content-Type'] = 'application/json'; }
    const res = await fetch(`${base}/api/v1${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, json, text };
  }
  return {
    get: (p, o) => call('GET', p, o),
    post: (p, o) => call('POST', p, o),
    del: (p, o) => call('DELETE', p, o),
  };
}

/** A minimal sequential runner that keeps going after a failure and counts. */
export function createRunner({ onFail } = {}) {
  const results = [];
  return {
    results,
    async test(name, fn) {
      const start = Date.now();
      process.stdout.write(`• ${name} … `);
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`ok (${Date.now() - start} ms)`);
      } catch (err) {
        results.push({ name, ok: false, err });
        console.log(`FAILED (${Date.now() - start} ms)\n    ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n    ')}`);
        if (onFail) await onFail(name).catch(() => {});
      }
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
