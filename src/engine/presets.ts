// Built-in presets for `extends`, as config text (parsed and validated like user configs).
//   recommended  the rules at their default severities (the default without any config)
//   strict       everything an error, tighter brevity and preview budgets
//   messenger / instagram / whatsapp   the channel for every message
export const PRESETS: Record<string, string> = {
  recommended: '{}',
  strict: JSON.stringify({
    rules: {
      'preview-length': ['error', { budget: 62 }],
      'max-length': ['error', { maxSentences: 2 }],
      'platform-limits': 'error',
      'no-promotional-content': 'error',
      'valid-message-tag': 'error',
      'no-sarcasm': 'error',
      spelling: 'error',
      readability: ['error', { age: 14, minWords: 5 }],
      'require-closing': 'error',
      'require-greeting': 'error',
      'whatsapp-template': 'error',
      'set-expectations': 'error',
      'offer-human-handoff': 'error',
      'no-third-party-forwarding': 'error',
      'no-sensitive-data-request': 'error',
      'no-shouting': 'error',
      'personalize-greeting': 'warn',
      'one-time-notification-topic': 'error',
    },
  }),
  messenger: JSON.stringify({ channel: 'messenger' }),
  instagram: JSON.stringify({ channel: 'instagram' }),
  whatsapp: JSON.stringify({ channel: 'whatsapp' }),
};
