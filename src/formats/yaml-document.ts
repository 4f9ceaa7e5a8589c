// Reading JSON/YAML text into a `yaml` Document safely, for every format that uses one:
// - nesting deeper than MAX_NESTING is refused with a positioned error BEFORE the yaml composer
//   runs (it recurses once per level and overflows the stack at ~800 levels; after an overflow
//   inside its regexps, the next deep file aborts node);
// - aliases (`*name`) are linked to the node their anchor names (see `deref`), one level at a
//   time, so an alias bomb ("billion laughs") is never expanded;
// - duplicate keys are listed (see `duplicateKeyErrors`).
// Every walk here uses an explicit stack: no recursion on the document's depth.
import { Composer, Parser, YAMLParseError, isAlias, isMap, isScalar, isSeq, type Alias, type Document, type DocumentOptions, type Node, type ParseOptions, type Pair, type SchemaOptions } from 'yaml';
import { FormatError } from './types.js';
import { readSimpleYaml } from './yaml-fast.js';

/** Lists and mappings nested deeper than this are refused (real message files stay under 20). */
export const MAX_NESTING = 256;

const aliasTargets = new WeakMap<Alias, Node>();
const duplicates = new WeakMap<Document, FormatError[]>();
const NO_ERRORS: FormatError[] = [];

/**
 * Parses one YAML (or JSON) document like `parseDocument`. Throws a FormatError for nesting
 * deeper than MAX_NESTING; offsets are relative to `text` plus `base`.
 */
export function readYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions, base = 0): Document.Parsed {
  // Most message files are plain block mappings of one-line strings: read those directly.
  const simple = readSimpleYaml(text, options);
  if (simple) {
    // The fast subset has no anchors, aliases or duplicate keys: nothing to index.
    duplicates.set(simple, NO_ERRORS);
    return simple;
  }
  // The CST parser keeps its own stack (no recursion): measure depth on its tokens, then
  // compose them, so the text is parsed once.
  const tokens = Array.from(new Parser().parse(text));
  const deep = tooDeep(tokens);
  if (deep !== undefined) {
    throw new FormatError(`Nesting too deep: more than ${MAX_NESTING} levels of lists and mappings inside each other`, base + deep);
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      // As parseDocument does.
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  indexDocument(doc!);
  return doc!;
}

interface CstToken {
  type: string;
  offset: number;
  value?: CstToken;
  items?: { key?: CstToken | null; value?: CstToken | null }[];
}

/** Offset of the first collection nested deeper than MAX_NESTING, or undefined. */
function tooDeep(tokens: unknown[]): number | undefined {
  const stack: [CstToken | null | undefined, number][] = tokens.map((t) => [t as CstToken, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    if (!token.items) continue; // scalars, aliases, comments…
    if (depth + 1 > MAX_NESTING) return token.offset;
    for (const item of token.items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
  }
  return undefined;
}

/**
 * One walk in document order: links aliases to their anchored nodes and records duplicate
 * keys. An anchor counts once its node is complete, so `&a [*a]` does not name itself (no
 * cycles for the adapters to loop on).
 */
function indexDocument(doc: Document): void {
  const anchors = new Map<string, Node>();
  const found: FormatError[] = [];
  const stack: [unknown, boolean][] = [[doc.contents, false]];
  while (stack.length > 0) {
    const [node, complete] = stack.pop()!;
    if (complete) {
      anchors.set((node as Node).anchor!, node as Node);
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) aliasTargets.set(node, target);
      continue;
    }
    if ((node as Node | null)?.anchor) stack.push([node, true]);
    if (isMap(node)) {
      const pairs = node.items as Pair[];
      const seen = new Set<string>();
      for (const pair of pairs) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key) && key !== '<<') {
          const shown = key.replace(/\s+/g, ' ');
          found.push(new FormatError(`Duplicate key \`${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}\`: the last value replaces the earlier one`, pair.key.range?.[0] ?? 0));
        }
        seen.add(key);
      }
      for (let i = pairs.length - 1; i >= 0; i--) stack.push([pairs[i].value, false], [pairs[i].key, false]);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], false]);
    }
  }
  duplicates.set(doc, found);
}

/**
 * The node an alias names (any other value is returned as is). One level only: the result
 * may hold aliases of its own, which are resolved when they are read, so nothing is expanded.
 */
export function deref<T>(node: T): T | Node {
  return isAlias(node) ? aliasTargets.get(node) ?? node : node;
}

/**
 * Duplicate keys of the document (one error at each repeated key). The last value is the one
 * that takes effect (JSON.parse, PyYAML and the `yaml` library's toJS keep it) and the one the
 * adapters read; strict YAML loaders reject the file, so it is reported as an error.
 */
export function duplicateKeyErrors(doc: Document): FormatError[] {
  return [...(duplicates.get(doc) ?? [])];
}
