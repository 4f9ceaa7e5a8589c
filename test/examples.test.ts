// The bundled sample bot repository: every rule fires, every output format works, the
// suppression with a reason and the custom substitution rule do their job.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../rules/index.js';
import { FORMATTER_NAMES } from '../src/report/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, ['bin/msglint.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('examples/', () => {
  const json = JSON.parse(run(['--format', 'json', 'examples']).stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
  const fired = new Set(json.flatMap((r) => r.messages.map((m) => m.ruleId)));

  it('shows the core rules firing', () => {
    const etiquette = ['set-expectations', 'offer-human-handoff', 'no-third-party-forwarding', 'no-sensitive-data-request', 'no-shouting', 'personalize-greeting', 'one-time-notification-topic'];
    for (const id of ruleIds.filter((r) => !etiquette.includes(r))) expect(fired, id).toContain(id);
    expect(fired).toContain('house-style'); // the custom substitution rule from examples/.lintrc
  });

  it('reads every format in the sample repository', () => {
    const files = json.map((r) => r.filePath);
    for (const f of ['examples/rasa/domain.yml', 'examples/lg/main.en-us.lg', 'examples/locales/it_IT.json', 'examples/whatsapp/order_update.json', 'examples/messenger/shipping-update.json', 'examples/templates/order-updates.yml', 'examples/drafts/restock-notice.md', 'examples/drafts/refund-reply.txt']) {
      expect(files).toContain(f);
    }
    expect(json.every((r) => r.messages.every((m) => m.ruleId !== null))).toBe(true);
  });

  it('applies the override and the suppression with a reason', () => {
    const update = json.find((r) => r.filePath === 'examples/templates/updates/delivery-window.txt')!;
    expect(update.messages.some((m) => m.ruleId === 'no-promotional-content')).toBe(true);
    const catalogue = json.find((r) => r.filePath === 'examples/templates/order-updates.yml')!;
    expect(catalogue.messages.some((m) => m.message.includes('Coastiewear'))).toBe(false);
  });

  it.each(FORMATTER_NAMES)('prints the %s format and exits 1', (format) => {
    const result = run(['--format', format, 'examples']);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(100);
  });
});
