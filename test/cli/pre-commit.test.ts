// The git pre-commit hook in a temporary repository: a bad template is rejected with the
// findings printed, a good one is accepted.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('rejects a bad template and accepts a good one', () => {
  const repo = mkdtempSync(join(tmpdir(), 'msglint-hook-'));
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, MSGLINT: `${process.execPath} ${join(ROOT, 'bin/msglint.js')}`, NO_COLOR: '1' } });
  execFileSync('git', ['init', '-q'], { cwd: repo });
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  copyFileSync(join(ROOT, 'scripts/pre-commit.sh'), join(repo, '.git/hooks/pre-commit'));
  writeFileSync(join(repo, 'update.yml'), 'messages:\n  - tag: POST_PURCHASE_UPDATE\n    text: Shipped! Use code SAVE10 for 10% off.\n');
  git('add', 'update.yml');
  const bad = git('commit', '-m', 'bad template');
  expect(bad.status).toBe(1);
  expect(bad.stdout + bad.stderr).toContain('no-promotional-content');
  expect(git('log', '--oneline').stdout).toBe('');
  writeFileSync(join(repo, 'update.yml'), 'messages:\n  - messaging_type: RESPONSE\n    text: Your order has shipped and arrives on Friday.\n');
  git('add', 'update.yml');
  const good = git('commit', '-m', 'good template');
  expect(good.status, good.stdout + good.stderr).toBe(0);
  expect(git('log', '--oneline').stdout).toContain('good template');
});
