#!/bin/sh
# A plain git pre-commit hook (no framework): lints the staged message files.
# Install: cp node_modules/msglint/scripts/pre-commit.sh .git/hooks/pre-commit
# (or point MSGLINT at a checkout: MSGLINT="node /path/to/msglint/bin/msglint.js").
files=$(git diff --cached --name-only --diff-filter=ACMR -- '*.txt' '*.md' '*.markdown' '*.yml' '*.yaml' '*.json' '*.lg')
[ -z "$files" ] && exit 0
# shellcheck disable=SC2086
exec ${MSGLINT:-npx --no-install msglint} $files
