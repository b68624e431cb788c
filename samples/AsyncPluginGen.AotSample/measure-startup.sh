#!/usr/bin/env bash
# Start-up of the AOT sample, native AOT against JIT (`dotnet <dll>` of a Release framework-dependent build).
# Publishes and builds into a temporary folder, then runs each kind RUNS times, interleaved, and prints medians:
# wall time of a small run and of --help (measured here), and the sample's own --timings figures.
# Run it on a quiet machine: any other build skews both columns.
#
#   samples/AsyncPluginGen.AotSample/measure-startup.sh [RUNS=11] [TASKS=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
tasks=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "publishing (native AOT) and building (JIT) into $work ..." >&2
dotnet publish samples/AsyncPluginGen.AotSample -c Release -r linux-x64 --artifacts-path "$work/aot" --disable-build-servers -nologo -v q >&2
dotnet build samples/AsyncPluginGen.AotSample -c Release --artifacts-path "$work/jit" --disable-build-servers -nologo -v q >&2
native="$work/aot/publish/AsyncPluginGen.AotSample/release_linux-x64/AsyncPluginGen.AotSample"
dll="$work/jit/bin/AsyncPluginGen.AotSample/release/AsyncPluginGen.AotSample.dll"

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# run KIND ARGS...: one run; appends "name value" lines (milliseconds) to $work/KIND.tsv.
run() {
  local kind=$1; shift
  local cmd=("$native")
  [ "$kind" = jit ] && cmd=(dotnet "$dll")
  local start out end
  start=$(now_us)
  out=$(APG_LAUNCHED_AT_UNIX_US=$start "${cmd[@]}" "$@")
  end=$(now_us)
  if [ "$1" = --help ]; then
    echo "wall-help-ms $(( (end - start) / 1000 ))" >> "$work/$kind.tsv"
    return
  fi
  grep -q '^OK: ' <<<"$out" || { echo "error: a $kind run failed:" >&2; echo "$out" >&2; exit 1; }
  echo "wall-run-ms $(( (end - start) / 1000 ))" >> "$work/$kind.tsv"
  # "timing registry-cold-start-ms: 5.379 (build provider 1.411, resolve catalog 0.2, resolve host 3.969)"
  sed -nE 's/^timing ([a-z-]+): ([0-9.]+).*/\1 \2/p' <<<"$out" >> "$work/$kind.tsv"
  sed -nE 's/^timing registry-cold-start-ms: .*build provider ([0-9.]+), resolve catalog ([0-9.]+), resolve host ([0-9.]+)\)/build-provider-ms \1\nresolve-catalog-ms \2\nresolve-host-ms \3/p' <<<"$out" >> "$work/$kind.tsv"
}

median() { # median KIND NAME
  awk -v n="$2" '$1 == n { print $2 }' "$work/$1.tsv" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= runs; i++)); do
  run aot --tasks "$tasks" --timings
  run jit --tasks "$tasks" --timings
  run aot --help
  run jit --help
  echo "run $i of $runs done" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

size=$(stat -c %s "$native")
awk -v b="$size" 'BEGIN { printf "native binary: %.1f MiB (%d bytes)\n", b / 1048576, b }'
printf 'medians of %d runs, --tasks %d, in ms\n' "$runs" "$tasks"
printf '%-28s %12s %12s\n' figure "native AOT" JIT
for name in wall-run-ms wall-help-ms process-start-to-main-ms registry-cold-start-ms build-provider-ms resolve-catalog-ms resolve-host-ms service-start-ms first-task-terminal-ms total-ms; do
  printf '%-28s %12s %12s\n' "${name%-ms}" "$(median aot "$name")" "$(median jit "$name")"
done
