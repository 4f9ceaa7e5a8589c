// Answers of a function of one string, remembered: the checks ask the same questions of the
// few words, locales and globs of a run again and again. The memory is bounded: past `max`
// entries everything is forgotten (huge inputs, or a library process that runs for long).

/** `compute`, remembered per argument (also when the answer is `undefined`). */
export function memoize<T>(compute: (key: string) => T, max = 50_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer as T;
  };
}

/**
 * `map.get(key)`, a new inner map when missing: per-message lookups by two or three keys go
 * through nested maps instead of a key string built per call.
 */
export function innerMap<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}
