/**
 * "Did you mean …?": the known word closest to a mistyped one, for config keys, rule ids and
 * document keys alike. Closeness is the optimal-string-alignment distance (Levenshtein plus
 * swapping two neighbours, the commonest typo), compared without case.
 */

/** The candidate nearest to `word`, if one is near enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = defaultMaxDistance(word)): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** One typo in a short word, two in a longer one: a four-letter word two edits away is another word. */
function defaultMaxDistance(word: string): number {
  if (word.length <= 3) return 0;
  return word.length <= 6 ? 1 : 2;
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
