// --fix: apply safe range edits, re-lint, repeat to a fixed point (at most 10 passes), and
// write the result atomically with the original BOM, line endings (edits never touch them)
// and mode. --fix-dry-run computes the same and shows a diff instead of writing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult, Finding, Fix } from '../types.js';
import { decode, DecodeError, encode } from './decode.js';
import { FormatError } from '../formats/types.js';
import type { Linter } from './lint.js';
import { fatalResult } from './lint.js';
import { rules } from '../../rules/index.js';
import { writeFileAtomic } from './write.js';

export const MAX_FIX_PASSES = 10;

export type FixType = 'problem' | 'suggestion' | 'layout';

/** Applies non-overlapping fixes (earlier ranges first; overlapping ones wait for the next pass). */
export function applyFixes(text: string, fixes: Fix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let last = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range[0] < last) continue;
    output += text.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
    applied++;
  }
  return { output: output + text.slice(last), applied };
}

export interface FixOutcome {
  result: FileResult;
  original: string;
  fixed: string;
  /** fixes applied over all passes */
  applied: number;
  /** an error that prevented writing (changed on disk…) */
  writeError?: string;
}

function fixable(f: Finding, types: FixType[] | undefined): boolean {
  if (!f.fix || !f.ruleId) return false;
  if (!types) return true;
  const type = rules.find((r) => r.meta.id === f.ruleId)?.meta.type ?? 'suggestion';
  return types.includes(type);
}

export function fixFile(linter: Linter, cwd: string, filePath: string, options: { write: boolean; types?: FixType[]; explicit?: boolean }): FixOutcome | undefined {
  const absolute = resolve(cwd, filePath);
  let bytes: Buffer;
  let decoded;
  try {
    bytes = readFileSync(absolute);
    decoded = decode(bytes);
  } catch (error) {
    // Undecodable bytes are positioned as in a plain run (DecodeError knows their line and column).
    if (error instanceof FormatError) return { result: fatalResult(filePath, error.message, error instanceof DecodeError ? error : undefined), original: '', fixed: '', applied: 0 };
    return { result: fatalResult(filePath, `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`), original: '', fixed: '', applied: 0 };
  }
  if (options.explicit === false && !linter.recognises(filePath, decoded.text)) return undefined;
  let text = decoded.text;
  let result = linter.lintText(text, filePath);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = result.findings.filter((f) => fixable(f, options.types)).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes);
    if (next.output === text) break;
    text = next.output;
    applied += next.applied;
    result = linter.lintText(text, filePath);
  }
  const outcome: FixOutcome = { result, original: decoded.text, fixed: text, applied };
  if (options.write && text !== decoded.text) {
    try {
      writeFileAtomic(absolute, encode(text, decoded.bom), bytes);
    } catch (error) {
      outcome.writeError = (error as Error).message;
      outcome.result = linter.lintText(decoded.text, filePath);
    }
  }
  return outcome;
}
