// Dynamic import that also works in the bundled CLI. bin/msglint.js compiles the bundle with
// vm.Script (to use a V8 code cache), where `import()` would need an experimental flag on
// Node 20; the launcher lends its own importer instead. Always pass an absolute URL.
type Importer = (url: string) => Promise<unknown>;

export const IMPORTER = Symbol.for('msglint.import');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function importModule<T = any>(url: string): Promise<T> {
  const lent = (globalThis as Record<symbol, Importer | undefined>)[IMPORTER];
  return (lent ? lent(url) : import(url)) as Promise<T>;
}
