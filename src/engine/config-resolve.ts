// Which settings apply to a file: the cascade of `.lintrc` files from the file's directory
// up to the first `root: true` (nearer files win), each config's `extends` (built-in
// presets, shareable config packages, relative files) applied before its own settings, and
// its `overrides` whose `files` globs match applied after them.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAMES, ConfigError, emptyConfig, loadConfigFile, parseConfig, type Config, type ConfigFile, type RuleCatalog, type Settings } from './config.js';
import { PRESETS } from './presets.js';

/** Merges `next` over `base` (ESLint's semantics: a bare level keeps the earlier options). */
export function mergeSettings<T extends Settings>(base: T, next: Settings): T {
  const rules = { ...base.rules };
  for (const [id, setting] of Object.entries(next.rules)) {
    const previous = rules[id];
    if (!Array.isArray(setting) && Array.isArray(previous) && previous[1]) rules[id] = [setting, previous[1]];
    else if (Array.isArray(setting) && setting.length === 1 && Array.isArray(previous) && previous[1]) rules[id] = [setting[0], previous[1]];
    else rules[id] = setting;
  }
  return {
    ...base,
    rules,
    words: [...base.words, ...next.words],
    placeholders: [...base.placeholders, ...next.placeholders],
    context: { ...base.context, ...next.context },
    customRules: { ...base.customRules, ...next.customRules },
    messageContext: [...(base.messageContext ?? []), ...(next.messageContext ?? [])],
    ...(next.channel !== undefined ? { channel: next.channel } : {}),
    ...(next.locale !== undefined ? { locale: next.locale } : {}),
    ...(next.policyDate !== undefined ? { policyDate: next.policyDate } : {}),
  };
}

const SHAREABLE = /^(@[^/]+\/)?msglint-config(-[\w.-]+)?$/;

export class ConfigResolver {
  private readonly files = new Map<string, ConfigFile>();
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly expanded = new Map<string, Config>();

  constructor(private readonly catalog: RuleCatalog) {}

  /** Settings for a file, from the `.lintrc` cascade. */
  forFile(filePath: string): Config {
    const chain = this.chain(dirname(resolve(filePath)));
    let config = emptyConfig();
    for (const file of chain) config = this.apply(config, file, filePath);
    return config;
  }

  /** Settings for a file from one explicit config file (`--config`). */
  forFileWith(configPath: string, filePath: string): Config {
    return this.apply(emptyConfig(), this.load(resolve(configPath)), filePath);
  }

  /** Config files that apply to a directory, farthest first, stopping at `root: true`. */
  chain(dir: string): ConfigFile[] {
    const out: ConfigFile[] = [];
    let current: string | undefined = this.nearest(dir);
    while (current) {
      const file = this.load(current);
      out.unshift(file);
      if (file.root) break;
      const parent = dirname(dirname(current));
      current = parent === dirname(current) ? undefined : this.nearest(parent);
    }
    return out;
  }

  private nearest(dir: string): string | undefined {
    let current = resolve(dir);
    const visited: string[] = [];
    let found: string | null = null;
    for (;;) {
      const cached = this.nearestByDir.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(current);
      const hit = CONFIG_FILE_NAMES.map((n) => join(current, n)).find((p) => existsSync(p));
      if (hit) {
        found = hit;
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.nearestByDir.set(d, found);
    return found ?? undefined;
  }

  private load(path: string): ConfigFile {
    let file = this.files.get(path);
    if (!file) {
      file = loadConfigFile(path, this.catalog);
      this.files.set(path, file);
    }
    return file;
  }

  /** Applies one config file (its extends, itself, its matching overrides) for `filePath`. */
  private apply(base: Config, file: ConfigFile, filePath: string): Config {
    let config = mergeSettings(base, this.expandExtends(file, [file.filePath]));
    config = mergeSettings(config, file);
    const baseDir = dirname(file.filePath);
    config.ignorePatterns = [...config.ignorePatterns, ...file.ignorePatterns.map((p) => rebase(p, baseDir))];
    config.formats = [...config.formats, ...file.formats.map((entry) => ({ entry, baseDir }))];
    config.sources = [...config.sources, file.filePath];
    const rel = relative(baseDir, resolve(filePath)).split('\\').join('/');
    for (const override of file.overrides) {
      const matches = picomatch(override.files, { dot: true, matchBase: !override.files.some((f) => f.includes('/')) });
      const excluded = override.excludedFiles.length ? picomatch(override.excludedFiles, { dot: true }) : () => false;
      if (matches(rel) && !excluded(rel)) config = mergeSettings(config, override);
    }
    return config;
  }

  /** The merged settings of a config's `extends` list (presets, packages, files). */
  private expandExtends(file: ConfigFile, stack: string[]): Settings {
    let settings: Config = emptyConfig();
    for (const name of file.extends) {
      const target = this.resolveExtends(name, file.filePath);
      if (stack.includes(target.key)) {
        throw new ConfigError(`\`extends\` cycle: ${[...stack, target.key].join(' → ')}`, file.filePath);
      }
      let expanded = this.expanded.get(target.key);
      if (!expanded) {
        expanded = mergeSettings(mergeSettings(emptyConfig(), this.expandExtends(target.file, [...stack, target.key])), target.file);
        this.expanded.set(target.key, expanded);
      }
      settings = mergeSettings(settings, expanded);
    }
    return settings;
  }

  private resolveExtends(name: string, from: string): { key: string; file: ConfigFile } {
    const preset = name.replace(/^msglint:/, '');
    if (PRESETS[preset] && (name.startsWith('msglint:') || !name.includes('/'))) {
      return { key: `preset:${preset}`, file: parseConfig(PRESETS[preset], `msglint:${preset}`, this.catalog) };
    }
    if (name.startsWith('.') || name.startsWith('/')) {
      const path = resolve(dirname(from), name);
      if (!existsSync(path)) throw new ConfigError(`\`extends\`: no such config file ${name}`, from);
      return { key: path, file: this.load(path) };
    }
    if (!SHAREABLE.test(name)) {
      throw new ConfigError(
        `\`extends\`: unknown preset or package \`${name}\` (presets: ${Object.keys(PRESETS).join(', ')}; shareable configs are packages named msglint-config-*)`,
        from,
      );
    }
    // A shareable config is data, never code: the package's `msglint` field (or its
    // .lintrc.json / .lintrc.yml) names the config file.
    const require = createRequire(from);
    let pkgPath: string;
    try {
      pkgPath = require.resolve(`${name}/package.json`);
    } catch {
      throw new ConfigError(`\`extends\`: cannot find the package \`${name}\` (is it installed?)`, from);
    }
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { msglint?: string };
    const candidates = [pkg.msglint, '.lintrc.json', '.lintrc.yml', '.lintrc.yaml', '.lintrc'].filter((c): c is string => Boolean(c));
    const found = candidates.map((c) => join(dirname(pkgPath), c)).find((p) => existsSync(p));
    if (!found || /\.[cm]?js$/.test(found)) throw new ConfigError(`\`extends\`: \`${name}\` has no config data file (set "msglint" in its package.json to a .json/.yml file)`, from);
    return { key: found, file: this.load(found) };
  }
}

/** Ignore patterns are relative to their config file's directory. */
function rebase(pattern: string, baseDir: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const absolute = body.startsWith('/') ? join(baseDir, body) : join(baseDir, body.includes('/') ? body : `**/${body}`);
  return (negated ? '!' : '') + absolute;
}
