/** `rotate=20` in a link → 20 seconds a view; anything else (absent, 0, text) → 0, no rotation. At least 5 s. */
export function rotationSeconds(value: string | undefined): number {
  const seconds = Math.trunc(Number(value));
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(5, seconds) : 0;
}
