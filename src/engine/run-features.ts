// What a run used that decides which of msglint's code it compiled: the formats it read and
// the languages it checked. The launcher keeps its V8 code cache with the set it was written
// for (bin/load.js) and writes it again after a run that used something new, so that the
// cache does not stay what the first run after an install happened to need.
const used = new Set<string>();

export function noteFeature(name: string): void {
  used.add(name);
}

/** The features used so far in this process, sorted. */
export function usedFeatures(): string[] {
  return [...used].sort();
}
