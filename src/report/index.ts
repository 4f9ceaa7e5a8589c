// Formatter registry. Formatters are plain functions `(results, context) => string`
// (ESLint's model), loaded lazily; a path (`./my-formatter.js`) loads a custom formatter
// whose default export has the same signature.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../types.js';
import { importModule } from '../dynamic-import.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  rules: Rule<any>[];
  version: string;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string | Promise<string>;

export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'unix', 'compact', 'junit', 'checkstyle'];

export function isCustomFormatter(name: string): boolean {
  return /[\\/]/.test(name) || /\.(c|m)?js$/.test(name);
}

export async function loadFormatter(name: string, cwd: string): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).stylish;
    case 'json':
      return (await import('./json.js')).json;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'github':
      return (await import('./formats-ci.js')).github;
    case 'unix':
      return (await import('./formats-ci.js')).unix;
    case 'compact':
      return (await import('./formats-ci.js')).compact;
    case 'junit':
      return (await import('./formats-ci.js')).junit;
    case 'checkstyle':
      return (await import('./formats-ci.js')).checkstyle;
  }
  const module = (await importModule(pathToFileURL(resolve(cwd, name)).href)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error(`custom formatter ${name} must export a default function (results, context) => string`);
  return module.default as Formatter;
}
