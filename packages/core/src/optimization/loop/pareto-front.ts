// The Pareto front over validation score (higher is better) and prompt tokens (fewer is better).

export interface ParetoPoint {
  readonly id: string;
  readonly score: number;
  readonly tokens: number;
}

/**
 * Ids of the points no other point dominates (at least as good on both, better on one), by score descending.
 * @example
 * paretoFront([{ id: 'a', score: 0.8, tokens: 90 }, { id: 'b', score: 0.8, tokens: 60 }, { id: 'c', score: 0.5, tokens: 20 }]);
 * // ['b', 'c']
 */
export function paretoFront(points: readonly ParetoPoint[]): string[] {
  const dominated = (point: ParetoPoint) =>
    points.some(
      (other) =>
        other !== point &&
        other.score >= point.score &&
        other.tokens <= point.tokens &&
        (other.score > point.score || other.tokens < point.tokens),
    );
  return points
    .filter((point) => !dominated(point))
    .sort((a, b) => b.score - a.score || a.tokens - b.tokens)
    .map((point) => point.id);
}
