// Runs test/tui/tmux-session.sh (a real terminal driven through tmux) when tmux is there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('real terminal (tmux)', () => {
  it('reviews examples/, fixes a typo end to end, and composes a draft', () => {
    const result = spawnSync('bash', [join(import.meta.dirname, 'tmux-session.sh')], { encoding: 'utf8', timeout: 90_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^PASS: review fixed `adress` → `address`/);
    expect(result.status).toBe(0);
  }, 100_000);
});
