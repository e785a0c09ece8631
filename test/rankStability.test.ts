/**
 * Rank stability, computed by hand on three units (indicators i1…i5):
 *   A [1, 4, 0, 0, 0], B [0.5, 2, 4, 0, 0], C [0, 0, 3, 0, 0]; weights 30, 20, 15, 15, 20 (Σ 100).
 * 比值法: A = 30 + 20 = 50; B = 15 + 10 + 15 = 40; C = 15 × 3/4 = 11.25 → A 1, B 2, C 3.
 * Weight ③ + 5 (Σ 105): A 50/105×100 = 47.6; B (15 + 10 + 20)/105×100 = 42.9 → unchanged.
 * Weight ① − 5 (Σ 95): A 45/95 = 47.4; B (12.5 + 10 + 15)/95 = 39.5 → unchanged.
 * 功效系数法 (0.6 + 0.4 × (x − min)/(max − min), 1 when all equal; i4, i5 all 0 → 1 each):
 *   A: 30 + 20 + 15×0.6 + 15 + 20 = 94; B: 30×0.8 + 20×0.8 + 15 + 15 + 20 = 90;
 *   C: 30×0.6 + 20×0.6 + 15×(0.6 + 0.4×3/4) + 35 = 18 + 12 + 13.5 + 35 = 78.5 → A 1, B 2, C 3.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../src/domain/defaults';
import { rankStability, weightVariants } from '../src/domain/figures/rankStability';

const rows = [
  { code: 'A', name: 'A', indicators: [1, 4, 0, 0, 0] as [number, number, number, number, number] },
  { code: 'B', name: 'B', indicators: [0.5, 2, 4, 0, 0] as [number, number, number, number, number] },
  { code: 'C', name: 'C', indicators: [0, 0, 3, 0, 0] as [number, number, number, number, number] },
];

describe('rank stability', () => {
  it('moves each weight by ±5 in turn, never below 0', () => {
    expect(weightVariants([30, 20, 15, 15, 20])).toHaveLength(10);
    expect(weightVariants([0, 20, 15, 15, 20])[1]).toEqual([0, 20, 15, 15, 20]);
    expect(weightVariants([30, 20, 15, 15, 20])[4]).toEqual([30, 20, 20, 15, 20]);
  });

  it('keeps a clear order stable under every variant', () => {
    expect(rankStability(rows, DEFAULT_WEIGHTS, 'ratio')).toEqual([
      { code: 'A', rank: 1, otherMethodRank: 1, best: 1, worst: 1 },
      { code: 'B', rank: 2, otherMethodRank: 2, best: 2, worst: 2 },
      { code: 'C', rank: 3, otherMethodRank: 3, best: 3, worst: 3 },
    ]);
  });

  it('shows the swing of a close pair', () => {
    // B and A within reach: B's ③ lead overtakes A's ② lead once ③ weighs more.
    const close = [
      { code: 'A', name: 'A', indicators: [1, 4, 3, 0, 0] as [number, number, number, number, number] },
      { code: 'B', name: 'B', indicators: [1, 3, 4, 0, 0] as [number, number, number, number, number] },
    ];
    // 比值法: A = 30 + 20 + 15×0.75 = 61.25; B = 30 + 15 + 15 = 60 → A 1, B 2.
    // ② − 5: A = (30 + 15 + 11.25)/95 = 59.2; B = (30 + 11.25 + 15)/95 = 59.2 → tie, A by code.
    // ③ + 5: A = (30 + 20 + 15)/105 = 61.9; B = (30 + 15 + 20)/105 = 61.9 → tie again, A by code.
    // 功效系数法: A = 30 + 20 + 9 + 35 = 94; B = 30 + 12 + 15 + 35 = 92 → A 1.
    const s = rankStability(close, [30, 20, 15, 15, 20], 'ratio');
    expect(s.map((r) => [r.code, r.best, r.worst])).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
    ]);
    // With ③ at 20 the two tie (A = 30 + 20 + 15 = 65 = B = 30 + 15 + 20; A first by code), so one
    // step either way decides: ③ + 5 puts B ahead, ② + 5 keeps A there.
    const tilted = rankStability(close, [30, 20, 20, 15, 20], 'ratio');
    expect(tilted.map((r) => [r.code, r.rank, r.best, r.worst])).toEqual([
      ['A', 1, 1, 2],
      ['B', 2, 1, 2],
    ]);
  });
});
