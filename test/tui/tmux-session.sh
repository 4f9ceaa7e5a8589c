#!/usr/bin/env bash
# A scripted real-terminal session (tmux send-keys / capture-pane) on a temp copy of
# examples/: `msglint review` finds the typo `adress`, the first suggestion is applied with
# the `1` key, and the file must then differ from the original by exactly that word. Then
# `msglint compose` drafts a message and prints it with Ctrl-D.
#
#   bash test/tui/tmux-session.sh                 # exit 0 pass, 1 fail, 0 + SKIP without tmux
#   TUI_CAPTURE_DIR=out bash test/tui/tmux-session.sh   # also keep the screen captures
#
# Uses `node bin/msglint.js review|compose` when the CLI has the subcommands, else
# test/tui/tui-shim.mjs (same commands, called directly). Needs a built dist/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIP: tmux is not installed (apt-get install -y tmux)"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/msglint-tmux.XXXXXX")
SOCK="$WORK/tmux.sock"
T=(tmux -S "$SOCK" -f /dev/null)
cleanup() {
  "${T[@]}" kill-server >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

CAPTURE_DIR=${TUI_CAPTURE_DIR:-$WORK/captures}
mkdir -p "$CAPTURE_DIR"
cp -r "$ROOT/examples" "$WORK/examples"
TARGET=examples/templates/order-updates.yml
if [ "$(grep -o 'adress' "$WORK/$TARGET" | wc -l)" -ne 1 ]; then
  echo "FAIL: $TARGET must contain the typo \`adress\` exactly once for this session" >&2
  exit 1
fi

if node "$ROOT/bin/msglint.js" review --help 2>/dev/null | grep -q 'Usage: msglint review'; then
  MSGLINT="node $ROOT/bin/msglint.js"
else
  MSGLINT="node $ROOT/test/tui/tui-shim.mjs"
fi

screen() { "${T[@]}" capture-pane -p -t tui; }
fail() {
  echo "FAIL: $1" >&2
  echo "----- screen -----" >&2
  screen >&2 || true
  exit 1
}
# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() {
  local text=$1 limit=${2:-15} i
  for ((i = 0; i < limit * 20; i++)); do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  fail "timed out waiting for: $text"
}
# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
wait_gone() {
  local text=$1 limit=${2:-15} i
  for ((i = 0; i < limit * 20; i++)); do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  fail "timed out waiting for this to go: $text"
}
keys() { "${T[@]}" send-keys -t tui "$@"; }
text() { "${T[@]}" send-keys -t tui -l -- "$1"; }
save() { screen | sed -e 's/[[:space:]]*$//' >"$CAPTURE_DIR/$1"; }

# An 80×24 terminal without CI (Ink draws nothing interactive when CI is set), no colours
# in the captures, and no user configuration.
"${T[@]}" new-session -d -s tui -x 80 -y 24 -c "$WORK" \
  "env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color NO_COLOR=1 PS1='$ ' bash --norc --noprofile"
"${T[@]}" set-option -t tui status off >/dev/null

# --- review ----------------------------------------------------------------------------
keys "clear; $MSGLINT review examples/templates; echo EXIT=\$?" Enter
wait_for '? help' 30
save review.txt
keys /
wait_for 'Enter keep'
text adress
wait_for '/adress'
keys Enter
wait_gone 'Enter keep'
# Down (j) until the spelling finding is selected, waiting for the position N/M to move.
position() { screen | head -n1 | grep -oE '[0-9]+/[0-9]+' | head -n1; }
for _ in $(seq 1 12); do
  if screen | grep -qE '(⚠|✖|ℹ) (warning|error|info)  spelling'; then break; fi
  before=$(position)
  [ "${before%/*}" != "${before#*/}" ] || break
  keys j
  for ((i = 0; i < 100; i++)); do [ "$(position)" != "$before" ] && break; sleep 0.05; done
done
screen | grep -qE '(⚠|✖|ℹ) (warning|error|info)  spelling' || fail 'the spelling finding was never selected'
wait_for 'suggestions: 1 '
save review-detail.txt
SUGGESTION=$(screen | grep -oE 'suggestions: 1 [^ ]+' | head -n1 | awk '{print $3}')
[ -n "$SUGGESTION" ] || fail 'no first suggestion on screen'
keys 1
wait_for "Replaced \`adress\` with \`$SUGGESTION\`"
keys r
wait_for 'Filter by rule'
save review-rules.txt
# (Esc followed too quickly by another key reads as Alt+key: wait for each screen.)
keys Escape
wait_gone 'Filter by rule'
keys '?'
wait_for 'keys (any key closes)'
save review-help.txt
keys x
wait_gone 'keys (any key closes)'
keys q
wait_for 'EXIT=' 10
screen | grep -q 'msglint review: ' || fail 'no summary after quitting'

sed "s/adress/$SUGGESTION/" "$ROOT/$TARGET" >"$WORK/expected.yml"
if ! diff -u "$WORK/expected.yml" "$WORK/$TARGET"; then fail "$TARGET is not the original with \`adress\` → \`$SUGGESTION\`"; fi
if ! diff -r -q -x order-updates.yml "$ROOT/examples" "$WORK/examples" >/dev/null; then fail 'other files changed'; fi

# --- compose ---------------------------------------------------------------------------
keys "clear; $MSGLINT compose --channel whatsapp --category UTILITY; echo EXIT=\$?" Enter
wait_for 'msglint compose' 30
text 'Hurry, your ordr has shipped and arrives on Friday.'
wait_for 'Unknown word `ordr`'
wait_for 'no-promotional-content'
save compose.txt
keys C-d
wait_for 'EXIT=0' 10
screen | grep -qF 'Hurry, your ordr has shipped and arrives on Friday.' || fail 'compose did not print the draft'

echo "PASS: review fixed \`adress\` → \`$SUGGESTION\` in $TARGET; compose printed the draft (captures: $CAPTURE_DIR)"
