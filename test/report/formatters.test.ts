// Every output format on the same real findings; SARIF is validated against the SARIF 2.1.0
// schema (sarif-2.1.0-rtm.5.json, copied from @microsoft/jest-sarif, MIT licence).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';
import { loadFormatter, FORMATTER_NAMES } from '../../src/report/index.js';
import { rules } from '../../rules/index.js';
import type { FileResult } from '../../src/types.js';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function results(): FileResult[] {
  const linter = new Linter({ cwd: ROOT });
  return ['examples/templates/order-updates.yml', 'examples/drafts/reminder.md'].map((p) => linter.lintFile(p)!)
    .concat([linter.lintText('messages:\n  - text: "broken\n', 'broken.yml')]);
}

async function format(name: string): Promise<string> {
  const formatter = await loadFormatter(name, ROOT);
  return formatter(results(), { cwd: ROOT, color: false, rules, version: '0.0.0-test' });
}

describe('formatters', () => {
  it('sarif validates against the SARIF 2.1.0 schema and carries rule metadata', async () => {
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(require('./sarif-2.1.0-rtm.5.json'));
    const log = JSON.parse(await format('sarif'));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...rules.map((r) => r.meta.id), 'house-style']); // + the custom rule from examples/.lintrc
    expect(run.tool.driver.rules[0].helpUri).toMatch(/^https:\/\/.+#preview-length$/);
    const promo = run.results.find((r: { ruleId: string }) => r.ruleId === 'no-promotional-content');
    expect(promo.level).toBe('error');
    expect(promo.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'examples/templates/order-updates.yml', uriBaseId: '%SRCROOT%' });
    expect(promo.locations[0].physicalLocation.region.startLine).toBe(6);
    // The unparsable file is a tool notification, not a result.
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('Unterminated quoted string');
  });

  it('github emits workflow commands with escaped properties', async () => {
    const out = await format('github');
    expect(out).toMatch(/^::error file=examples\/templates\/order-updates.yml,line=6,col=\d+,endLine=6,endColumn=\d+,title=msglint \(no-promotional-content\)::Unexpected promotional phrase/m);
    expect(out).toMatch(/^::warning file=.*title=msglint \(no-sarcasm\)::/m);
    expect(out.trimEnd().split('\n').every((line) => line.startsWith('::'))).toBe(true); // newlines escaped
    expect(out).toContain('`10%25 off`');
  });

  it('unix and compact give one line per finding', async () => {
    expect(await format('unix')).toMatch(/^examples\/drafts\/reminder.md:4:6: Message tag `CONFIRMED_EVENT_UPDATE` was retired on 2026-04-27: requests with it fail \[Error\/valid-message-tag\]$/m);
    expect(await format('compact')).toMatch(/^examples\/drafts\/reminder.md: line 4, col 6, Error - Message tag .* \(valid-message-tag\)$/m);
  });

  it('junit and checkstyle are well-formed XML with escaped text', async () => {
    const junit = await format('junit');
    expect(junit).toContain('<testsuite package="msglint"');
    expect(junit).toContain('name="msglint.valid-message-tag" classname="examples/drafts/reminder"');
    const checkstyle = await format('checkstyle');
    expect(checkstyle).toContain('<file name="examples/drafts/reminder.md">');
    expect(checkstyle).toMatch(/<error line="4" column="6" severity="error" message="Message tag `CONFIRMED_EVENT_UPDATE` was retired[^"]*" source="msglint.valid-message-tag" \/>/);
    for (const xml of [junit, checkstyle]) {
      const tags = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').match(/<\/?[a-z]+|\/>/g) ?? [];
      let depth = 0;
      for (const t of tags) depth += t === '/>' || t.startsWith('</') ? -1 : 1;
      expect(depth).toBe(0);
    }
  });

  it('json keeps ESLint\'s shape', async () => {
    const json = JSON.parse(await format('json'));
    expect(Object.keys(json[0]).sort()).toEqual(['errorCount', 'fatalErrorCount', 'filePath', 'infoCount', 'messages', 'warningCount']);
    expect(json[0].messages[0]).toHaveProperty('ruleId');
    expect(json[2].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 2 });
  });

  it('knows every built-in formatter', () => {
    expect(FORMATTER_NAMES).toEqual(['stylish', 'json', 'sarif', 'github', 'unix', 'compact', 'junit', 'checkstyle']);
  });
});
