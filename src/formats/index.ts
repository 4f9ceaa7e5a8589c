// The registry of format adapters and how a file's format is chosen: a forced format from
// config wins; otherwise the first adapter whose `detect` accepts the file.
import type { Document, YAMLError } from 'yaml';
import type { FormatAdapter, FormatInput } from './types.js';
import { FormatError } from './types.js';
import { catalogueAdapter } from './catalogue.js';
import { markdownAdapter, textAdapter } from './text.js';
import { sendApiAdapter } from './send-api.js';
import { whatsappTemplateAdapter } from './whatsapp.js';
import { rasaAdapter } from './rasa.js';
import { lgAdapter } from './lg.js';
import { scriptAdapter } from './script.js';
import { localeJsonAdapter } from './locale-json.js';
import { jsonErrorOffset } from './json-error.js';
import { readYaml } from './yaml-document.js';

// Order matters: specific content shapes before generic ones.
export const adapters: FormatAdapter[] = [textAdapter, scriptAdapter, markdownAdapter, whatsappTemplateAdapter, sendApiAdapter, rasaAdapter, lgAdapter, catalogueAdapter, localeJsonAdapter];

export const SUPPORTED_EXTENSIONS = [...new Set(adapters.flatMap((a) => a.extensions))];

export function makeInput(filePath: string, text: string): FormatInput {
  let doc: Document.Parsed | undefined;
  return {
    filePath,
    text,
    document() {
      if (!doc) {
        if (/\.json$/i.test(filePath)) strictJson(text);
        // Duplicate keys are read (the last value wins, as in JSON.parse) and reported by the
        // adapters (duplicateKeyErrors), so the rest of the file is still linted.
        doc = readYaml(text, { keepSourceTokens: true, uniqueKeys: false });
        if (doc.errors.length > 0) throw yamlError(text, doc.errors[0]);
      }
      return doc;
    },
    release() {
      doc = undefined;
    },
  };
}

/** JSON files must be real JSON (the YAML parser would accept trailing commas, comments…). */
function strictJson(text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    // V8's message, without its position (not in every message: the validator finds it) and
    // without the quoted source Node 20 adds (`Unexpected token ']', "…" is not valid JSON`).
    const reason = (error as Error).message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^(Unexpected token .+?), (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/su, '$1')
      .replace(/^(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/su, 'Unexpected token')
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const at = jsonErrorOffset(text);
    throw new FormatError(`Cannot parse JSON: ${reason}`, at >= 0 ? Math.min(at, text.length) : 0);
  }
}

function yamlError(text: string, error: YAMLError): FormatError {
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  let offset = error.pos[0];
  if (error.code === 'MISSING_CHAR' && /quote/.test(message)) {
    // Point at the opening quote of the unterminated string, not at the end of the file.
    const open = Math.max(text.lastIndexOf('"', offset - 1), text.lastIndexOf("'", offset - 1));
    if (open >= 0) return new FormatError('Unterminated quoted string: missing closing quote', open);
  }
  return new FormatError(`Cannot parse YAML: ${message}`, offset);
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
