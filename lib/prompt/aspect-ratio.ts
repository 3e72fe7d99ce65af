/** The ratios people use and Midjourney users expect, portrait and landscape. */
const COMMON: Array<[number, number]> = [
  [1, 1],
  [5, 4],
  [4, 3],
  [3, 2],
  [16, 10],
  [16, 9],
  [2, 1],
  [21, 9],
  [3, 1],
  [4, 5],
  [3, 4],
  [2, 3],
  [10, 16],
  [9, 16],
  [1, 2],
  [9, 21],
  [1, 3],
];

/**
 * Width × height → the nearest common ratio ("16:9"), nearest on a log scale so that
 * portrait and landscape errors weigh the same. 1600×900 → 16:9, 1365×768 → 16:9.
 */
export function nearestAspectRatio(width: number, height: number): string {
  if (!(width > 0 && height > 0)) throw new RangeError(`Invalid size ${width}×${height}`);
  const target = Math.log(width / height);
  let best = COMMON[0]!;
  for (const candidate of COMMON) {
    if (Math.abs(Math.log(candidate[0] / candidate[1]) - target) < Math.abs(Math.log(best[0] / best[1]) - target))
      best = candidate;
  }
  return `${best[0]}:${best[1]}`;
}
