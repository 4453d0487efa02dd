/**
 * "Did you mean …?": the known word closest to a mistyped one, for config keys, rule ids and
 * document keys alike. Closeness is the optimal-string-alignment distance (Levenshtein plus
 * swapping two neighbours, the commonest typo), compared without case.
 */

/**
 * The candidate nearest to `word`, if one is near enough to be what was meant: at most
 * `maxDistance` edits, and fewer than a third of the longer word (`id` is not a typo of `ip`,
 * two edits in a four-letter word make another word). The first listed wins a tie; the word
 * itself is not a suggestion.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const limit = Math.min(maxDistance, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(limit + 1, bestDistance));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The rule id (or other name) a mistyped one most likely meant: the closest by spelling, else
 * the one that contains it or that it contains (`kebab-case` for `path-kebab-case`,
 * `plural-collections-x` for `plural-collections`).
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  return closest(word, candidates) ?? candidates.find((candidate) => candidate !== word && (candidate.includes(word) || word.includes(candidate)));
}

/** The edit distance of `a` and `b`, or `limit` (or more) as soon as it cannot be less. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
