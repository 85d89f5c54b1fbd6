#!/usr/bin/env bash
# Runs every notebook headless on Deno's Jupyter kernel (`npm run notebooks`): a cell that throws fails
# the run, as does a committed notebook that still carries outputs. Executed copies, with their charts,
# land in test-results/notebooks/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PWD/../node_modules/.bin:$PATH"
# The project's own kernel spec (kernels/deno/kernel.json), so nothing is installed into the user's Jupyter.
export JUPYTER_PATH="$PWD/jupyter"
export JUPYTER_PLATFORM_DIRS=1
if ! command -v jupyter-nbconvert >/dev/null; then
  echo "jupyter-nbconvert is missing: apt-get install -y jupyter-nbconvert python3-nbclient python3-ipykernel" >&2
  exit 1
fi
out=../test-results/notebooks
mkdir -p "$out"
# A small simulated shop (two weeks of 300 shoppers, its lake, a trained model) unless NOTEBOOK_DATA names one.
if [ -z "${NOTEBOOK_DATA:-}" ]; then
  export NOTEBOOK_DATA="$out/data"
  rm -rf "$NOTEBOOK_DATA"
  node --import tsx prepare.ts "$NOTEBOOK_DATA"
fi
python3 - <<'PY'
import glob, json, sys
dirty = [p for p in sorted(glob.glob('*.ipynb'))
         if any(c.get('outputs') or c.get('execution_count') for c in json.load(open(p))['cells'] if c['cell_type'] == 'code')]
if dirty:
    sys.exit('commit notebooks without outputs (clear them first): ' + ', '.join(dirty))
PY
for notebook in ${1:-*.ipynb}; do
  started=$SECONDS
  if ! jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=deno \
    --ExecutePreprocessor.timeout=600 --output-dir "$out" "$notebook" >"$out/${notebook%.ipynb}.log" 2>&1; then
    cat "$out/${notebook%.ipynb}.log" >&2
    echo "notebook $notebook failed" >&2
    exit 1
  fi
  echo "ran $notebook in $((SECONDS - started)) s"
done
