// Optional clipboard copy for compose: uses wl-copy (Wayland), xclip (X11) or pbcopy
// (macOS) when one is on PATH; msglint never depends on it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

export function clipboardCommand(env: NodeJS.ProcessEnv, platform = process.platform): { command: string; args: string[] } | undefined {
  if (platform === 'darwin' && onPath('pbcopy', env)) return { command: 'pbcopy', args: [] };
  if (env.WAYLAND_DISPLAY && onPath('wl-copy', env)) return { command: 'wl-copy', args: [] };
  if (env.DISPLAY && onPath('xclip', env)) return { command: 'xclip', args: ['-selection', 'clipboard'] };
  return undefined;
}

export function copyToClipboard(text: string, env: NodeJS.ProcessEnv): { ok: boolean; message: string } {
  const tool = clipboardCommand(env);
  if (!tool) return { ok: false, message: 'No clipboard tool (wl-copy, xclip or pbcopy) found' };
  const result = spawnSync(tool.command, tool.args, { input: text, env, timeout: 3000, stdio: ['pipe', 'ignore', 'ignore'] });
  if (result.error || result.status !== 0) return { ok: false, message: `${tool.command} failed` };
  return { ok: true, message: `Copied to the clipboard (${tool.command})` };
}
