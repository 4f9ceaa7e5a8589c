// What a file's result is when linting it threw: a broken config is that file's
// configuration error; anything else is a bug, reported on the file (with its stack on
// stderr) so that the run goes on with the other files. Shared by the CLI and its workers.
import { ConfigError } from '../engine/config.js';
import { fatalResult, type Linter } from '../engine/lint.js';
import type { FileResult } from '../types.js';

export function failedResult(filePath: string, error: unknown, stderr: (text: string) => void): FileResult {
  if (error instanceof ConfigError) {
    stderr(`msglint: ${error.message}\n`);
    return fatalResult(filePath, `Configuration error: ${error.message}`);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr(`msglint: internal error while linting ${filePath}: ${detail}\n`);
  return fatalResult(filePath, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
}

/** `linter.lintFile`, with what it throws turned into the file's result (see failedResult). */
export function lintOrFail(linter: Linter, filePath: string, explicit: boolean, stderr: (text: string) => void): FileResult | undefined {
  try {
    return linter.lintFile(filePath, explicit);
  } catch (error) {
    return failedResult(filePath, error, stderr);
  }
}
