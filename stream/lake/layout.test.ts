// Property tests of the lake's naming rules against a brute-force recount of which offsets each file holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCompaction, supersededFiles, type SizedFile } from './compaction-plan.ts';
import { filePath, liveFiles, parseFilePath, resumePositions } from './layout.ts';

const DATES = ['2026-12-01', '2026-12-02', '2026-12-03'];

/** A partition's history: each offset's date, flushes at cut points (a file per date in each), then compactions. */
const history = fc.record({
  dates: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 120 }),
  cuts: fc.array(fc.integer({ min: 1, max: 119 }), { maxLength: 30 }),
  sizes: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 30 }),
  rounds: fc.array(
    fc.record({
      small: fc.integer({ min: 1, max: 300 }),
      target: fc.integer({ min: 1, max: 600 }),
      crash: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
});

function flushed(dates: number[], cuts: number[], sizes: number[]): SizedFile[] {
  const bounds = [...new Set([0, ...cuts.filter((c) => c < dates.length), dates.length])].sort((a, b) => a - b);
  const files: SizedFile[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i]!, bounds[i + 1]! - 1];
    for (const d of new Set(dates.slice(a, b + 1))) {
      const p = filePath('orders', DATES[d]!, 3, a, b);
      files.push({ ...parseFilePath(p)!, bytes: sizes[files.length % sizes.length]! });
    }
  }
  return files;
}

/** How many live files hold each offset, brute force: a file holds the offsets in its range of its own date. */
function holders(files: SizedFile[], dates: number[]): number[] {
  return dates.map(
    (d, offset) => files.filter((f) => f.date === DATES[d] && f.firstOffset <= offset && offset <= f.lastOffset).length,
  );
}

describe('lake file names', () => {
  it('round-trips a path and refuses what is not a lake file', () => {
    const p = filePath('search.performed', '2026-12-02', 5, 1200, 1899);
    expect(p).toBe('topic=search.performed/date=2026-12-02/part-5-1200-1899.parquet');
    expect(parseFilePath(p)).toMatchObject({
      topic: 'search.performed',
      partition: 5,
      firstOffset: 1200,
      lastOffset: 1899,
    });
    for (const other of [
      '_lake/commits/x.json',
      'topic=a/date=2026-12-02/part-1-9-3.parquet',
      'topic=a/part-1-1-2.parquet',
    ])
      expect(parseFilePath(other)).toBeUndefined();
  });

  it('every event is read exactly once through any compaction, finished or cut short', () => {
    fc.assert(
      fc.property(history, ({ dates, cuts, sizes, rounds }) => {
        let files = flushed(dates, cuts, sizes);
        for (const { small, target, crash } of rounds) {
          const merges = planCompaction(files, { smallBytes: small, targetBytes: target });
          for (const m of merges) {
            const bytes = m.inputs.reduce((s, f) => s + f.bytes, 0);
            expect(m.inputs.length).toBeGreaterThanOrEqual(2);
            expect(m.inputs.every((f) => f.bytes < small)).toBe(true);
            const merged = {
              ...parseFilePath(filePath(m.topic, m.date, m.partition, m.firstOffset, m.lastOffset))!,
              bytes,
            };
            // A crash after the rename leaves the inputs beside the merged file.
            files = crash ? [...files, merged] : [...files.filter((f) => !m.inputs.includes(f)), merged];
          }
          expect(holders(liveFiles(files), dates)).toEqual(dates.map(() => 1));
          // Recovery deletes the superseded files; what is read does not change.
          const kept = files.filter((f) => !supersededFiles(files).includes(f));
          expect(new Set(liveFiles(kept))).toEqual(new Set(liveFiles(files)));
          files = kept;
        }
      }),
    );
  });

  it('resumes one past the highest offset on disk, or at the floor retention kept', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 200 }), ({ dates, cuts, sizes }, floor) => {
        const files = flushed(dates, cuts, sizes);
        const next = resumePositions(files, { 'orders/3': floor }).get('orders/3');
        expect(next).toBe(Math.max(floor, dates.length));
        expect(resumePositions([]).size).toBe(0);
      }),
    );
  });
});
