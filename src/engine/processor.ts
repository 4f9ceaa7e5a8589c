// One pipeline per (locale, rule set with options), built once and reused for every message:
// dictionaries and lexicons are loaded when a rule is created, never per file. unified
// parses (the retext parsers, parse-english or parse-latin); the rules then run as plain
// synchronous calls, unified-lint-rule style (each stamps its `ruleId` on what it reports). unified's own
// runner (trough) wraps every transformer for callbacks and promises: ~1 µs per rule per
// message that no msglint rule needs.
import { unified, type Processor } from 'unified';
import type { Root } from 'nlcst';
import { FastParseEnglish, FastParseLatin } from '../language/nlcst-tokenize.js';
import type { VFile } from 'vfile';
import type { Rule, MessageData } from './rule.js';
import type { Severity } from '../types.js';

export interface ActiveRule {
  rule: Rule<Record<string, unknown>>;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface MessagePipeline {
  parse(file: VFile): Root;
  run(tree: Root, file: VFile): void;
}

type Transform = (tree: Root, file: VFile) => void;

const parsers = new Map<string, Processor<Root, Root, Root>>();
const pipelines = new Map<string, MessagePipeline>();

function parserFor(language: string): Processor<Root, Root, Root> {
  const key = language === 'en' ? 'en' : 'latin';
  let parser = parsers.get(key);
  if (!parser) {
    parser = unified()
      .use(language === 'en' ? retextParser(FastParseEnglish) : retextParser(FastParseLatin))
      .freeze() as unknown as Processor<Root, Root, Root>;
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * retext-english / retext-latin (which set a unified parser that runs parse-english /
 * parse-latin), with those parsers' faster tokenizer (src/language/nlcst-tokenize.ts). msglint
 * registers no nlcst extensions, the only other thing those plugins pass on.
 */
function retextParser(Parser: typeof FastParseEnglish | typeof FastParseLatin) {
  return function parser(this: Processor) {
    this.parser = (value: string) => new Parser().parse(value);
  };
}

/** A rule's transform, stamping `ruleId` and `source` on what it reports. */
function ruleTransform(active: ActiveRule): Transform {
  const { rule, options } = active;
  const transform = rule.create(options);
  return (tree, file) => {
    const data = file.data.msglint as MessageData;
    if (rule.appliesTo && !rule.appliesTo(data, options)) return;
    const before = file.messages.length;
    transform(tree, file);
    for (let i = before; i < file.messages.length; i++) {
      file.messages[i].ruleId = rule.meta.id;
      file.messages[i].source = 'msglint';
    }
  };
}

// The same `active` list serves every message of a file (and of a folder): look it up by
// identity before building the string key.
const byActive = new WeakMap<ActiveRule[], Map<string, MessagePipeline>>();

export function processorFor(language: string, locale: string, active: ActiveRule[]): MessagePipeline {
  let perLocale = byActive.get(active);
  if (!perLocale) {
    perLocale = new Map();
    byActive.set(active, perLocale);
  }
  let pipeline = perLocale.get(locale);
  if (!pipeline) {
    pipeline = pipelineByKey(language, locale, active);
    perLocale.set(locale, pipeline);
  }
  return pipeline;
}

function pipelineByKey(language: string, locale: string, active: ActiveRule[]): MessagePipeline {
  const key = `${locale}\u0000${active.map((a) => `${a.rule.meta.id}:${JSON.stringify(a.options)}`).join('|')}`;
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    const parser = parserFor(language);
    const transforms = active.map(ruleTransform);
    pipeline = {
      parse: (file) => parser.parse(file) as Root,
      run(tree, file) {
        for (const transform of transforms) transform(tree, file);
      },
    };
    pipelines.set(key, pipeline);
  }
  return pipeline;
}
