import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBatch } from '../../../src/server/stores/sqlite/read-batch.js';

describe('readBatch', () => {
  it('answers every read asked in one turn from one call, each its own value, asked first', async () => {
    const calls: (readonly string[])[] = [];
    const read = readBatch((keys: readonly string[]) => {
      calls.push(keys);
      return keys.map((key) => key.toUpperCase());
    });
    const answers = Promise.all([read('a'), read('b'), read('a')]);
    assert.deepEqual(calls, [], 'nothing is read before the turn ends');
    assert.deepEqual(await answers, ['A', 'B', 'A']);
    assert.deepEqual(await read('c'), 'C');
    assert.deepEqual(calls, [['a', 'b', 'a'], ['c']]);
  });

  it('reads after every read of the turn was asked, so each sees what was written before it asked', async () => {
    let stored = 'before';
    const read = readBatch((keys: readonly string[]) => keys.map(() => stored));
    const first = read('x');
    stored = 'after';
    const second = read('x');
    assert.deepEqual(await Promise.all([first, second]), ['after', 'after']);
  });

  it('fails every read of the batch when the batch fails, and reads again next turn', async () => {
    let failing = true;
    const read = readBatch((keys: readonly string[]) => {
      if (failing) throw new Error('store unavailable');
      return keys.map(() => 'ok');
    });
    const results = await Promise.allSettled([read('a'), read('b')]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    failing = false;
    assert.equal(await read('a'), 'ok');
  });

  it('answers what is asked at once on flush', async () => {
    const calls: (readonly string[])[] = [];
    const read = readBatch((keys: readonly string[]) => {
      calls.push(keys);
      return [...keys];
    });
    const answer = read('a');
    read.flush();
    assert.deepEqual(calls, [['a']]);
    assert.equal(await answer, 'a');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(calls, [['a']], 'the turn’s end finds nothing left to read');
  });
});
