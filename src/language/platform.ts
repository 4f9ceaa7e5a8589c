// Platform data (tags with dates, limits, preview budgets) read from rules/data/platform/.
import { readDataFile } from './data-files.js';
import type { Channel, Component } from '../types.js';

export interface TagInfo {
  introduced?: string;
  retired?: string;
  allowed?: string;
  replacement?: string;
  humanOnly?: boolean;
  windowDays?: number;
  exceptionFor?: string;
}

export interface TagData {
  tags: Record<string, TagInfo>;
  messagingTypes: string[];
}

export interface LimitData {
  length: Record<Channel, Partial<Record<Component, number>>>;
  count: Record<Channel, { quickReplies?: number; buttons?: number; elements?: number }>;
  preview: Record<Channel, number>;
}

let tagData: TagData | undefined;
let limitData: LimitData | undefined;

/** YAML dates parse as strings with the core schema; keep them as `YYYY-MM-DD` strings. */
function readData<T>(name: string): T {
  return readDataFile(`platform/${name}`) as T;
}

export function tags(): TagData {
  return (tagData ??= readData<TagData>('tags.yml'));
}

export function limits(): LimitData {
  return (limitData ??= readData<LimitData>('limits.yml'));
}

/** Today's date as `YYYY-MM-DD` (UTC), the default policy date. */
export function today(): string {
  // Asked once per file: the text is remade only when the UTC day changes.
  const now = Date.now();
  const day = Math.floor(now / 86_400_000);
  if (day !== todayNumber) {
    todayNumber = day;
    todayText = new Date(now).toISOString().slice(0, 10);
  }
  return todayText;
}
let todayNumber = Number.NaN;
let todayText = '';
