// The array at an offset of a text too large to scan whole, found from a window read in pieces: the same array
// findArrays finds in the whole text, wherever the window's edges fall (between the \r and \n of CRLF too).
import * as assert from 'assert';
import { arrayWindowSteps, findArrays, runSteps, type FoundArray, type TextSource, type WindowLimits } from '../../src/core';

/**
 * The text as VS Code's extension host serves it: positionAt turns an offset between \r and \n into the end of its
 * line, so a piece asked for from or to there comes back one character short; `edge` is offsetAt(positionAt(x)).
 */
function documentLike(text: string): TextSource & { reads: number } {
  const valid = (x: number) => (x > 0 && x < text.length && text[x - 1] === '\r' && text[x] === '\n' ? x - 1 : x);
  const source = {
    reads: 0,
    length: text.length,
    edge: valid,
    text: (start: number, end: number) => {
      source.reads += valid(end) - valid(start);
      return text.slice(valid(start), valid(end));
    },
  };
  return source;
}

function answerAt(text: string, offset: number, limits: WindowLimits, languageId = 'python') {
  return runSteps(arrayWindowSteps(documentLike(text), offset, languageId, limits));
}

function containing(arrays: FoundArray[], offset: number): FoundArray | undefined {
  return arrays.find((a) => a.start <= offset && offset <= a.end);
}

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('the array at an offset of a large document, from a window', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `v${i} = [${i}, 1.5, -2]  # row ${i}`);

  it('in a CRLF file, wherever the first window starts and ends, gives the array findArrays finds, offsets and all', () => {
    const text = crlf(rows);
    const whole = findArrays(text, 'python');
    // Windows of every half-width from 20 to 60 characters put their edges on every character of a few lines, \r\n included.
    for (let half = 20; half <= 60; half++) {
      for (const array of whole.slice(10, 14)) {
        for (const offset of [array.start, array.start + 2, array.end - 1, array.end]) {
          const answer = answerAt(text, offset, { half, cap: 1 << 20, chunk: 7 });
          assert.deepStrictEqual(answer.array, array, `half ${half}, offset ${offset}`);
        }
      }
    }
  });

  it('a matrix written over many CRLF lines, longer than the window, is found whole from its middle', () => {
    const matrix = Array.from({ length: 300 }, (_, i) => `    [${i}, ${i % 7}, -1.25],`);
    const text = crlf(['# logits', 'x = np.array([', ...matrix, '])', 'y = 2']);
    const [expected] = findArrays(text, 'python');
    assert.deepStrictEqual(expected.shape, [300, 3]);
    for (const row of [1, 150, 299]) {
      const offset = text.indexOf(`[${row}, `) + 1;
      for (const chunk of [2, 3, 64, 4096]) {
        const answer = answerAt(text, offset, { half: 100, cap: 1 << 20, chunk });
        assert.deepStrictEqual(answer.array, expected, `row ${row}, chunk ${chunk}`);
      }
    }
  });

  it('an array longer than the cap is not read: no array, and the answer says it may be too long', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i % 10);
    const text = crlf(['logits = [', ...values.map((v) => `  ${v},`), ']']);
    const middle = text.length >> 1;
    const capped = answerAt(text, middle, { half: 256, cap: 4096, chunk: 1024 });
    assert.strictEqual(capped.array, undefined);
    assert.strictEqual(capped.tooLong, true);
    const roomy = answerAt(text, middle, { half: 256, cap: text.length, chunk: 1024 });
    assert.deepStrictEqual(roomy.array?.values, values);
    assert.strictEqual(roomy.tooLong, false);
  });

  it('looking back for the opening bracket reads no further than the cap', () => {
    const text = `${'1, '.repeat(100_000)}2`;
    const source = documentLike(text);
    const answer = runSteps(arrayWindowSteps(source, text.length - 10, 'python', { half: 128, cap: 10_000, chunk: 1000 }));
    assert.strictEqual(answer.tooLong, true);
    assert.ok(source.reads < 12_000, `${source.reads} characters read`);
  });

  it('settles "no array here" for the prose around the offset, and never over an array', () => {
    const text = crlf(['Some notes about the run = 3 epochs, and then', 'a list x = [1, 2, 3] and more words here', 'done: y = [4, 5]']);
    const whole = findArrays(text, 'python');
    for (let offset = 0; offset <= text.length; offset++) {
      const answer = answerAt(text, offset, { half: 16, cap: 1 << 20, chunk: 5 });
      assert.deepStrictEqual(answer.array, containing(whole, offset), `offset ${offset}`);
      const { start, end } = answer.settled;
      // Where it overlaps an array, that array is one the answer holds: a look-up asks those first.
      for (const a of whole) {
        const held = answer.arrays.some((b) => b.start === a.start && b.end === a.end);
        assert.ok(end <= a.start || start > a.end || held, `settled [${start}, ${end}) overlaps ${a.start}..${a.end}`);
      }
    }
    const prose = answerAt(text, text.indexOf('notes') + 2, { half: 16, cap: 1 << 20, chunk: 5 });
    assert.ok(prose.settled.end - prose.settled.start >= 5, `settled ${JSON.stringify(prose.settled)}`);
  });
});
