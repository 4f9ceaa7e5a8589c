// Line-oriented and XML formatters for CI systems: github, unix, compact, junit, checkstyle.
import type { FileResult, Finding } from '../types.js';

const LABEL = { error: 'Error', warn: 'Warning', info: 'Info' } as const;

/** GitHub Actions workflow commands: annotations on the pull request. */
export function github(results: FileResult[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = { error: 'error', warn: 'warning', info: 'notice' } as const;
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props = [`file=${escapeProperty(r.filePath)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(`msglint (${f.ruleId ?? 'fatal'})`)}`];
      lines.push(`::${command[f.severity]} ${props.join(',')}::${escapeData(f.help ? `${f.message}\n${f.help}` : f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** `path:line:col: message [Severity/rule]`, one per line (grep, editors' quickfix). */
export function unix(results: FileResult[]): string {
  const lines = results.flatMap((r) => r.findings.map((f) => `${r.filePath}:${f.line}:${f.column}: ${f.message} [${LABEL[f.severity]}${f.ruleId ? `/${f.ruleId}` : ''}]`));
  return lines.length ? `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n` : '';
}

/** ESLint's compact format. */
export function compact(results: FileResult[]): string {
  const lines = results.flatMap((r) => r.findings.map((f) => `${r.filePath}: line ${f.line}, col ${f.column}, ${LABEL[f.severity]} - ${f.message}${f.ruleId ? ` (${f.ruleId})` : ''}`));
  return lines.length ? `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n` : '';
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** JUnit XML as ESLint writes it: one test suite per file, one test case per finding. */
export function junit(results: FileResult[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const r of results) {
    const classname = r.filePath.replace(/\.[^/.]+$/, '');
    if (r.findings.length === 0) {
      out.push(`<testsuite package="msglint" time="0" tests="1" errors="0" name="${xmlEscape(r.filePath)}">`);
      out.push(`<testcase time="0" name="msglint" classname="${xmlEscape(classname)}" />`);
    } else {
      out.push(`<testsuite package="msglint" time="0" tests="${r.findings.length}" errors="${r.findings.length}" name="${xmlEscape(r.filePath)}">`);
      for (const f of r.findings) {
        const detail = `line ${f.line}, col ${f.column}, ${LABEL[f.severity]} - ${f.message}${f.ruleId ? ` (${f.ruleId})` : ''}`;
        out.push(`<testcase time="0" name="msglint.${xmlEscape(f.ruleId ?? 'fatal')}" classname="${xmlEscape(classname)}"><failure message="${xmlEscape(f.message)}">${cdata(detail)}</failure></testcase>`);
      }
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** Checkstyle XML (Jenkins warnings-ng, reviewdog). */
export function checkstyle(results: FileResult[]): string {
  const severity = (f: Finding) => (f.severity === 'warn' ? 'warning' : f.severity);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`<file name="${xmlEscape(r.filePath)}">`);
    for (const f of r.findings) {
      out.push(`<error line="${f.line}" column="${f.column}" severity="${severity(f)}" message="${xmlEscape(f.message)}" source="msglint.${xmlEscape(f.ruleId ?? 'fatal')}" />`);
    }
    out.push('</file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
