// The key maps, shown by `?` and in docs/tui.md (one source for both).

export const REVIEW_KEYS: [string, string][] = [
  ['↑ ↓  k j', 'previous / next finding'],
  ['PgUp PgDn', 'page up / down'],
  ['g G  Home End', 'first / last finding'],
  ['[ ]', 'previous / next file'],
  ['/', 'search (message, rule, file, text); Enter keeps, Esc restores'],
  ['r', 'filter by rule (with counts)'],
  ['v', 'filter by severity: all → errors → warnings → info'],
  ['c  Esc', 'clear filters and search'],
  ['f', 'apply the safe fix'],
  ['1 … 9', 'apply suggestion N'],
  ['a', 'add the word to `words` in the nearest .lintrc'],
  ['s', 'suppress with a reason (directive comment)'],
  ['e', 'open the file at the finding in $VISUAL / $EDITOR'],
  ['u', 'undo the last change (fix, word, suppression, edit)'],
  ['?', 'this help'],
  ['q  Ctrl-C', 'quit'],
];

export const COMPOSE_KEYS: [string, string][] = [
  ['Tab  Shift-Tab', 'next / previous field (channel … locale, message)'],
  ['← →', 'change the focused setting (in the message: move the cursor)'],
  ['typing', 'edit the message; Enter is a new line'],
  ['↑ ↓ Home End', 'move the cursor in the message'],
  ['Backspace', 'delete the character before the cursor (Ink reports Delete as Backspace too)'],
  ['Ctrl-U', 'clear the message'],
  ['Ctrl-Y', 'copy the message to the clipboard (wl-copy, xclip or pbcopy, when present)'],
  ['Ctrl-D', 'done: print the message to stdout and exit'],
  ['Esc', 'exit: asks y (print and exit) / n (discard and exit) / Esc (keep editing)'],
  ['Ctrl-G  ?', 'this help (`?` on a setting; in the message it types a `?`)'],
  ['Ctrl-C', 'abort without printing'],
];
