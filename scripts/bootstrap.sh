# Sourced by the scripts in this folder: creates .venv and installs Dateline with pinned versions.
# Needs only Python 3.11+ and git on the machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="${DATELINE_VENV:-$ROOT/.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> Creating the virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the pins or the package metadata changed since the last install.
extras="${1:-}"
spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp="$VENV/.dateline-installed-${extras:-base}"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> Installing Dateline and its pinned dependencies"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -c constraints.txt -e "$spec"
  echo "$want" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"
