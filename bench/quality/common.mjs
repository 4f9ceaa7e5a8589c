// What run.mjs (full sets) and split.mjs (study / held-out halves) share: the detectors and
// their targets, the command-line flags, and the built library with one linter per rule.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const DATA = join(HERE, 'data');
export const LANGS = ['en', 'it', 'fr', 'es', 'de', 'fi'];

/** What each detector set means and how the rule's findings map to a prediction. */
export const DETECTORS = {
  promotional: { rule: 'no-promotional-content', context: { tag: 'POST_PURCHASE_UPDATE' }, findingMeans: 'positive', positiveClass: 'promotional content present' },
  sarcasm: { rule: 'no-sarcasm', context: {}, findingMeans: 'positive', positiveClass: 'sarcasm present' },
  closing: { rule: 'require-closing', context: { kind: 'closing' }, findingMeans: 'negative', positiveClass: 'polite closing present' },
  greeting: { rule: 'require-greeting', context: { kind: 'greeting' }, findingMeans: 'negative', positiveClass: 'greeting present' },
};

export const TARGETS = {
  promotional: { precision: 0.9, recall: 0.85 },
  closing: { precision: 0.9, recall: 0.85 },
  greeting: { precision: 0.9, recall: 0.85 },
  sarcasm: { precision: 0.9, recall: 0.7 },
  spelling: { recall: 0.95, top1: 0.75, fpPer1k: 2 },
};

/** Flags: `flag('--json')`, `listArg('--lang')` → ['it', 'fr'] or undefined. */
export function parseFlags(argv, usage) {
  const args = argv.slice(2);
  const flag = (name) => args.includes(name);
  const listArg = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  };
  if (flag('--help') || flag('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const onlyLangs = listArg('--lang');
  return { flag, listArg, onlyDetectors: listArg('--detector'), onlyLangs, langs: LANGS.filter((l) => !onlyLangs || onlyLangs.includes(l)) };
}

/** The built library (dist/); exits with a hint when it is not built. */
export async function loadLibrary() {
  try {
    const { Linter } = await import('../../dist/src/engine/lint.js');
    const { ruleIds } = await import('../../dist/rules/index.js');
    return {
      Linter,
      ruleIds,
      /** A linter with only `ruleId` on. */
      linterFor(ruleId) {
        const ruleOverrides = Object.fromEntries(ruleIds.map((id) => [id, id === ruleId ? 'warn' : 'off']));
        if (!ruleIds.includes(ruleId)) ruleOverrides[ruleId] = 'warn';
        return new Linter({ useConfigFiles: false, ruleOverrides, cwd: ROOT });
      },
    };
  } catch (error) {
    console.error(`Cannot load the built library from dist/ (${error.message}).\nBuild it first: npx tsc -p .`);
    process.exit(0);
  }
}
