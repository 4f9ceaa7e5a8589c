// Colours and symbols of the TUI. Only the 16 standard ANSI colours are used (terminal
// themes adapt them to dark and light backgrounds; no white/black/grey foregrounds, no
// hex or 256-colour values); selection and highlighted spans use inverse video, which reads
// on any background. With NO_COLOR set (to anything non-empty) or TERM=dumb, no colour is
// used at all: severities stay readable through their symbols and words.
import type { Severity } from '../types.js';

/** A colour name for Ink's `<Text color>`, or undefined for the terminal's default. */
export type Colour = 'red' | 'yellow' | 'cyan' | 'green' | 'magenta' | 'blue' | undefined;

export interface Theme {
  color: boolean;
  severity: Record<Severity, Colour>;
  /** titles, keys in hints */
  accent: Colour;
  /** successful actions */
  success: Colour;
  /** failed actions, over-limit counts */
  danger: Colour;
  /** secondary text: uses the dim attribute (not a colour) in every mode */
  muted: { dimColor: boolean };
  symbols: Record<Severity, string> & { pointer: string; ok: string; over: string };
}

export function colorEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  const color = colorEnabled(env);
  const c = (name: Exclude<Colour, undefined>): Colour => (color ? name : undefined);
  return {
    color,
    severity: { error: c('red'), warn: c('yellow'), info: c('cyan') },
    accent: c('cyan'),
    success: c('green'),
    danger: c('red'),
    muted: { dimColor: true },
    symbols: { error: '✖', warn: '⚠', info: 'ℹ', pointer: '▸', ok: '✓', over: '✖' },
  };
}

export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
