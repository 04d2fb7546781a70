#!/usr/bin/env bash
# Fails when man(1) warns about any of the given pages (an undefined macro, a font left open, a
# line that cannot be broken...), and shows the warnings.
set -euo pipefail
status=0
for page in "$@"; do
    warnings="$(MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)"
    if [ -n "$warnings" ]; then
        printf '%s:\n%s\n' "$page" "$warnings"
        status=1
    fi
done
exit $status
