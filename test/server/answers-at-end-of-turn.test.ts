import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writesAtEndOfTurn } from '../../src/server/answers-at-end-of-turn.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('writesAtEndOfTurn', () => {
  it('writes what one turn handed over together, in order, once the turn is over', async () => {
    const written: string[] = [];
    const write = writesAtEndOfTurn<string>((item) => written.push(item));
    write('a');
    await Promise.resolve();
    write('b');
    write('c');
    assert.deepEqual(written, [], 'nothing is written within the turn');
    await nextTurn();
    assert.deepEqual(written, ['a', 'b', 'c']);
  });

  it('writes what a write hands over in the next turn, and each item once', async () => {
    const written: string[] = [];
    const write: (item: string) => void = writesAtEndOfTurn<string>((item) => {
      written.push(item);
      if (item === 'first') write('second');
    });
    write('first');
    await nextTurn();
    assert.deepEqual(written, ['first']);
    await nextTurn();
    assert.deepEqual(written, ['first', 'second']);
    await nextTurn();
    assert.deepEqual(written, ['first', 'second']);
  });
});
