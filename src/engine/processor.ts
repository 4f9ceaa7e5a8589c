// One unified processor per (locale, rule set with options), built once and reused for
// every message: dictionaries and lexicons are loaded when a rule is created, never per file.
import { unified, type Processor } from 'unified';
import retextEnglish from 'retext-english';
import retextLatin from 'retext-latin';
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import type { Rule, MessageData } from './rule.js';
import type { Severity } from '../types.js';

export interface ActiveRule {
  rule: Rule<Record<string, unknown>>;
  severity: Severity;
  options: Record<string, unknown>;
}

const processors = new Map<string, Processor<Root, Root, Root>>();

/** Wraps a rule as a unified attacher that stamps `ruleId` on what it reports (unified-lint-rule style). */
function attacher(active: ActiveRule) {
  const { rule, options } = active;
  return function msglintRule() {
    const transform = rule.create(options);
    return (tree: Root, file: VFile) => {
      const data = file.data.msglint as MessageData;
      if (rule.appliesTo && !rule.appliesTo(data, options)) return;
      const before = file.messages.length;
      transform(tree, file);
      for (let i = before; i < file.messages.length; i++) {
        file.messages[i].ruleId = rule.meta.id;
        file.messages[i].source = 'msglint';
      }
    };
  };
}

// The same `active` list serves every message of a file (and of a folder): look it up by
// identity before building the string key.
const byActive = new WeakMap<ActiveRule[], Map<string, Processor<Root, Root, Root>>>();

export function processorFor(language: string, locale: string, active: ActiveRule[]): Processor<Root, Root, Root> {
  let perLocale = byActive.get(active);
  if (!perLocale) {
    perLocale = new Map();
    byActive.set(active, perLocale);
  }
  let processor = perLocale.get(locale);
  if (!processor) {
    processor = processorByKey(language, locale, active);
    perLocale.set(locale, processor);
  }
  return processor;
}

function processorByKey(language: string, locale: string, active: ActiveRule[]): Processor<Root, Root, Root> {
  const key = `${locale}\u0000${active.map((a) => `${a.rule.meta.id}:${JSON.stringify(a.options)}`).join('|')}`;
  let processor = processors.get(key);
  if (!processor) {
    const base = unified().use(language === 'en' ? retextEnglish : retextLatin) as unknown as Processor<Root, Root, Root>;
    for (const rule of active) base.use(attacher(rule));
    processor = base.freeze() as Processor<Root, Root, Root>;
    processors.set(key, processor);
  }
  return processor;
}
