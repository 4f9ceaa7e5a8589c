// The audit's own checks, described as rules so formatters (SARIF rule metadata, help URLs)
// treat them like msglint's message rules. They are not message rules: they run on
// conversations (auditor.ts), never inside the linter.
import type { Rule } from '../engine/rule.js';
import { HOMEPAGE } from '../engine/docs-url.js';

export const AUDIT_RULE_IDS = ['window-24h', 'human-agent-window', 'human-agent-automated', 'retired-tag', 'no-open-window'] as const;
export type AuditRuleId = (typeof AUDIT_RULE_IDS)[number];

export function auditDocUrl(id: string): string {
  return `${HOMEPAGE}/blob/main/docs/audit.md#${id}`;
}

const DESCRIPTIONS: Record<AuditRuleId, [string, string]> = {
  'window-24h': [
    'A business message sent more than 24 hours after the customer\'s last message without a message tag in force (or a CUSTOMER_FEEDBACK message after its 7 days).',
    'Messenger lets a business reply within 24 hours of the person\'s last message; later messages need a tag that fits (FACTS.md: the messaging window; error 10 / 2018278 "sent outside of allowed window").',
  ],
  'human-agent-window': [
    'A HUMAN_AGENT message sent more than 7 days after the customer\'s last message, or with no customer message before it.',
    'HUMAN_AGENT allows a human reply within 7 days of the person\'s message (FACTS.md: message tags).',
  ],
  'human-agent-automated': [
    'A HUMAN_AGENT message marked `automated`.',
    'HUMAN_AGENT may not carry automated messages (FACTS.md: message tags).',
  ],
  'retired-tag': [
    'A tagged business message whose tag was retired on the message\'s date (or on --policy-date).',
    'Requests with CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE fail with error 100 from 2026-04-27; the 2020-03-04 consolidation retired 16 older tags (rules/data/platform/tags.yml).',
  ],
  'no-open-window': [
    'An untagged business message with no earlier customer message in its conversation: no messaging window is open.',
    'Only an action of the person opens the 24-hour window (FACTS.md: the messaging window).',
  ],
};

export const auditRules: Rule<any>[] = AUDIT_RULE_IDS.map((id) => ({
  meta: {
    id,
    type: 'problem',
    description: DESCRIPTIONS[id][0],
    rationale: DESCRIPTIONS[id][1],
    severity: 'error',
    appliesTo: 'business messages in conversation exports (`msglint audit`)',
    languageDependent: false,
    options: {},
    examples: { valid: [], invalid: [] },
  },
  create: () => () => {},
}));
