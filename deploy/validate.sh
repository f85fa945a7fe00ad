#!/usr/bin/env bash
# Validates deploy/ offline: lints the sources, renders every overlay with kustomize, checks the
# rendered objects against the Kubernetes schemas (strict: unknown fields fail), KEDA's
# ScaledObject against the schema kept in deploy/schemas, and the project's own rules
# (check_manifests.py). Any problem exits non-zero.
#   deploy/validate.sh BIN_DIR    (BIN_DIR: a venv's bin with deploy/requirements.txt installed)
set -euo pipefail
BIN="$1"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
passed=0

"$BIN/yamllint" -s -c "$HERE/.yamllint" "$HERE"
passed=$((passed + 1))
for overlay in "$HERE"/overlays/*/; do
  name="$(basename "$overlay")"
  "$BIN/kubectl" kustomize "$overlay" > "$OUT/$name.yaml"
  # kubernetes-validate only warns on kinds it has no schema for; ScaledObject is the one
  # expected, and check-jsonschema covers it below. Anything else unknown is an error.
  "$BIN/kubernetes-validate" --strict --quiet "$OUT/$name.yaml" > "$OUT/$name.warn" 2>&1 \
    || { cat "$OUT/$name.warn" >&2; exit 1; }
  if grep -v "kind ScaledObject with api version keda.sh/v1alpha1" "$OUT/$name.warn" \
      | grep -q .; then
    cat "$OUT/$name.warn" >&2
    echo "kubernetes-validate: unexpected warnings for overlay $name" >&2
    exit 1
  fi
  "$BIN/python" "$HERE/check_manifests.py" "$OUT/$name.yaml" "$OUT/$name-crds"
  "$BIN/check-jsonschema" --schemafile "$HERE/schemas/keda-scaledobject-v1alpha1.json" \
    "$OUT/$name-crds"/scaledobject-*.yaml
  echo "overlay $name: $(grep -c '^kind:' "$OUT/$name.yaml") objects valid"
  passed=$((passed + 1))
done
echo "manifests: $passed passed, 0 failed"
