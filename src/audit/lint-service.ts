// Lints business messages with msglint's message rules, as `lintText` on the message text, at
// the policy of the message's date. Results are cached by (policy period, channel, context,
// text): bots send the same texts over and over, and a cached text costs nothing.
import type { Linter } from '../engine/lint.js';
import type { Finding, MessageContext } from '../types.js';
import { lintPolicyDate } from './policy.js';
import type { AuditRecord } from './records.js';

/** Sentinel spans: the engine reports findings about `tag` / `messaging_type` at these ranges. */
export const TAG_SPAN: [number, number] = [-4, -3];
export const MESSAGING_TYPE_SPAN: [number, number] = [-2, -1];

export interface LintServiceOptions {
  cwd: string;
  configFile?: string;
  useConfigFiles?: boolean;
  /** `--policy-date`: lint every message at this date instead of its own */
  policyDate?: string;
  cacheSize?: number;
}

export class LintService {
  private readonly linters = new Map<string, Linter>();
  private readonly cache = new Map<string, Finding[]>();
  private readonly cacheSize: number;
  linted = 0;
  cacheHits = 0;

  private constructor(
    private readonly LinterClass: typeof Linter,
    private readonly options: LintServiceOptions,
  ) {
    this.cacheSize = options.cacheSize ?? 20_000;
  }

  /** Loads the engine (rules, retext, dictionaries) only when linting is on. */
  static async create(options: LintServiceOptions): Promise<LintService> {
    const { Linter } = await import('../engine/lint.js');
    const service = new LintService(Linter, options);
    service.linter(options.policyDate ?? '0001-01-01', undefined).configFor('<text>'); // a broken config fails now, before any file
    return service;
  }

  private linter(policyDate: string, channel: string | undefined): Linter {
    const key = `${policyDate}\u0000${channel ?? ''}`;
    let linter = this.linters.get(key);
    if (!linter) {
      linter = new this.LinterClass({
        cwd: this.options.cwd,
        configFile: this.options.configFile,
        useConfigFiles: this.options.useConfigFiles ?? true,
        // The record's channel wins over a `.lintrc` channel (the engine lets config win over context).
        overrideConfig: { policyDate, ...(channel ? { channel: channel as MessageContext['channel'] } : {}) },
      });
      this.linters.set(key, linter);
    }
    return linter;
  }

  /**
   * Findings for a business message, positioned in its text (ranges are text offsets;
   * TAG_SPAN / MESSAGING_TYPE_SPAN for findings about those fields). Never mutate the result.
   */
  lint(record: AuditRecord, date: string): Finding[] {
    const policyDate = this.options.policyDate ?? lintPolicyDate(date);
    const kind = record.tag ? 'update' : 'reply';
    const key = [policyDate, record.channel ?? '', record.tag ?? '', record.messagingType ?? '', record.locale ?? '', kind, record.text].join('\u0000');
    const hit = this.cache.get(key);
    if (hit) {
      this.cacheHits++;
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    this.linted++;
    const context: Partial<MessageContext> = {
      channel: record.channel ?? 'messenger',
      kind,
      fieldSpans: { tag: TAG_SPAN, messagingType: MESSAGING_TYPE_SPAN },
    };
    if (record.tag) context.tag = record.tag;
    if (record.messagingType) context.messagingType = record.messagingType;
    if (record.locale) context.locale = record.locale;
    const result = this.linter(policyDate, record.channel).lintText(record.text, '<text>', context);
    // A retired tag is reported once, as `retired-tag`, by the audit's window checks.
    const findings = result.findings.filter((f) => !(f.ruleId === 'valid-message-tag' && /was retired on/.test(f.message)));
    this.cache.set(key, findings);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return findings;
  }
}
