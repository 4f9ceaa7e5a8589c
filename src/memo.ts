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
