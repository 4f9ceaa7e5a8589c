// The Ink progress bar: finished files go to <Static> (printed once, above), the bar below.
import { Box, render, Static, Text } from 'ink';
import type { ProgressSnapshot } from './progress.js';
import { makeTheme, type Theme } from './theme.js';
import { truncate } from './text.js';

export interface ProgressHandle {
  update(snapshot: ProgressSnapshot): void;
  close(): Promise<void>;
}

export function ProgressView({ snapshot, theme, width }: { snapshot: ProgressSnapshot; theme: Theme; width: number }) {
  const { total, done, findings } = snapshot;
  const barWidth = Math.max(10, Math.min(40, width - 50));
  const filled = total > 0 ? Math.round((barWidth * Math.min(done, total)) / total) : barWidth;
  const seconds = (snapshot.elapsedMs / 1000).toFixed(1);
  const items = snapshot.finished.map((f, i) => ({ ...f, key: `${i}` }));
  return (
    <>
      <Static items={items}>
        {(f) => (
          <Text key={f.key}>
            <Text color={f.findings > 0 ? theme.severity.warn : theme.success}>{f.findings > 0 ? theme.symbols.warn : theme.symbols.ok}</Text> {truncate(f.path, Math.max(10, width - 20))}
            {f.findings > 0 ? <Text dimColor>{`  ${f.findings} finding${f.findings === 1 ? '' : 's'}`}</Text> : null}
          </Text>
        )}
      </Static>
      <Box>
        <Text>
          <Text color={theme.accent}>{'█'.repeat(filled)}</Text>
          <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
          {` ${done}/${total} files · ${findings} finding${findings === 1 ? '' : 's'} · ${seconds} s`}
          {snapshot.current && !snapshot.ended ? <Text dimColor>{`  ${truncate(snapshot.current, Math.max(10, width - barWidth - 45))}`}</Text> : null}
        </Text>
      </Box>
    </>
  );
}

export function mountProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, initial: ProgressSnapshot): ProgressHandle {
  const theme = makeTheme(env);
  const width = () => stream.columns || 80;
  const instance = render(<ProgressView snapshot={initial} theme={theme} width={width()} />, { stdout: stream, patchConsole: false, exitOnCtrlC: false });
  return {
    update(snapshot) {
      instance.rerender(<ProgressView snapshot={snapshot} theme={theme} width={width()} />);
    },
    async close() {
      instance.unmount();
      await instance.waitUntilExit().catch(() => undefined);
    },
  };
}
