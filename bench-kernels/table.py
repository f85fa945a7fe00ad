#!/usr/bin/env python3
"""Prints the markdown table of bench/README.md from JMH run logs (stdout of benchmarks.jar):
measured iterations, the JMH mean with its 99.9% error, and the CHECK line of each variant.
Usage: python3 bench-kernels/table.py run1.log run2.log ..."""
import re, statistics, sys

KERNEL = {'TopKBench': 'topk', 'ListCosineBench': 'listcos', 'HistoryCosineBench': 'histcos',
          'CoocBench': 'cooc'}
rows = []
for log in sys.argv[1:]:
    cur = None
    for line in open(log, errors='replace'):
        m = re.match(r'# Benchmark: \S+\.(\w+)\.run', line)
        if m:
            cur = dict(kernel=KERNEL[m.group(1)], iters=[], check=('?', ''), mean=None, err=None)
            rows.append(cur)
            continue
        if cur is None:
            continue
        m = re.match(r'# Parameters: \((.*)\)', line)
        if m:
            cur['params'] = dict(kv.split(' = ') for kv in m.group(1).split(', '))
        m = re.search(r'CHECK \S+ \S+(?: k=\d+)? (CORRECT|WRONG) (.*)', line)
        if m:
            cur['check'] = (m.group(1).lower(), m.group(2).strip())
        m = re.match(r'Iteration\s+\d+: ([\d.]+) ms/op', line)
        if m:
            cur['iters'].append(float(m.group(1)))
        m = re.match(r'\s+([\d.]+)(?: ±\(99.9%\) ([\d.]+))? ms/op', line)
        if m and cur['mean'] is None:
            cur['mean'] = float(m.group(1))
            cur['err'] = float(m.group(2)) if m.group(2) else None
rows = [r for r in rows if r['iters']]
for r in rows:
    k = r['params'].get('k') if r['kernel'] == 'listcos' else None
    r['name'] = r['kernel'] + (f' K={k}' if k else '')
    r['median'] = statistics.median(r['iters'])
best = {}
for r in rows:
    best[r['name']] = min(best.get(r['name'], float('inf')), r['median'])
print('| kernel | variant | median ms (n) | JMH mean ± 99.9% err, ms | x fastest | correct? |')
print('|---|---|---|---|---|---|')
for r in rows:
    err = f" ± {r['err']:,.0f}" if r['err'] is not None else ''
    mean = f"{r['mean']:,.0f}{err}" if r['mean'] is not None else ''
    print(f"| {r['name']} | {r['params']['variant']} | {r['median']:,.0f} ({len(r['iters'])}) | "
          f"{mean} | {r['median'] / best[r['name']]:.1f} | {r['check'][0]}: {r['check'][1]} |")
