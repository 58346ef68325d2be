#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless against a warehouse's marts and saves the executed
# copies and the figures (PNG). Exits non-zero when a cell errors, naming the notebook and cell.
#
# usage: notebooks/run.sh [WAREHOUSE [FIGURES_DIR]]
#   WAREHOUSE    the folder `bin/selfeval run` wrote (default: $SELFEVAL_WAREHOUSE, else the
#                repository's warehouse/)
#   FIGURES_DIR  executed notebooks and PNG figures (default: the repository's target/notebooks/)
#
# The notebook stack (requirements.txt) goes into a virtualenv in target/notebook-env, made on
# first use and remade when requirements.txt changes.
#
# Environment:
#   SELFEVAL_REPORTS   the reports the run read, to quote flagged lines (default: data/reports)
#   SELFEVAL_PYTHON    the Python (3.11 or newer) to make the virtualenv with (default: python3)
#   PIP_INDEX_URL      a package index to install from (pip's own variable; by default pip uses
#                      PyPI, or this machine's local mirror file:///opt/pypi/simple when present)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
warehouse=${1:-${SELFEVAL_WAREHOUSE:-$root/warehouse}}
out=${2:-$root/target/notebooks}
env_dir="$root/target/notebook-env"
requirements="$here/requirements.txt"

fail() {
  echo "notebooks: $*" >&2
  exit 2
}

[[ -d "$warehouse/marts" ]] ||
  fail "no marts under '$warehouse': run \`bin/selfeval run --warehouse $warehouse\` first"

python=${SELFEVAL_PYTHON:-python3}
command -v "$python" >/dev/null || fail "'$python' not found: install Python 3.11+ or set SELFEVAL_PYTHON"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "$("$python" --version 2>&1) is too old: the pinned stack needs Python 3.11+ (set SELFEVAL_PYTHON)"

# The virtualenv is keyed by the requirements and the interpreter: same key, reuse it.
key=$("$python" -c 'import hashlib, sys
print(hashlib.sha256(open(sys.argv[1], "rb").read() + sys.version.encode()).hexdigest())' \
  "$requirements")
stamp="$env_dir/.selfeval-requirements-sha256"

ensure_env() {
  if [[ -x "$env_dir/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
    echo "notebooks: reusing $env_dir"
    return
  fi
  local started=$SECONDS log="$root/target/notebook-env-install.log"
  echo "notebooks: installing the notebook stack into $env_dir (requirements.txt changed or" \
    "first use) ..."
  rm -rf "$env_dir"
  mkdir -p "$root/target"
  "$python" -m venv "$env_dir"
  local pip_args=(--disable-pip-version-check --no-input)
  # Here a local mirror of PyPI lies on disk: use it instead of waiting on pypi.org. Elsewhere
  # pip's defaults (PyPI, or PIP_INDEX_URL and pip.conf) apply.
  if [[ -z "${PIP_INDEX_URL:-}" && -d /opt/pypi/simple ]]; then
    pip_args+=(--index-url file:///opt/pypi/simple)
    [[ -d /opt/pypi-more/simple ]] && pip_args+=(--extra-index-url file:///opt/pypi-more/simple)
  fi
  if ! "$env_dir/bin/python" -m pip install "${pip_args[@]}" -r "$requirements" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -rf "$env_dir"
    fail "pip install failed (full log: $log)"
  fi
  # A python3 kernel spec of this virtualenv; JUPYTER_PATH below makes it win over any python3
  # kernel registered for the user.
  "$env_dir/bin/python" -m ipykernel install --prefix "$env_dir" --name python3 \
    --display-name "Python 3 (selfeval notebooks)" >>"$log" 2>&1
  echo "$key" >"$stamp"
  echo "notebooks: notebook stack installed in $((SECONDS - started)) s"
}

mkdir -p "$root/target"
if command -v flock >/dev/null; then
  # two runs at once (a test and a person) must not build the virtualenv over each other
  exec 9>"$root/target/notebook-env.lock"
  flock 9
fi
ensure_env
exec 9>&-

export JUPYTER_PATH="$env_dir/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_PLATFORM_DIRS=1
export IPYTHONDIR="$env_dir/ipython"
export MPLCONFIGDIR="$env_dir/matplotlib"
export PYTHONDONTWRITEBYTECODE=1
started=$SECONDS
status=0
"$env_dir/bin/python" "$here/run_notebooks.py" --warehouse "$warehouse" --out "$out" || status=$?
echo "notebooks: executed in $((SECONDS - started)) s"
exit "$status"
