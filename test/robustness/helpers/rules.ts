// The rule ids of the built linter (dist/), for configs that turn every rule off but one.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.js';

export async function ruleIds(): Promise<string[]> {
  const module = (await import(pathToFileURL(join(ROOT, 'dist', 'rules', 'index.js')).href)) as { ruleIds: string[] };
  return module.ruleIds;
}

/**
 * Rules with a known super-linear cost on ordinary long messages (see complexity.test.ts and
 * the robustness report): turned off where a test is about something else. Remove an id once
 * its bug is fixed.
 */
export const KNOWN_SLOW_RULES = ['no-shouting'];

export async function slowRuleIds(): Promise<string[]> {
  const ids = await ruleIds();
  return KNOWN_SLOW_RULES.filter((id) => ids.includes(id));
}

/** A `.lintrc` (JSON) with every rule off except `keep`, plus `extra` settings. */
export async function onlyRules(keep: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const rules = Object.fromEntries((await ruleIds()).map((id) => [id, keep.includes(id) ? 'warn' : 'off']));
  return JSON.stringify({ root: true, ...extra, rules: { ...rules, ...((extra.rules as object) ?? {}) } });
}
