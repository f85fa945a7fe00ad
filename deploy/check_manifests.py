"""Project rules for rendered Web4Rec manifests, beyond what the Kubernetes schemas say.

Usage: check_manifests.py RENDERED.yaml OUT_DIR
Checks every Deployment (probes on the health endpoints, resource requests and limits, scrape
annotations, its own config key, a Service), the gateway HPA and the KEDA ScaledObject (whose
topic and consumer group must be the ones spelled in platform/contracts/Topics.java), that a
NetworkPolicy guards every internal service, and that no Secret is rendered: the operator creates
web4rec-secrets from base/secret.env.example, whose values must all be placeholders the services
refuse (platform/config/SecretRules.java) and which no kustomization may reference. Writes each
ScaledObject to OUT_DIR for check-jsonschema.
Exits 1 listing every problem found.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVICES = ["gateway", "ingest", "metrics", "rerank", "analysis"]
SECRET_EXAMPLE = ROOT / "deploy/base/secret.env.example"
# Secret settings every deployment needs; the optional previous JWT key is only for rotations.
OPTIONAL_SECRETS = {"gateway.jwt-previous-secret"}


def env_name(key):
    return "WEB4REC_" + key.upper().replace(".", "_").replace("-", "_")


def secret_keys():
    """The secret settings as SecretRules.SECRET_KEYS lists them."""
    text = (ROOT / "platform/src/main/java/org/web4rec/platform/config/SecretRules.java").read_text()
    m = re.search(r"SECRET_KEYS\s*=\s*List\.of\(([^)]*)\)", text)
    if not m:
        raise SystemExit("SecretRules.java has no SECRET_KEYS list")
    return re.findall(r'"([^"]+)"', m.group(1))


def check_secret_example():
    """Problems with the example env file the operator copies to create web4rec-secrets."""
    problems = []
    if not SECRET_EXAMPLE.is_file():
        return ["missing %s" % SECRET_EXAMPLE.relative_to(ROOT)]
    values = {}
    for n, line in enumerate(SECRET_EXAMPLE.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            problems.append("secret.env.example line %d is not KEY=VALUE" % n)
            continue
        k, v = line.split("=", 1)
        values[k] = v
    expected = {env_name(k) for k in secret_keys() if k not in OPTIONAL_SECRETS}
    for k in sorted(expected - values.keys()):
        problems.append("secret.env.example lacks %s" % k)
    for k in sorted(values.keys() - {env_name(k) for k in secret_keys()}):
        problems.append("secret.env.example has %s, which is not a secret setting" % k)
    for k, v in values.items():
        if "change-me" not in v:
            problems.append("secret.env.example: %s is not a placeholder (must contain change-me,"
                            " which the services refuse): real secrets never go in the repository"
                            % k)
    for kust in (ROOT / "deploy").rglob("kustomization.yaml"):
        text = "\n".join(l for l in kust.read_text().splitlines()
                         if not l.strip().startswith("#"))
        if "secret.env" in text or "kind: Secret" in text:
            problems.append("%s refers to a secret env file: the Secret is created by the "
                            "operator, never rendered from the repository" % kust.relative_to(ROOT))
    return problems


def java_constant(name):
    text = (ROOT / "platform/src/main/java/org/web4rec/platform/contracts/Topics.java").read_text()
    m = re.search(r'\b%s\s*=\s*"([^"]+)"' % name, text)
    if not m:
        raise SystemExit("Topics.java has no constant " + name)
    return m.group(1)


def main(rendered, out_dir):
    docs = [d for d in yaml.safe_load_all(pathlib.Path(rendered).read_text()) if d]
    problems = []
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d.get("kind"), {})[d["metadata"]["name"]] = d

    deployments = by_kind.get("Deployment", {})
    services = by_kind.get("Service", {})
    config_maps = by_kind.get("ConfigMap", {})
    config_keys = set()
    for cm in config_maps.values():
        config_keys.update((cm.get("data") or {}).keys())

    for svc in SERVICES:
        name = "web4rec-" + svc
        dep = deployments.get(name)
        if dep is None:
            problems.append("no Deployment " + name)
            continue
        if name not in services:
            problems.append("no Service " + name)
        pod = dep["spec"]["template"]
        ann = pod["metadata"].get("annotations") or {}
        if ann.get("prometheus.io/scrape") != "true" or ann.get("prometheus.io/path") != "/metrics":
            problems.append(name + ": missing prometheus scrape annotations")
        containers = pod["spec"]["containers"]
        c = containers[0]
        args = c.get("args") or []
        if args[:2] != ["service", svc]:
            problems.append("%s: args %s do not start the %s service" % (name, args, svc))
        res = c.get("resources") or {}
        for part in ("requests", "limits"):
            if not {"cpu", "memory"} <= set((res.get(part) or {}).keys()):
                problems.append("%s: resources.%s needs cpu and memory" % (name, part))
        for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
            got = ((c.get(probe) or {}).get("httpGet") or {}).get("path")
            if got != path:
                problems.append("%s: %s should GET %s, has %s" % (name, probe, path, got))
        volumes = {v["name"]: v for v in pod["spec"].get("volumes") or []}
        items = ((volumes.get("config") or {}).get("configMap") or {}).get("items") or []
        keys = [i["key"] for i in items]
        if keys != [svc + ".properties"]:
            problems.append("%s: config volume should mount %s.properties, mounts %s"
                            % (name, svc, keys))
        elif keys[0] not in config_keys:
            problems.append("%s: no ConfigMap holds %s" % (name, keys[0]))
        refs = [e.get("secretRef", {}).get("name") for e in c.get("envFrom") or []]
        if "web4rec-secrets" not in refs:
            problems.append(name + ": secrets not passed as environment (envFrom web4rec-secrets)")

    hpas = by_kind.get("HorizontalPodAutoscaler", {})
    hpa = hpas.get("web4rec-gateway")
    if hpa is None or hpa.get("apiVersion") != "autoscaling/v2":
        problems.append("no autoscaling/v2 HorizontalPodAutoscaler web4rec-gateway")
    elif hpa["spec"]["scaleTargetRef"].get("name") not in deployments:
        problems.append("gateway HPA targets a Deployment that does not exist")
    elif "replicas" in deployments["web4rec-gateway"]["spec"]:
        problems.append("web4rec-gateway sets replicas although its HPA owns them")

    scaled = by_kind.get("ScaledObject", {})
    so = scaled.get("web4rec-metrics")
    if so is None:
        problems.append("no KEDA ScaledObject web4rec-metrics")
    else:
        target = so["spec"]["scaleTargetRef"].get("name")
        if target != "web4rec-metrics" or target not in deployments:
            problems.append("ScaledObject should scale Deployment web4rec-metrics, scales " + str(target))
        if "replicas" in deployments.get("web4rec-metrics", {}).get("spec", {}):
            problems.append("web4rec-metrics sets replicas although KEDA owns them")
        kafka = [t for t in so["spec"].get("triggers", []) if t.get("type") == "kafka"]
        if not kafka:
            problems.append("ScaledObject has no kafka trigger")
        for t in kafka:
            md = t.get("metadata") or {}
            topic = java_constant("EXPERIMENT_UPLOADED")
            group = java_constant("METRICS_GROUP")
            if md.get("topic") != topic:
                problems.append("kafka trigger topic %s, the metrics workers consume %s"
                                % (md.get("topic"), topic))
            if md.get("consumerGroup") != group:
                problems.append("kafka trigger group %s, the metrics workers are group %s"
                                % (md.get("consumerGroup"), group))
    policies = by_kind.get("NetworkPolicy", {})
    guarded = set()
    for np in policies.values():
        for e in (np["spec"].get("podSelector") or {}).get("matchExpressions") or []:
            if e.get("key") == "app.kubernetes.io/component" and e.get("operator") == "In":
                guarded.update(e.get("values") or [])
    for svc in SERVICES:
        if svc != "gateway" and svc not in guarded:
            problems.append("no NetworkPolicy keeps clients other than the gateway off the %s "
                            "service" % svc)
        if svc == "gateway" and svc in guarded:
            problems.append("a NetworkPolicy closes the gateway, the public entry point")

    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for n, d in scaled.items():
        (out / ("scaledobject-%s.yaml" % n)).write_text(yaml.safe_dump(d))

    for name in by_kind.get("Secret", {}):
        problems.append("Secret %s is rendered from the repository: secrets are created by the "
                        "operator (base/secret.env.example)" % name)
    problems.extend(check_secret_example())

    known = {"ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler",
             "ScaledObject", "PodDisruptionBudget", "NetworkPolicy"}
    for kind in by_kind:
        if kind not in known:
            problems.append("unexpected kind %s (add it to the checks if it is meant)" % kind)

    for p in problems:
        print("manifest problem (%s): %s" % (rendered, p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
