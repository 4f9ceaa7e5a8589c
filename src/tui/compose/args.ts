// `msglint compose` flags.
import { parseArgs } from 'node:util';
import type { ComposePreset } from './use-compose-state.js';

const CHANNELS = ['messenger', 'instagram', 'whatsapp', 'generic'];
const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];

export interface ComposeOptions {
  preset: ComposePreset;
  copy: boolean;
  config?: string;
  noConfig: boolean;
  help: boolean;
}

export function parseComposeArgs(argv: string[]): ComposeOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      channel: { type: 'string' },
      'messaging-type': { type: 'string' },
      tag: { type: 'string' },
      category: { type: 'string' },
      kind: { type: 'string' },
      locale: { type: 'string' },
      text: { type: 'string' },
      copy: { type: 'boolean', default: false },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument \`${positionals[0]}\` (compose takes no paths)`);
  const channel = values.channel?.toLowerCase();
  if (channel !== undefined && !CHANNELS.includes(channel)) throw new Error(`--channel must be one of ${CHANNELS.join(', ')}`);
  const messagingType = values['messaging-type']?.toUpperCase();
  if (messagingType !== undefined && !MESSAGING_TYPES.includes(messagingType)) throw new Error(`--messaging-type must be one of ${MESSAGING_TYPES.join(', ')}`);
  if (values.config && values['no-config']) throw new Error('--config and --no-config cannot be used together');
  return {
    preset: {
      channel,
      messagingType,
      tag: values.tag?.toUpperCase(),
      category: values.category?.toUpperCase(),
      kind: values.kind,
      locale: values.locale,
      text: values.text,
    },
    copy: values.copy as boolean,
    config: values.config,
    noConfig: values['no-config'] as boolean,
    help: values.help as boolean,
  };
}
