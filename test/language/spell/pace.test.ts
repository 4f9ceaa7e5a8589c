// The suggestion thread gives way to the main thread only once it keeps ahead of it
// (src/language/spell/suggest-worker.ts): batches that find it waiting, half of a window.
import { describe, expect, it } from 'vitest';
import { Pace } from '../../../src/language/spell/suggest-worker.js';

/** Runs `batches` batches of 5 ms each; `gap(i)` ms pass before batch i arrives. */
function run(batches: number, gap: (i: number) => number): number {
  let clock = 0;
  let gaveWay = 0;
  const pace = new Pace(
    () => clock,
    () => gaveWay++,
  );
  for (let i = 0; i < batches; i++) {
    clock += gap(i);
    pace.starting();
    clock += 5;
    pace.done();
  }
  return gaveWay;
}

describe('Pace', () => {
  it('gives way once when batches find the thread waiting', () => {
    expect(run(64, () => 10)).toBe(1);
  });

  it('never gives way while batches queue up behind each other', () => {
    expect(run(200, () => 0)).toBe(0);
  });

  it('waits for a whole window before deciding', () => {
    expect(run(15, () => 10)).toBe(0);
    expect(run(16, () => 10)).toBe(1);
  });

  it('gives way in a later window when the thread catches up', () => {
    expect(run(48, (i) => (i < 32 ? 0 : 10))).toBe(1);
  });

  it('does not give way when only a few batches found it waiting', () => {
    expect(run(160, (i) => (i % 4 === 0 ? 10 : 0))).toBe(0);
  });
});
