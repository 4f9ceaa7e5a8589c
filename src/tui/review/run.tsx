// Mounts the review screen on the real terminal.
import type { ReviewSession } from '../model/session.js';
import { runEditorInTerminal, runFullScreen, useTerminalSize } from '../terminal.js';
import type { Theme } from '../theme.js';
import { ReviewApp } from './review-app.js';

function SizedReview({ session, theme, env, onQuit }: { session: ReviewSession; theme: Theme; env: NodeJS.ProcessEnv; onQuit: () => void }) {
  const { width, height } = useTerminalSize();
  return <ReviewApp session={session} width={width} height={height} theme={theme} env={env} onQuit={onQuit} runEditor={runEditorInTerminal} />;
}

export async function runReview(session: ReviewSession, theme: Theme, env: NodeJS.ProcessEnv): Promise<void> {
  await runFullScreen((quit) => <SizedReview session={session} theme={theme} env={env} onQuit={quit} />);
}
