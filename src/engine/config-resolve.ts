// Which settings apply to a file: the cascade of `.lintrc` files from the file's directory
// up to the first `root: true` (nearer files win), each config's `extends` (built-in
// presets, shareable config packages, relative files) applied before its own settings, and
// its `overrides` whose `files` globs match applied after them.
//
// A `.lintrc` comes from the repository being linted, so `extends` may only name presets,
// msglint-config-* packages, and files inside the project: the folder of the outermost
// config of the cascade (the `root: true` one), or, with `--config`, that file's folder and
// the working directory. A package may only name files inside its own folder.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, emptyConfig, loadConfigFile, parseConfig, type Config, type ConfigFile, type RuleCatalog, type Settings } from './config.js';
import { escapeGlob, globMatcher } from './glob.js';
import { PRESETS } from './presets.js';
import { resolveFrom } from '../paths.js';

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

/** Where the config files named in `extends` may be: inside one of `dirs`. */
interface Scope {
  dirs: string[];
  /** for errors: "the project (…)" or "the package …" */
  label: string;
}

/** Is `path` inside `dir` (both compared as given)? */
const within = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** The real path (symbolic links resolved) of an existing path, else the path itself. */
const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** Inside the scope, both as written and after resolving symbolic links (a link may point out). */
const inScope = (scope: Scope, path: string) =>
  scope.dirs.some((dir) => within(dir, path)) && scope.dirs.some((dir) => within(real(dir), real(path)));

export class ConfigResolver {
  private readonly files = new Map<string, ConfigFile>();
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly expanded = new Map<string, Config>();

  /** `cwd`: the working directory, part of the project for a `--config` file. */
  constructor(
    private readonly catalog: RuleCatalog,
    private readonly cwd = process.cwd(),
  ) {}

  /** Settings for a file, from the `.lintrc` cascade. */
  forFile(filePath: string): Config {
    const dir = dirname(resolveFrom(process.cwd(), filePath));
    // Without `overrides` the settings depend on the folder only: computed once per folder
    // (a run over 5,000 files in 50 folders merged the cascade 5,000 times).
    const cached = this.byFolder.get(dir);
    if (cached) return cached;
    const chain = this.chain(dir);
    if (chain.length === 0) return emptyConfig();
    const root = dirname(chain[0].filePath);
    const scope = { dirs: [root], label: `the project (${root}, the folder of the root config)` };
    let config = emptyConfig();
    for (const file of chain) config = this.apply(config, file, filePath, scope);
    if (chain.every((file) => file.overrides.length === 0)) this.byFolder.set(dir, config);
    return config;
  }

  private readonly byFolder = new Map<string, Config>();

  /** Settings for a file from one explicit config file (`--config`). */
  forFileWith(configPath: string, filePath: string): Config {
    const path = resolve(configPath);
    const dirs = [dirname(path), resolve(this.cwd)];
    const scope = { dirs, label: `the project (${dirs.join(' or ')}: the --config file's folder and the working directory)` };
    return this.apply(emptyConfig(), this.load(path), filePath, scope);
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
  private apply(base: Config, file: ConfigFile, filePath: string, scope: Scope): Config {
    let config = mergeSettings(base, this.expandExtends(file, [file.filePath], scope));
    config = mergeSettings(config, file);
    const baseDir = dirname(file.filePath);
    config.ignorePatterns = [...config.ignorePatterns, ...file.ignorePatterns.map((p) => rebase(p, baseDir))];
    config.formats = [...config.formats, ...file.formats.map((entry) => ({ entry, baseDir }))];
    config.sources = [...config.sources, file.filePath];
    const rel = relative(baseDir, resolve(filePath)).split('\\').join('/');
    for (const override of file.overrides) {
      // Linear-time glob matching (glob.ts): a hostile glob cannot hang a run.
      const matches = globMatcher(override.files, { matchBase: !override.files.some((f) => f.includes('/')) });
      const excluded = override.excludedFiles.length ? globMatcher(override.excludedFiles) : () => false;
      if (matches(rel) && !excluded(rel)) config = mergeSettings(config, override);
    }
    return config;
  }

  /** The merged settings of a config's `extends` list (presets, packages, files). */
  private expandExtends(file: ConfigFile, stack: string[], scope: Scope): Settings {
    let settings: Config = emptyConfig();
    for (const [index, name] of file.extends.entries()) {
      const at = file.extendsAt?.[index];
      const fail = (message: string): never => {
        throw new ConfigError(`\`extends\`: ${message}`, file.filePath, at?.line, at?.column);
      };
      const target = this.resolveExtends(name, file.filePath, scope, fail);
      if (stack.includes(target.key)) throw new ConfigError(`\`extends\` cycle: ${[...stack, target.key].join(' → ')}`, file.filePath, at?.line, at?.column);
      // The scope is part of the key: a file reached from a narrower project is checked again.
      const key = `${target.scope.dirs.join('\0')}\0${target.key}`;
      let expanded = this.expanded.get(key);
      if (!expanded) {
        expanded = mergeSettings(mergeSettings(emptyConfig(), this.expandExtends(target.file, [...stack, target.key], target.scope)), target.file);
        this.expanded.set(key, expanded);
      }
      settings = mergeSettings(settings, expanded);
    }
    return settings;
  }

  private resolveExtends(name: string, from: string, scope: Scope, fail: (message: string) => never): { key: string; file: ConfigFile; scope: Scope } {
    const preset = name.replace(/^msglint:/, '');
    // Own keys only: `constructor` or `toString` is not a preset.
    if (Object.hasOwn(PRESETS, preset) && (name.startsWith('msglint:') || !name.includes('/'))) {
      return { key: `preset:${preset}`, file: parseConfig(PRESETS[preset], `msglint:${preset}`, this.catalog), scope };
    }
    if (name.startsWith('.') || name.startsWith('/')) {
      const path = resolve(dirname(from), name);
      // Checked before existence: an outside path is refused whether or not it exists.
      if (!inScope(scope, path)) fail(`\`${name}\` is outside ${scope.label}; only presets, msglint-config-* packages and files inside it can be extended`);
      if (!existsSync(path)) fail(`no such config file ${name}`);
      return { key: path, file: this.load(path), scope };
    }
    if (!SHAREABLE.test(name)) {
      fail(`unknown preset or package \`${name}\` (presets: ${Object.keys(PRESETS).join(', ')}; shareable configs are packages named msglint-config-*)`);
    }
    // A shareable config is data, never code: the package's `msglint` field (or its
    // .lintrc.json / .lintrc.yml) names the config file, inside the package.
    const require = createRequire(from);
    let pkgPath = '';
    let pkg: { msglint?: unknown } = {};
    try {
      pkgPath = require.resolve(`${name}/package.json`);
    } catch {
      fail(`cannot find the package \`${name}\` (is it installed?)`);
    }
    try {
      pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { msglint?: unknown };
    } catch (error) {
      fail(`cannot read the package.json of \`${name}\`: ${(error as Error).message}`);
    }
    const pkgDir = dirname(pkgPath);
    const pkgScope = { dirs: [pkgDir], label: `the package \`${name}\` (${pkgDir})` };
    const candidates = [pkg.msglint, '.lintrc.json', '.lintrc.yml', '.lintrc.yaml', '.lintrc'].filter((c): c is string => typeof c === 'string' && c !== '');
    const found = candidates.map((c) => join(pkgDir, c)).find((p) => existsSync(p));
    if (!found || /\.[cm]?js$/.test(found)) fail(`\`${name}\` has no config data file (set "msglint" in its package.json to a .json/.yml file)`);
    if (!inScope(pkgScope, found!)) fail(`the config file of \`${name}\` is outside ${pkgScope.label}`);
    return { key: found!, file: this.load(found!), scope: pkgScope };
  }
}

/** Ignore patterns are relative to their config file's directory (taken literally: a folder
 * named `[draft]` is not a glob). */
function rebase(pattern: string, baseDir: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const base = escapeGlob(baseDir.split(sep).join('/'));
  const absolute = body.startsWith('/') ? join(base, body) : join(base, body.includes('/') ? body : `**/${body}`);
  return (negated ? '!' : '') + absolute;
}
