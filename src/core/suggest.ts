/** Did-you-mean: the closest names to a mistyped one. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** The closest candidates to a mistyped name, best first. */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    const limit = Math.max(2, Math.floor(c.length / 3));
    // A name that begins a candidate (calc-gradient-dir → calc-gradient-direction) is the likeliest meaning.
    const prefix = name.length >= 3 && c.toLowerCase().startsWith(name.toLowerCase());
    if (d <= limit || c.startsWith(name) || (name.length >= 3 && c.includes(name))) scored.push([c, prefix ? 0 : d]);
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, max).map(([c]) => c);
}
