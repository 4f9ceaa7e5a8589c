// The library API returns what the JSON formatter prints.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText, rules } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('library API', () => {
  it('lintText lints one message with its context', () => {
    const result = lintText('Your order shipped. Use code SAVE10 for 10% off!', { tag: 'HUMAN_AGENT' });
    expect(result.messages.filter((m) => m.ruleId === 'no-promotional-content').map((m) => m.column)).toEqual([21, 41]);
    expect(result.errorCount).toBe(2);
  });

  it('lintText reads a whole file when filePath names a format', () => {
    const result = lintText('messages:\n  - text: Hi\n    tag: ACCOUNT_UPDATE\n', {}, { filePath: 'c.yml', useConfigFiles: false });
    expect(result.messages.find((m) => m.ruleId === 'valid-message-tag')).toMatchObject({ line: 3, column: 10 });
  });

  it('lintFiles gives the same results as `msglint --format json`', async () => {
    const api = await lintFiles(['examples'], { cwd: ROOT });
    const cli = spawnSync(process.execPath, ['bin/msglint.js', '--format', 'json', 'examples'], { cwd: ROOT, encoding: 'utf8' });
    expect(api).toEqual(JSON.parse(cli.stdout));
    expect(api.length).toBeGreaterThan(3);
  });

  it('exports the rules with their metadata', () => {
    expect(rules.map((r) => r.meta.id)).toContain('no-promotional-content');
  });
});
