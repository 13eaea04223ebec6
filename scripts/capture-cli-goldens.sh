#!/usr/bin/env bash
# Records the real docker 28.2.2 client's stdout, stderr and exit code for every case in
# tests/golden/cli/cases.txt (help, usage and flag errors: nothing that needs a daemon).
# Each case becomes tests/golden/cli/<name>.json. Run from anywhere: scripts/capture-cli-goldens.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tests/golden/cli"
docker --version | grep -q '^Docker version 28.2.2,' || { echo "needs the docker 28.2.2 client on PATH" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
while read -r mode name rest; do
  [[ -z "${mode:-}" || "$mode" == \#* ]] && continue
  eval "set -- $rest"
  # A clean environment: HOME decides the defaults help prints; stdin is not a terminal (80 columns).
  set +e
  env -i HOME=/root PATH="$PATH" docker "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  echo $? >"$tmp/rc"
  set -e
  node -e '
    const fs = require("node:fs");
    const [tmp, file, mode, ...argv] = process.argv.slice(1);
    const read = (f) => fs.readFileSync(`${tmp}/${f}`, "utf8");
    const golden = { argv, mode, stdout: read("out"), stderr: read("err"), exitCode: Number(read("rc")) };
    fs.writeFileSync(file, JSON.stringify(golden, null, 2) + "\n");
  ' "$tmp" "$dir/$name.json" "$mode" "$@"
done <"$dir/cases.txt"
echo "wrote $(grep -cv '^\s*\(#\|$\)' "$dir/cases.txt") goldens to $dir"
