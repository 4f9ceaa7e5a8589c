// `--format json` for the audit: `{ "results": [...], "metrics": {...} }`, byte for byte what
// `JSON.stringify({ results: toJsonResults(results), metrics }, null, 2)` prints, but written
// in pieces of about 1 MB, one finding at a time, so that a large audit (hundreds of thousands
// of findings) never builds the whole document (and a copy of every finding) in memory.
import { toJsonResults } from '../report/json.js';
import type { FileResult } from '../types.js';

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

export function writeJson(write: (text: string) => void, results: FileResult[], metrics: unknown): void {
  let buffer = '';
  const out = (text: string) => {
    buffer += text;
    if (buffer.length >= 1 << 20) {
      write(buffer);
      buffer = '';
    }
  };
  out('{\n  "results": [');
  results.forEach((result, i) => {
    // The file's fields without its messages, in toJsonResults' key order.
    const [shape] = toJsonResults([{ ...result, findings: [] }]);
    out(`${i === 0 ? '' : ','}\n    {`);
    const keys = Object.keys(shape) as (keyof typeof shape)[];
    keys.forEach((key, k) => {
      out(`${k === 0 ? '' : ','}\n      ${JSON.stringify(key)}: `);
      if (key !== 'messages') {
        out(indent(JSON.stringify(shape[key], null, 2), '      '));
        return;
      }
      if (result.findings.length === 0) {
        out('[]');
        return;
      }
      out('[');
      result.findings.forEach((finding, f) => {
        const [message] = toJsonResults([{ ...result, findings: [finding] }])[0].messages;
        out(`${f === 0 ? '' : ','}\n        ${indent(JSON.stringify(message, null, 2), '        ')}`);
      });
      out('\n      ]');
    });
    out('\n    }');
  });
  out(results.length === 0 ? ']' : '\n  ]');
  out(`,\n  "metrics": ${indent(JSON.stringify(metrics, null, 2), '  ')}\n}\n`);
  if (buffer) write(buffer);
}
