import { describe, expect, it } from 'vitest';
import { progressLight } from '../src/domain/trafficLight';

describe('progressLight: task progress against time progress', () => {
  it.each([
    // task, time, light
    [0.5, 0.5, 'green'], // 时间过半，任务过半
    [1.114, 1, 'green'],
    [0.75, 0.5, 'green'],
    [0.45, 0.5, 'amber'], // 5 points behind
    [0.41, 0.5, 'amber'], // 9 points behind
    [0.4, 0.5, 'red'], // exactly 10 points behind
    [0.5, 0.6, 'red'], // 10 points, with binary rounding (0.6 − 0.5 < 0.1 in floating point)
    [0, 1, 'red'],
    [0, 0, 'green'], // the year has not begun and nothing is due
    [null, 0.5, 'none'],
  ] as const)('task %s, time %s → %s', (task, time, light) => {
    expect(progressLight(task, time)).toBe(light);
  });
});
