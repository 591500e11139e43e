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
  [Analysis]="Foundation StudyModel Electrochem Engine"
  [Figures]="Foundation CCairo"
  [Gzip]="Foundation CZlib"
  [Reports]="Foundation StudyModel Electrochem Analysis CCmarkGFM Mustache"
  [Planning]="Foundation Dispatch StudyModel Electrochem Engine Analysis Gzip Crypto"
  [Review]="Foundation StudyModel Reports"
  [SiteCheck]="Foundation StudyModel"
  [Pipeline]="Foundation Dispatch StudyModel StudyLoader Analysis Planning Figures Reports Review"
  [Commands]="Foundation StudyModel StudyLoader Electrochem Engine Analysis Planning"
  [cellbook]="Foundation StudyModel StudyLoader Electrochem Pipeline Commands Review SiteCheck ArgumentParser"
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

# Every source folder is a target of the table above.
for folder in Sources/*/; do
  target=$(basename "$folder")
  case "$target" in CSundials | CCairo | CCmarkGFM | CZlib) continue ;; esac
  if [ -z "${allowed[$target]+set}" ]; then
    echo "Sources/$target: a target missing from the table of ARCHITECTURE.md and this script"
    status=1
  fi
done

# Small files: only the numerical kernels may exceed 400 lines.
kernels="Sources/Electrochem/DFNKernel.swift Sources/Engine/ParticleEliminationSolver.swift Sources/Engine/LocalBlockEliminationSolver.swift Sources/Engine/BandWorkspace.swift"
while IFS= read -r file; do
  lines=$(wc -l <"$file")
  if [ "$lines" -gt 400 ] && ! grep -qw -- "$file" <<<"$kernels"; then
    echo "$file: $lines lines; split it (only the numerical kernels may exceed 400)"
    status=1
  fi
done < <(find Sources -name '*.swift')

# Names defined once: the N/P axis's name and the charge conversion appear where they are
# defined and nowhere else.
for literal in '"np"' '36000'; do
  count=$(grep -rF --include='*.swift' -- "$literal" Sources | wc -l)
  if [ "$count" -gt 1 ]; then
    echo "$literal appears $count times in Sources/; name it through its definition:"
    grep -rnF --include='*.swift' -- "$literal" Sources
    status=1
  fi
done

[ "$status" -eq 0 ] && echo "architecture: imports, public APIs, file sizes and names follow ARCHITECTURE.md"
exit "$status"
