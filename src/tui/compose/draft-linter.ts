// The compose screen's linter. `Linter.lintText(text, path, defaults)` lets a config's
// top-level `channel` win over `defaults.channel`, so a draft set to WhatsApp in a project
// whose .lintrc says `channel: messenger` would be checked as Messenger. The settings the
// writer picks must win: one Linter per channel, with the channel as `overrideConfig`.
import { Linter, type LintOptions } from '../../engine/lint.js';
import type { Channel, FileResult, MessageContext } from '../../types.js';

export interface DraftLinter {
  lintText(text: string, filePath: string, defaults?: Partial<MessageContext>): FileResult;
}

export function draftLinter(options: LintOptions): DraftLinter {
  const byChannel = new Map<string, Linter>();
  return {
    lintText(text, filePath, defaults = {}) {
      const channel = (defaults.channel ?? 'generic') as Channel;
      let linter = byChannel.get(channel);
      if (!linter) {
        linter = new Linter({ ...options, overrideConfig: { ...options.overrideConfig, channel } });
        byChannel.set(channel, linter);
      }
      return linter.lintText(text, filePath, defaults);
    },
  };
}
