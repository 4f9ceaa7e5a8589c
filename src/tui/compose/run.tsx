// Mounts the compose screen on the real terminal and returns how it was left.
import { runFullScreen, useTerminalSize } from '../terminal.js';
import type { Theme } from '../theme.js';
import { ComposeApp } from './compose-app.js';
import type { DraftLinter } from './draft-linter.js';
import type { ComposeExit } from './use-compose-keys.js';
import type { ComposeState } from './use-compose-state.js';

export async function runCompose(options: {
  initial: ComposeState;
  linter: DraftLinter;
  theme: Theme;
  budget?: number;
  copy: (text: string) => { ok: boolean; message: string };
}): Promise<ComposeExit> {
  let exit: ComposeExit = { kind: 'abort' };
  function Sized({ quit }: { quit: () => void }) {
    const { width, height } = useTerminalSize();
    return (
      <ComposeApp
        initial={options.initial}
        linter={options.linter}
        width={width}
        height={height}
        theme={options.theme}
        budget={options.budget}
        copy={options.copy}
        onExit={(e) => {
          exit = e;
          quit();
        }}
      />
    );
  }
  await runFullScreen((quit) => <Sized quit={quit} />);
  return exit;
}
