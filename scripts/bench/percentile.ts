// The bench's one percentile: the sample at rank ⌊n·p/100⌋ of the sorted samples (the last for p = 100), no
// interpolation, so a figure is always one that was measured. The median is its p = 50.
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}
