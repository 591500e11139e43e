#!/usr/bin/env bash
# Enforces ARCHITECTURE.md: each target imports only what the dependency table allows,
# each C module is imported by exactly one Swift target, and no C type leaks into a public API.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A allowed=(
  [StudyModel]="Foundation"
  [StudyLoader]="Foundation StudyModel Yams"
  [Electrochem]="Foundation StudyModel"
  [DAESolver]="CSundials"
  [Engine]="Foundation Dispatch StudyModel Electrochem DAESolver"
  [Figures]="Foundation CCairo"
  [Gzip]="Foundation CZlib"
  [Reports]="Foundation StudyModel CCmarkGFM Mustache"
  [Pipeline]="Foundation Dispatch StudyModel StudyLoader Electrochem Engine Figures Reports Gzip Crypto"
  [cellbook]="Foundation StudyModel StudyLoader Electrochem Pipeline ArgumentParser"
)

status=0
for target in "${!allowed[@]}"; do
  [ -d "Sources/$target" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    module=$(sed -E 's/^.*import[[:space:]]+([A-Za-z_]+).*$/\1/' <<<"${line#*:}")
    if ! grep -qw -- "$module" <<<"${allowed[$target]}"; then
      echo "$file: $target may not import $module (allowed: ${allowed[$target]})"
      status=1
    fi
  done < <(grep -rHE '^(@[A-Za-z_]+ )?import ' "Sources/$target" --include='*.swift' | sed -E 's/:(@[A-Za-z_]+ )?import /:import /')
done

for module in CSundials CCairo CCmarkGFM CZlib; do
  importers=$(grep -rlE "^import $module\$" Sources --include='*.swift' | cut -d/ -f2 | sort -u | wc -l)
  if [ "$importers" -ne 1 ]; then
    echo "$module must be imported by exactly one Swift target (found $importers)"
    status=1
  fi
done

leaks=$(grep -rnE '^\s*(public|package) .*(OpaquePointer|Unsafe[A-Za-z]*Pointer|N_Vector|SUNMatrix|SUNContext|cairo_|cmark_)' \
  Sources/DAESolver Sources/Figures Sources/Reports Sources/Gzip --include='*.swift' || true)
if [ -n "$leaks" ]; then
  echo "C types in a public API:"
  echo "$leaks"
  status=1
fi

[ "$status" -eq 0 ] && echo "architecture: imports and public APIs follow ARCHITECTURE.md"
exit "$status"
