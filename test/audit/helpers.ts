// Synthetic exports with known answers for the audit tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit, type AuditOptions } from '../../src/audit/auditor.js';
import { auditCommand } from '../../src/audit/index.js';
import type { Io } from '../../src/cli/main.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2 March 2026, 09:00 UTC */
export const T0 = Date.parse('2026-03-02T09:00:00Z');

export const iso = (ms: number) => new Date(ms).toISOString();

export interface Msg {
  conversation: string;
  from: 'customer' | 'business';
  at: number;
  text?: string;
  tag?: string;
  messaging_type?: string;
  automated?: boolean;
  page_status?: 'away' | 'available';
  done?: boolean;
  channel?: string;
  id?: string;
}

export const customer = (conversation: string, at: number, extra: Partial<Msg> = {}): Msg => ({ conversation, from: 'customer', at, ...extra });
export const business = (conversation: string, at: number, extra: Partial<Msg> = {}): Msg => ({ conversation, from: 'business', at, ...extra });

export function jsonl(messages: Msg[]): string {
  return (
    messages
      .map(({ at, text, ...rest }) => JSON.stringify({ conversation: rest.conversation, from: rest.from, timestamp: iso(at), text: text ?? (rest.from === 'customer' ? 'Hello, I have a question.' : 'Thanks for your message.'), ...rest }))
      .join('\n') + '\n'
  );
}

export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-audit-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Audits the messages as one JSONL file, without the message rules (fast). */
export async function audit(messages: Msg[] | string, options: Partial<AuditOptions> = {}, name = 'export.jsonl') {
  const dir = tempDir({ [name]: typeof messages === 'string' ? messages : jsonl(messages) });
  return runAudit([name], { cwd: dir, lint: false, ...options });
}

/** `line ruleId` of every finding of the first file. */
export function findings(outcome: Awaited<ReturnType<typeof audit>>): string[] {
  return outcome.results[0].findings.map((f) => `${f.line} ${f.ruleId}`);
}

export async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: () => '', isTTY: false, env: { NO_COLOR: '1' }, cwd };
  const code = await auditCommand(args, io);
  return { code, stdout, stderr };
}
