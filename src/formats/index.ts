// The registry of format adapters and how a file's format is chosen: a forced format from
// config wins; otherwise the first adapter whose `detect` accepts the file.
import { parseDocument, type Document } from 'yaml';
import type { FormatAdapter, FormatInput } from './types.js';
import { FormatError } from './types.js';
import { catalogueAdapter } from './catalogue.js';
import { markdownAdapter, textAdapter } from './text.js';

// Order matters: specific content shapes before generic ones.
export const adapters: FormatAdapter[] = [textAdapter, markdownAdapter, catalogueAdapter];

export const SUPPORTED_EXTENSIONS = [...new Set(adapters.flatMap((a) => a.extensions))];

export function makeInput(filePath: string, text: string): FormatInput {
  let doc: Document.Parsed | undefined;
  return {
    filePath,
    text,
    document() {
      if (!doc) {
        doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
        if (doc.errors.length > 0) {
          const error = doc.errors[0];
          throw new FormatError(`Cannot parse ${/\.json$/i.test(filePath) ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`, error.pos[0]);
        }
      }
      return doc;
    },
  };
}

export function adapterById(id: string): FormatAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** Picks the adapter for a file, or undefined when no format recognises it. */
export function detectFormat(input: FormatInput): FormatAdapter | undefined {
  const lower = input.filePath.toLowerCase();
  for (const adapter of adapters) {
    if (!adapter.extensions.some((ext) => lower.endsWith(ext)) && input.filePath !== '<text>') continue;
    if (adapter.detect(input)) return adapter;
  }
  return undefined;
}
