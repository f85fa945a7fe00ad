#!/usr/bin/env python3
"""One command: the whole metric suite on a synthetic scale, our Java runner vs the anchors.

    .venv/bin/python bench/run_metrics.py --scale ml-1m [--repeat 3] [--skip-anchors]

1. generates bench/out/<scale> if it is missing (bench/generate.py, seed 42);
2. runs the Java runner (bench/target/web4rec-bench.jar, org.web4rec.bench.MetricsBench) as a child
   process with -Xmx6g: its wall time and peak RSS (wait4 ru_maxrss) measured here, its own timings
   (median of --repeat runs, phases, heap peak) read from the one JSON line it prints last;
3. runs each anchor group (bench/anchors.py) in its own child process, capped at 10 minutes and a
   memory limit, reporting "did not finish" instead of a time when a cap hits;
4. prints a table (metric group, our time, anchor time, anchor/ours, peak RSS, throughput) plus the
   agreement of the values where the definitions coincide, and writes bench/out/results-<scale>.json.

It builds nothing: without the jar it says to run `./web4rec build` (or `mvn -q -B -DskipTests
install`) and still runs the anchors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
from anchors import GROUPS, OUR_NAME  # noqa: E402
from benchlib import BENCH_DIR, REPO_ROOT, median, run_child  # noqa: E402

DEFAULT_JAR = BENCH_DIR / "target" / "web4rec-bench.jar"
MAIN_CLASS = "org.web4rec.bench.MetricsBench"
DEFAULT_PLAN = [("ranx", "accuracy"), ("ranx", "accuracy_df"), ("recommenders", "accuracy"),
                ("recommenders", "coverage_novelty"), ("recommenders", "diversity"),
                ("recommenders", "serendipity")]
# which of our phases each anchor group corresponds to
OUR_PHASE = {"accuracy": "accuracy", "accuracy_df": "accuracy", "coverage_novelty": "beyond", "diversity": "beyond",
             "serendipity": "beyond", "diversity_emb": "beyond"}
TARGETS = {"ml-20m": {"median_s": 15.0, "heap_peak_mb": 6 * 1024}}
MIN_RATIO_RECOMMENDERS = 20.0
MIN_RATIO_RANX = 1.0


def log(msg: str) -> None:
    print(f"[run_metrics] {msg}", file=sys.stderr, flush=True)


def parse_runner_json(stdout: str) -> dict:
    """The runner's result: the last stdout line that parses as a JSON object with 'median_s'."""
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "median_s" in obj:
                return obj
    raise ValueError("the runner printed no JSON result line (with 'median_s') on stdout")


def ensure_data(scale: str, data_dir: Path, seed: int) -> None:
    if generate.is_complete(data_dir, scale, seed):
        return
    log(f"generating {scale} into {data_dir} (seed {seed})")
    res = run_child([sys.executable, str(BENCH_DIR / "generate.py"), "--scale", scale, "--out", str(data_dir),
                     "--seed", str(seed)], timeout_s=3600, echo_stderr=True)
    if res.returncode != 0:
        raise SystemExit(f"generate.py failed ({res.returncode})")
    log(f"generated in {res.wall_s:.1f} s, peak RSS {res.peak_rss_mb:.0f} MB")


def run_ours(jar: Path, data_dir: Path, ks: str, repeat: int, heap: str, values: Path = None,
             timeout_s: float = 1800) -> dict:
    cmd = ["java", f"-Xmx{heap}", "-XX:+UseTransparentHugePages", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", str(jar), MAIN_CLASS,
           "--data", str(data_dir), "--ks", ks, "--repeat", str(repeat)]
    if values:
        cmd += ["--values", str(values)]
    log("ours: " + " ".join(cmd))
    res = run_child(cmd, timeout_s=timeout_s, cwd=REPO_ROOT)
    out = {"cmd": cmd, "wall_s": res.wall_s, "peak_rss_mb": res.peak_rss_mb, "returncode": res.returncode}
    if res.returncode != 0 or res.timed_out:
        out["error"] = ("timed out" if res.timed_out else f"exit code {res.returncode}") + ": " + res.stderr[-2000:]
        return out
    try:
        out["result"] = parse_runner_json(res.stdout)
    except ValueError as e:
        out["error"] = f"{e}; stdout tail: {res.stdout[-1000:]}"
    return out


def run_anchor(anchor: str, group: str, data_dir: Path, ks: str, timeout_s: float, mem_cap_mb: float,
               repeat: int) -> dict:
    cmd = [sys.executable, str(BENCH_DIR / "anchors.py"), "--data", str(data_dir), "--ks", ks,
           "--anchor", anchor, "--group", group]
    runs, status, rss = [], "ok", []
    for _ in range(repeat):
        log(f"anchor {anchor}/{group} (cap {timeout_s:.0f} s, {mem_cap_mb / 1024:.0f} GiB)")
        res = run_child(cmd, timeout_s=timeout_s, mem_cap_mb=mem_cap_mb)
        rss.append(res.peak_rss_mb)
        lines = res.json_lines()
        runs.append(lines)
        if res.timed_out:
            status = f"did not finish in {timeout_s / 60:.0f} min"
        elif res.killed_for_memory:
            status = f"killed: RSS over {mem_cap_mb / 1024:.0f} GiB"
        elif res.returncode != 0:
            last = (res.stderr.strip().splitlines() or [""])[-1]
            if "MemoryError" in last or "Unable to allocate" in last:
                need = last.split("allocate", 1)[-1].split(" for", 1)[0].strip() if "allocate" in last else ""
                status = f"out of memory{' (asked for ' + need + ')' if need else ''}"
            else:
                status = f"failed (exit {res.returncode}): {last[:120]}"
        if status != "ok":
            break
    # median over repeats of each measurement
    keyed = {}
    for lines in runs:
        for ln in lines:
            key = ("phase", ln["phase"]) if "phase" in ln else ("metric", ln["metric"], ln["k"])
            keyed.setdefault(key, []).append(ln)
    phases = {k[1]: median([x["seconds"] for x in v]) for k, v in keyed.items() if k[0] == "phase"}
    metrics = [{"metric": k[1], "k": k[2], "value": v[-1]["value"], "seconds": median([x["seconds"] for x in v])}
               for k, v in keyed.items() if k[0] == "metric"]
    complete = status == "ok" and len(metrics) > 0
    seconds = phases.get("convert", 0.0) + sum(m["seconds"] for m in metrics) if complete else None
    return {"anchor": anchor, "group": group, "status": status, "phases_s": phases, "metrics": metrics,
            "seconds": seconds, "peak_rss_mb": max(rss) if rss else None, "repeats": len(runs)}


def agreement(ours_metrics: dict, anchor: dict, manifest: dict) -> list:
    """Rows (name, ours, anchor, |diff| or relation) where a definition coincides or has an exact relation."""
    rows = []
    for m in anchor["metrics"]:
        name = OUR_NAME.get((anchor["anchor"], m["metric"]))
        k = m["k"]
        if name is not None:
            base, _, src = name.partition(":")
            key = f"{base}@{k}" + (f":{src}" if src else "")
            if key in ours_metrics:
                rows.append({"metric": key, "anchor_metric": m["metric"], "ours": ours_metrics[key],
                             "anchor": m["value"], "abs_diff": abs(ours_metrics[key] - m["value"])})
        elif m["metric"] == "catalog_coverage" and f"coverage@{k}" in ours_metrics and manifest.get("items_with_train"):
            # theirs divides by the items seen in train, ours by |I_cat| (every item of the item table)
            expected = ours_metrics[f"coverage@{k}"] * manifest["items"] / manifest["items_with_train"]
            rows.append({"metric": f"coverage@{k}", "anchor_metric": "catalog_coverage (x |I_cat|/|I_train|)",
                         "ours": expected, "anchor": m["value"], "abs_diff": abs(expected - m["value"])})
        elif (m["metric"] == "novelty" and f"novelty@{k}" in ours_metrics
              and manifest.get("items_with_train") == manifest.get("items")):
            # theirs: -log2(pop/|train rows|) per recommendation; ours -log2(pop/|U_train|) per user mean;
            # with equal-length lists and every item in train: theirs = ours + log2(|train| / |U_train|)
            expected = ours_metrics[f"novelty@{k}"] + math.log2(manifest["train"] / manifest["users"])
            rows.append({"metric": f"novelty@{k}", "anchor_metric": "novelty (- log2(|T|/|U_train|))",
                         "ours": expected, "anchor": m["value"], "abs_diff": abs(expected - m["value"])})
    return rows


def fmt_s(x):
    return "-" if x is None else (f"{x:.3f} s" if x < 10 else f"{x:.1f} s")


def print_report(rep: dict) -> None:
    ours = rep.get("ours") or {}
    res = ours.get("result") or {}
    users = rep["manifest"].get("users")
    w = sys.stdout.write
    w(f"\n== {rep['scale']}: {users:,} users, {rep['manifest'].get('items'):,} items, "
      f"{rep['manifest'].get('train'):,} train, K = {rep['ks']} ({rep['host']}, {rep['date']})\n")
    if res:
        thr = users / res["median_s"] if res.get("median_s") else None
        w(f"ours  median {fmt_s(res.get('median_s'))} of {res.get('runs_s')}  phases {res.get('phases_s')}\n"
          f"      heap peak {res.get('heap_peak_mb')} MB, process peak RSS {ours['peak_rss_mb']:.0f} MB, "
          f"child wall {ours['wall_s']:.1f} s (JVM start + {len(res.get('runs_s') or [])} runs), "
          f"throughput {thr:,.0f} users/s (whole suite)\n")
    elif ours.get("error"):
        w(f"ours  n/a: {ours['error']}\n")
    else:
        w("ours  n/a (not run)\n")
    if not rep["anchors"]:
        return
    med = res.get("median_s")
    phases = res.get("phases_s") or {}
    w(f"\n{'anchor / group':34} {'metrics':44} {'anchor':>10} {'ours(all)':>10} {'ratio':>8} "
      f"{'ours(phase)':>11} {'ratio':>8} {'anchor RSS':>10}\n")
    for a in rep["anchors"]:
        names = sorted({m["metric"] for m in a["metrics"]}) or ["-"]
        t = a["seconds"]
        ph = phases.get(OUR_PHASE[a["group"]])
        r_all = f"{t / med:.1f}x" if t and med else "-"
        r_ph = f"{t / ph:.1f}x" if t and ph else "-"
        anchor_t = fmt_s(t) if a["status"] == "ok" else "n/a (*)"
        w(f"{a['anchor'] + ' / ' + a['group']:34} {','.join(names)[:44]:44} {anchor_t:>10} {fmt_s(med):>10} "
          f"{r_all:>8} {fmt_s(ph):>11} {r_ph:>8} {(a['peak_rss_mb'] or 0):>8.0f} MB\n")
        if a["status"] != "ok":
            w(f"{'':34} (*) {a['status']}\n")
            if a["metrics"]:
                done = ", ".join(f"{m['metric']}@{m['k']} {m['seconds']:.1f} s" for m in a["metrics"])
                w(f"{'':34} finished before that: {done}\n")
    w("ratio = anchor time / our time (> 1: we are faster). ours(all) = the whole suite at every K; "
      "ours(phase) = our accuracy or beyond-accuracy phase only. Anchor times exclude reading the files, "
      "include their input preparation and exclude ranx's one-off JIT warm-up.\n")
    if rep.get("agreement"):
        worst = max(rep["agreement"], key=lambda r: r["abs_diff"])
        w(f"values: {len(rep['agreement'])} anchor values compared with ours where the definitions coincide "
          f"(or through their exact relation); max |diff| {worst['abs_diff']:.2e} ({worst['metric']} vs "
          f"{worst['anchor_metric']})\n")
    for line in rep.get("verdicts", []):
        w(f"target: {line}\n")


def totals(rep: dict) -> list:
    """Aggregates per anchor over its groups that finished and that compute metrics we compute too
    (ranx: the fast typed-list route only; recommenders: every finished group but diversity_emb,
    which is reported on its own because it is much slower than the rest)."""
    out = []
    for anchor, groups in (("ranx", ("accuracy",)),
                           ("recommenders", ("accuracy", "coverage_novelty", "diversity", "serendipity"))):
        got = [a for a in rep["anchors"] if a["anchor"] == anchor and a["group"] in groups]
        if not got:
            continue
        done = [a for a in got if a["status"] == "ok"]
        out.append({"anchor": anchor, "groups": [a["group"] for a in done],
                    "missing": [f"{a['group']} ({a['status']})" for a in got if a["status"] != "ok"],
                    "seconds": sum(a["seconds"] for a in done)})
    return out


def verdicts(rep: dict) -> list:
    out = []
    res = (rep.get("ours") or {}).get("result") or {}
    med = res.get("median_s")
    phases = res.get("phases_s") or {}
    tgt = TARGETS.get(rep["scale"])
    if tgt and med is not None:
        out.append(f"wall {med:.2f} s <= {tgt['median_s']} s: {'MET' if med <= tgt['median_s'] else 'MISSED'}")
        heap = res.get("heap_peak_mb")
        if heap is not None:
            out.append(f"heap {heap:.0f} MB <= {tgt['heap_peak_mb']} MB: "
                       f"{'MET' if heap <= tgt['heap_peak_mb'] else 'MISSED'}")
    if not med:
        return out
    for t in rep.get("totals", []):
        need = MIN_RATIO_RANX if t["anchor"] == "ranx" else MIN_RATIO_RECOMMENDERS
        ratio = t["seconds"] / med
        line = (f"{t['anchor']} ({'+'.join(t['groups']) or 'nothing finished'}): {t['seconds']:.2f} s = "
                f"{ratio:.1f}x our whole suite (need >= {need:g}x): {'MET' if ratio >= need else 'MISSED'}")
        if t["anchor"] == "ranx" and phases.get("accuracy"):
            acc = phases["accuracy"] + phases.get("prepare", 0.0)
            line += f"; {t['seconds'] / acc:.1f}x our prepare+accuracy phases"
        if t["missing"]:
            line += f"; not in the sum: {', '.join(t['missing'])}"
        out.append(line)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="run the metric suite (ours + anchors) on a synthetic scale")
    ap.add_argument("--scale", required=True, choices=sorted(generate.SCALES))
    ap.add_argument("--repeat", type=int, default=3, help="runs of our suite inside the runner (median reported)")
    ap.add_argument("--ks", default="10,20")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--jar", type=Path, default=DEFAULT_JAR)
    ap.add_argument("--heap", default="6g")
    ap.add_argument("--skip-anchors", action="store_true")
    ap.add_argument("--skip-ours", action="store_true", help="anchors only")
    ap.add_argument("--anchors", help="comma list of anchor/group (default: " +
                    ",".join(f"{a}/{g}" for a, g in DEFAULT_PLAN) + "; also recommenders/diversity_emb)")
    ap.add_argument("--anchor-repeat", type=int, default=1, help="runs per anchor group (median)")
    ap.add_argument("--anchor-timeout", type=float, default=600.0, help="seconds per anchor run (default 10 min)")
    ap.add_argument("--anchor-mem-gb", type=float, default=12.0, help="kill an anchor run above this RSS")
    ap.add_argument("--values", action="store_true", help="ask the runner for per-user values (bench/out/values-<scale>.json)")
    ap.add_argument("--out", type=Path, help="results JSON (default bench/out/results-<scale>.json)")
    args = ap.parse_args(argv)

    data_dir = BENCH_DIR / "out" / args.scale
    ensure_data(args.scale, data_dir, args.seed)
    manifest = json.loads((data_dir / "manifest.json").read_text())
    rep = {"scale": args.scale, "ks": [int(k) for k in args.ks.split(",")], "data": str(data_dir),
           "manifest": {k: manifest.get(k) for k in ("users", "items", "train", "ground_truth", "candidates",
                                                     "items_with_train", "seed", "generator_version")},
           "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "host": f"{os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}, {platform.python_version()}",
           "ours": None, "anchors": []}
    rc = 0
    if not args.skip_ours:
        if not args.jar.is_file():
            log(f"the runner jar {args.jar} is missing: run `./web4rec build` (or `mvn -q -B -DskipTests install`) "
                "first; continuing with the anchors only")
            rep["ours"] = {"error": f"jar missing: {args.jar}"}
            rc = 2
        else:
            values = BENCH_DIR / "out" / f"values-{args.scale}.json" if args.values else None
            rep["ours"] = run_ours(args.jar, data_dir, args.ks, args.repeat, args.heap, values)
            if "error" in rep["ours"]:
                log(f"ours failed: {rep['ours']['error']}")
                rc = 1
    if not args.skip_anchors:
        plan = DEFAULT_PLAN
        if args.anchors:
            plan = [tuple(x.split("/", 1)) for x in args.anchors.split(",")]
            for a, g in plan:
                if g not in GROUPS.get(a, ()):
                    ap.error(f"unknown anchor group {a}/{g}")
        for a, g in plan:
            rep["anchors"].append(run_anchor(a, g, data_dir, args.ks, args.anchor_timeout,
                                             args.anchor_mem_gb * 1024, args.anchor_repeat))
    ours_metrics = ((rep["ours"] or {}).get("result") or {}).get("metrics") or {}
    rep["agreement"] = [row for a in rep["anchors"] for row in agreement(ours_metrics, a, manifest)]
    rep["totals"] = totals(rep)
    rep["verdicts"] = verdicts(rep)
    out = args.out or BENCH_DIR / "out" / f"results-{args.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rep, indent=2) + "\n")
    print_report(rep)
    log(f"wrote {out}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
