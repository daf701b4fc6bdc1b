/** The box of a turn band on the canvas (see TurnBand). */
export interface BandBox {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The first two turns whose bands cover the same part of the canvas (ordered by turn), or null.
 * Bands that only touch do not overlap. Positions a user saved (or a chain that turned
 * multi-turn after being laid out by level) can put two turns in one column: the canvas then
 * says so and offers "Auto layout".
 */
export function firstBandOverlap(bands: readonly BandBox[]): [number, number] | null {
  const byTurn = [...bands].sort((a, b) => a.index - b.index);
  for (let i = 0; i < byTurn.length; i += 1) {
    const a = byTurn[i];
    for (let j = i + 1; j < byTurn.length; j += 1) {
      const b = byTurn[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) return [a.index, b.index];
    }
  }
  return null;
}
