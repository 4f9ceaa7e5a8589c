// The built-in rules, in the order they are documented.
import type { Rule } from '../src/engine/rule.js';
import previewLength from './preview-length.js';
import maxLength from './max-length.js';
import platformLimits from './platform-limits.js';
import noPromotionalContent from './no-promotional-content.js';
import validMessageTag from './valid-message-tag.js';
import whatsappTemplate from './whatsapp-template.js';
import noSarcasm from './no-sarcasm.js';
import spelling from './spelling.js';
import readability from './readability.js';
import requireClosing from './require-closing.js';
import requireGreeting from './require-greeting.js';
import setExpectations from './set-expectations.js';
import offerHumanHandoff from './offer-human-handoff.js';
import noThirdPartyForwarding from './no-third-party-forwarding.js';
import noSensitiveDataRequest from './no-sensitive-data-request.js';
import noShouting from './no-shouting.js';
import personalizeGreeting from './personalize-greeting.js';
import oneTimeNotificationTopic from './one-time-notification-topic.js';

export const rules: Rule<any>[] = [
  previewLength,
  maxLength,
  platformLimits,
  noPromotionalContent,
  validMessageTag,
  whatsappTemplate,
  noSarcasm,
  spelling,
  readability,
  requireClosing,
  requireGreeting,
  setExpectations,
  offerHumanHandoff,
  noThirdPartyForwarding,
  noSensitiveDataRequest,
  noShouting,
  personalizeGreeting,
  oneTimeNotificationTopic,
];

export const ruleIds = rules.map((r) => r.meta.id);

export function getRule(id: string): Rule<any> | undefined {
  return rules.find((r) => r.meta.id === id);
}
