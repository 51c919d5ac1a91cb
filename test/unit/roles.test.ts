// Which cue decides an array's role, what the reason says, and that reading around an array stays local.
import * as assert from 'assert';
import fc from 'fast-check';
import { classifyArray, classifySteps, findArrays, nameBoundTo, type ArrayRole, type RoleReason } from '../../src/core';
import { describeReason, describeRole } from '../../src/core/roles';

/** The role of each array in the text, with the text of the array. */
function roles(text: string, languageId = 'python'): [string, string, string][] {
  return findArrays(text, languageId).map((a) => {
    const { role, reason } = classifyArray(text, a, languageId);
    return [text.slice(a.start, a.end), role, reason.code];
  });
}

describe('what decides an array\'s role', () => {
  it('a name wins over the values: scores that sum to 1 are still logits', () => {
    assert.deepStrictEqual(roles('scores = [0.2, 0.3, 0.5]\n'), [['[0.2, 0.3, 0.5]', 'logits', 'named']]);
  });

  it('a probability name needs values in [0, 1]; the last word of a longer name counts, a lone `p` only on its own', () => {
    assert.deepStrictEqual(roles('pred_probs = [0.25, 0.5]\nprobs = [1.5, -2.0]\ntop_p = [0.9, 0.95]\n'), [
      ['[0.25, 0.5]', 'probabilities', 'named'],
      ['[1.5, -2.0]', 'logits', 'noCue'],
      ['[0.9, 0.95]', 'logits', 'noCue'],
    ]);
  });

  it('log_probs and log_softmax are log-probabilities, when every value is ≤ 0', () => {
    assert.deepStrictEqual(roles('log_probs = [-0.2, -1.8]\nlog_softmax = [0.5, -1.0]\n'), [
      ['[-0.2, -1.8]', 'logProbabilities', 'named'],
      ['[0.5, -1.0]', 'logits', 'noCue'],
    ]);
  });

  it('values alone: rows in [0, 1] that sum to 1, or nearly (a wrong print); never whole numbers or one-hot rows', () => {
    // At one decimal [0.2, 0.3, 0.4] may be [0.24, 0.34, 0.42] rounded; at two, 0.90 is too far from 1.
    assert.deepStrictEqual(roles('x = [0.2, 0.3, 0.4]\ny = [0.200, 0.300, 0.495]\nz = [0.20, 0.30, 0.40]\nm = [0, 1, 0]\nh = [0.0000e+00, 1.0000e+00, 1.2246e-16]\n'), [
      ['[0.2, 0.3, 0.4]', 'probabilities', 'sumsToOne'],
      ['[0.200, 0.300, 0.495]', 'probabilities', 'nearlySumsToOne'],
      ['[0.20, 0.30, 0.40]', 'logits', 'noCue'],
      ['[0, 1, 0]', 'logits', 'noCue'],
      ['[0.0000e+00, 1.0000e+00, 1.2246e-16]', 'logits', 'noCue'],
    ]);
  });

  it('an attention mask of 0 and −∞ is not log-probabilities, though its logsumexp is 0', () => {
    assert.deepStrictEqual(roles("mask = [[0.0, float('-inf'), float('-inf')]]\n"), [["[[0.0, float('-inf'), float('-inf')]]", 'logits', 'noCue']]);
  });

  it('a shape name needs whole numbers, and a comparison with .shape binds like an assignment', () => {
    assert.deepStrictEqual(roles('kernel_sizes = [3, 4, 5]\nsize = [0.5, 0.5]\nassert x.shape == [2, 3]\n'), [
      ['[3, 4, 5]', 'shape', 'named'],
      ['[0.5, 0.5]', 'probabilities', 'sumsToOne'],
      ['[2, 3]', 'shape', 'named'],
    ]);
  });

  it('reshaping: a method takes sizes anywhere, a module function only after its data', () => {
    assert.deepStrictEqual(roles('a = x.reshape([2, 3])\nb = np.reshape([1, 2, 3, 4], [2, 2])\n'), [
      ['[2, 3]', 'shape', 'passedTo'],
      ['[1, 2, 3, 4]', 'logits', 'noCue'],
      ['[2, 2]', 'shape', 'passedTo'],
    ]);
  });

  it('the first array of an unpacking goes to the first name, the others in order', () => {
    assert.deepStrictEqual(roles('style_layers, scores = [0, 5, 10], [2.0, 1.0]\nlogits, kernel_sizes = [2.0, 1.0], [3, 5]\n'), [
      ['[0, 5, 10]', 'shape', 'named'],
      ['[2.0, 1.0]', 'logits', 'named'],
      ['[2.0, 1.0]', 'logits', 'named'],
      ['[3, 5]', 'shape', 'named'],
    ]);
  });

  it('a softmax call above counts only when what it made is what is printed', () => {
    const printed = '>>> p = softmax(x)\n>>> p\narray([0.3, 0.5])\n';
    assert.deepStrictEqual(roles(printed), [['[0.3, 0.5]', 'probabilities', 'printedAfter']]);
    const other = '>>> p = softmax(x)\n>>> r\narray([0.3, 0.5])\n';
    assert.deepStrictEqual(roles(other), [['[0.3, 0.5]', 'logits', 'noCue']]);
    const rand = 'p = softmax(x)\nprint(torch.rand(2))\n# tensor([0.3, 0.5])\n';
    assert.deepStrictEqual(roles(rand), [['[0.3, 0.5]', 'logits', 'printedAfter']]);
  });

  it('a notebook saved as JSON prints its outputs before the source that made them', () => {
    const notebook = [
      '  {',
      '   "outputs": [',
      '    {',
      '     "text": [',
      '      "[[1 0 2]\\n",',
      '      " [2 1 0]]\\n"',
      '     ]',
      '    }',
      '   ],',
      '   "source": [',
      '    "order = np.argsort(d, axis=1)\\n",',
      '    "print(order)"',
      '   ]',
      '  }',
    ].join('\n');
    assert.deepStrictEqual(
      roles(notebook, 'jupyter-notebook').map((r) => r.slice(1)),
      [['shape', 'printedAfter'], ['shape', 'printedAfter']],
    );
  });

  it('reads only a bounded window around each array: a megabyte before it changes nothing', () => {
    const snippet = 'probs = F.softmax(logits, dim=-1)\nprint(probs)\n# tensor([0.2044, 0.0456, 0.7500])\nsizes = [3, 4]\n';
    const alone = roles(snippet);
    const filler = 'word '.repeat(200_000);
    const found = roles(`${filler}\n${snippet}`);
    assert.deepStrictEqual(found, alone);
    // The same after a megabyte on the array's own line, where looking back for a line start cannot stop early.
    assert.deepStrictEqual(roles(`${filler}sizes = [3, 4]  # tensor([0.25, 0.75])`), roles('sizes = [3, 4]  # tensor([0.25, 0.75])'));
  });
});

describe('classifyArray on any text', () => {
  const pieces = ['[', ']', '(', ')', ', ', ' ', '\n', '0.25', '-1', '3', 'e-5', 'inf', '= ', ': ', '# ', '>>> ', 'softmax(', 'print(', 'torch.Size(',
    'np.array(', 'tensor(', 'grad_fn=<SoftmaxBackward0>', 'x', 'probs', 'in ', '\\in ', '"', "'", '`', '$', '位于', '输出：', '"source": [', '"outputs": ['];
  it('never throws and gives every found array one of the four roles, with a reason it can word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.constantFrom('python', 'markdown', 'julia', 'r', 'jupyter-notebook'), (parts, languageId) => {
        const text = parts.join('');
        for (const a of findArrays(text, languageId)) {
          const { role, reason } = classifyArray(text, a, languageId);
          assert.ok(['logits', 'probabilities', 'logProbabilities', 'shape'].includes(role));
          assert.ok(describeReason(reason).length > 0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('classifySteps', () => {
  it('gives every array the role classifyArray gives it, pausing between slices of a large document', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `v${i} = [${i % 3}, 1, 2]\nprobs_${i} = [0.25, 0.75]\n`).join('');
    const arrays = findArrays(text, 'python');
    const steps = classifySteps(text, arrays, 'python');
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    const all: ArrayRole[] = r.value;
    assert.ok(pauses >= 2, `${pauses} pauses for ${arrays.length} arrays`);
    assert.deepStrictEqual(all, arrays.map((a) => classifyArray(text, a, 'python')));
    assert.deepStrictEqual(new Set(all.map((x) => x.role)), new Set(['logits', 'probabilities']));
  });
});

describe('describeReason and describeRole', () => {
  it('word every reason in English, with what decided it', () => {
    const reasons: [RoleReason, string][] = [
      [{ code: 'named', name: 'probs' }, 'named probs'],
      [{ code: 'passedTo', name: 'torch.Size' }, 'passed to torch.Size(…)'],
      [{ code: 'subscript' }, 'indices inside a subscript'],
      [{ code: 'printedWith', name: 'SoftmaxBackward0' }, 'printed with grad_fn=<SoftmaxBackward0>'],
      [{ code: 'printedAfter', name: 'softmax' }, 'printed after softmax(…)'],
      [{ code: 'after', word: '∈' }, 'a range or set of values after “∈”'],
      [{ code: 'logLine', word: 'loss' }, 'counters of a log line (“loss” follows)'],
      [{ code: 'mentioned', word: 'softmax' }, 'its line says “softmax”'],
      [{ code: 'sumsToOne' }, 'each row is ≥ 0 and sums to 1 at its printed precision'],
      [{ code: 'nearlySumsToOne' }, 'each row is ≥ 0 and nearly sums to 1'],
      [{ code: 'logSumExpZero' }, 'each row is ≤ 0 with logsumexp 0 at its printed precision'],
      [{ code: 'noCue' }, 'scores or data: nothing around it says otherwise'],
    ];
    for (const [reason, words] of reasons) assert.strictEqual(describeReason(reason), words);
    assert.deepStrictEqual(
      (['logits', 'probabilities', 'logProbabilities', 'shape'] as const).map(describeRole),
      ['logits', 'probabilities', 'log-probabilities', 'a shape'],
    );
  });
});

describe('the name an array is bound to (the walkthrough\'s header)', () => {
  /** Each array's text and the name nameBoundTo reads before it, from a window that starts mid-text as the panel's does. */
  function names(text: string, languageId: string): [string, string | undefined][] {
    return findArrays(text, languageId).map((a) => {
      const from = Math.max(0, a.start - 30);
      const window = text.slice(from, a.start + 1);
      const name = nameBoundTo(window, { ...a, start: a.start - from, end: a.end - from });
      assert.strictEqual(name, nameBoundTo(text, a), 'a window before the array reads the same name as the whole text');
      return [text.slice(a.start, a.end), name];
    });
  }

  it('reads assignments, keys, annotations and constructors in each language', () => {
    assert.deepStrictEqual(names('logits = np.array([2.0, 1.0, 0.1])\nprobs = torch.tensor([[0.7, 0.2, 0.1]])\n', 'python'), [
      ['[2.0, 1.0, 0.1]', 'logits'],
      ['[[0.7, 0.2, 0.1]]', 'probs'],
    ]);
    assert.deepStrictEqual(names('const x: number[] = [1.5, -0.5];\nconst w = new Float64Array([0.25, 0.75]);\n', 'typescript'), [
      ['[1.5, -0.5]', 'x'],
      ['[0.25, 0.75]', 'w'],
    ]);
    assert.deepStrictEqual(names('{"scores": [3.2, 1.1, -0.4], "id": 7}\n', 'json'), [['[3.2, 1.1, -0.4]', 'scores']]);
    assert.deepStrictEqual(names('z <- c(1.2, 0.3, -0.8)\n', 'r'), [['c(1.2, 0.3, -0.8)', 'z']]);
    assert.deepStrictEqual(names('double w[3] = {0.5, 0.25, 0.25};\n', 'c'), [['{0.5, 0.25, 0.25}', 'w']]);
  });

  it('names nothing where nothing binds the array: a call\'s argument, a print, prose', () => {
    assert.deepStrictEqual(names('print(softmax([1.0, 2.0, 3.0]))\n>>> [0.09, 0.24, 0.67]\n', 'python'), [
      ['[1.0, 2.0, 3.0]', undefined],
      ['[0.09, 0.24, 0.67]', undefined],
    ]);
    assert.deepStrictEqual(names('The model printed [0.2, 0.5, 0.3] for the three classes.\n', 'markdown'), [['[0.2, 0.5, 0.3]', undefined]]);
  });
});
