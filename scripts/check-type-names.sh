#!/usr/bin/env bash
# Fails when two modules declare the same top-level type name (issue "one definition each"): a name such as
# `CaseEvent` must mean one thing in the whole package. Modules are the folders under Sources/ and the plugin
# folders Plugins/<Name>/Sources. Top-level types are declarations that start a line: `struct`, `enum`, `class`,
# `actor`, `protocol` and `typealias`, with any access or `final` modifiers. Extensions are not declarations.
#
# Allow-list: none. Add a name to `allowed` below only with a comment saying why two modules need it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

allowed=()

declarations=$(mktemp)
trap 'rm -f "$declarations"' EXIT

for dir in Sources/*/ Plugins/*/Sources/; do
  if [[ $dir == Plugins/* ]]; then
    module=$(basename "$(dirname "$dir")")Plugin
  else
    module=$(basename "$dir")
  fi
  find "$dir" -name '*.swift' -print0 | xargs -0 -r grep -hE \
    '^((public|package|internal|fileprivate|private|open|final|indirect|nonisolated)[[:space:]]+)*(struct|enum|class|actor|protocol|typealias)[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' \
    | sed -E 's/^((public|package|internal|fileprivate|private|open|final|indirect|nonisolated)[[:space:]]+)*(struct|enum|class|actor|protocol|typealias)[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\4/' \
    | sort -u | sed "s|\$| $module|" >>"$declarations" || true
done

status=0
while read -r name; do
  for ok in "${allowed[@]}"; do [ "$name" = "$ok" ] && continue 2; done
  modules=$(awk -v n="$name" '$1 == n { print $2 }' "$declarations" | sort -u | paste -sd, -)
  echo "type name $name is declared by more than one module: $modules" >&2
  status=1
done < <(awk '{ print $1 }' "$declarations" | sort | uniq -d)

[ "$status" -eq 0 ] && echo "every top-level type name belongs to one module"
exit "$status"
