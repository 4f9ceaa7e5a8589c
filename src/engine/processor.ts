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
import { noteFeature } from './run-features.js';

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

/**
 * The rules of a pipeline, run in order on one message: each that applies to the message's
 * data runs, and what it reports is stamped with its `ruleId` and `source`. One loop over
 * arrays rather than a closure per rule: this runs ~18 times per message.
 */
function ruleRunner(active: ActiveRule[]): Transform {
  const rules = active.map((a) => a.rule);
  const options = active.map((a) => a.options);
  const transforms = active.map((a) => a.rule.create(a.options));
  const ids = rules.map((r) => r.meta.id);
  return (tree, file) => {
    const data = file.data.msglint as MessageData;
    const messages = file.messages;
    for (let r = 0; r < transforms.length; r++) {
      const rule = rules[r];
      if (rule.appliesTo && !rule.appliesTo(data, options[r])) continue;
      const before = messages.length;
      transforms[r](tree, file);
      for (let i = before; i < messages.length; i++) {
        messages[i].ruleId = ids[r];
        messages[i].source = 'msglint';
      }
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
    noteFeature(`language:${language}`);
    const parser = parserFor(language);
    pipeline = {
      parse: (file) => parser.parse(file) as Root,
      run: ruleRunner(active),
    };
    pipelines.set(key, pipeline);
  }
  return pipeline;
}
