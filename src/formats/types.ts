// The contract every input format adapter fulfils: turn one file into Messages.
import type { Document } from 'yaml';
import type { Message, MessageContext } from '../types.js';

/** A problem that stops a file (or part of it) from being read, positioned in the file. */
export class FormatError extends Error {
  /** file offset (UTF-16 code units into the decoded text) */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'FormatError';
    this.offset = offset;
  }
}

export interface FormatInput {
  filePath: string;
  /** decoded file text, BOM removed */
  text: string;
  /** the file parsed as YAML/JSON (with source tokens), for structured formats; parsed once */
  document(): Document.Parsed;
  /** drops the parsed document (the engine calls it once messages are extracted: on a 1 MB
   * file the document with its source tokens is ~60 MB that nothing needs any more) */
  release?(): void;
}

/** Inline suppression directive found by an adapter (comment or field). */
export interface Directive {
  /** `disable-range` comes from JSON fields and covers `range` */
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-range';
  rules: string[];
  reason?: string;
  /** file offset of the directive comment */
  offset: number;
  /** file offsets covered by a `disable-range` directive */
  range?: [number, number];
}

export interface Extraction {
  messages: Message[];
  /** non-fatal problems (a bad entry); the rest of the file is still linted */
  errors?: FormatError[];
  directives?: Directive[];
}

export interface FormatAdapter {
  /** stable id, usable in config `formats` to force an adapter */
  id: string;
  description: string;
  /** file extensions this adapter may read (lowercase, with dot) */
  extensions: string[];
  /** true when this adapter recognises the file (by path and/or content) */
  detect(input: FormatInput): boolean;
  /** placeholder styles used by this format (ids from src/engine/placeholders.ts) */
  placeholderStyles: string[];
  extract(input: FormatInput, defaults: Partial<MessageContext>): Extraction;
}
