// Printed softmax outputs checked against the code that printed them, in the formats people print, and the prints
// that must be left alone. Every expected print comes from test/fixtures/claims/rounded.json (exact arithmetic,
// scripts/claims-reference.py), never from prose.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFixes, describeFinding, findClaims, type ClaimFinding, type WrongSoftmaxFinding } from '../../src/core';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'claims', 'rounded.json');
const reference: { name: string; rounded: string[] | string[][] }[] = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

/** The correctly rounded values of one reference case. */
function rounded(name: string): string[] {
  const c = reference.find((r) => r.name === name);
  assert.ok(c, name);
  return c.rounded as string[];
}
function roundedRows(name: string): string[][] {
  return reference.find((r) => r.name === name)!.rounded as string[][];
}
/** numpy's e-notation writes the exponent with two digits at least: `4.53978686e-05`. */
const npExp = (s: string) => s.replace(/e([-+]?)(\d)$/, (_, sign: string, d: string) => `e${sign === '-' ? '-' : '+'}0${d}`);

function only(text: string, languageId = 'markdown'): ClaimFinding {
  const findings = findClaims(text, languageId);
  assert.strictEqual(findings.length, 1, findings.map(describeFinding).join('\n') || 'no finding');
  return findings[0];
}
function wrong(text: string, languageId = 'markdown'): WrongSoftmaxFinding {
  const f = only(text, languageId);
  assert.strictEqual(f.code, 'wrongSoftmax', describeFinding(f));
  return f as WrongSoftmaxFinding;
}
function none(text: string, languageId = 'markdown') {
  const findings = findClaims(text, languageId);
  assert.deepStrictEqual(findings.map(describeFinding), []);
}
/** The text after the quick fix, and the fix's own text. */
function fixed(text: string, languageId = 'markdown'): string {
  return applyFixes(text, findClaims(text, languageId));
}

const seedTutorial = [
  '# Softmax in NumPy',
  '',
  '```python',
  'import numpy as np',
  '',
  'def softmax(x):',
  '    e_x = np.exp(x - np.max(x))',
  '    return e_x / e_x.sum()',
  '',
  'logits = np.array([2.0, 1.0, 0.1])',
  'softmax_vals = softmax(logits)',
  'print(softmax_vals)',
  '```',
  '',
  'Output:',
  '',
  '```',
  '[0.93392735 0.26689223 0.02917942]',
  '```',
  '',
].join('\n');

describe('claims: wrong prints are found, with the right values and a fix in the print\'s style', () => {
  it('finds the seed tutorial\'s wrong print, names the call, points at the logits and writes the correct print', () => {
    const f = wrong(seedTutorial);
    const printed = '[0.93392735 0.26689223 0.02917942]';
    assert.strictEqual(seedTutorial.slice(f.start, f.end), printed);
    assert.strictEqual(seedTutorial.slice(f.logits.start, f.logits.end), '[2.0, 1.0, 0.1]');
    const right = `[${rounded('seed').join(' ')}]`;
    assert.strictEqual(f.fix?.text, right);
    assert.strictEqual(describeFinding(f), `softmax([2.0, 1.0, 0.1]) is ${right}; this print shows ${printed}`);
    assert.deepStrictEqual(findClaims(fixed(seedTutorial), 'markdown'), [], 'the fixed print is right');
  });

  it('changes only the wrong entry of an output comment, keeping the comment prefix', () => {
    const r = rounded('four');
    const wrongPrint = `# [${r[0]} ${r[1]} 0.0761 ${r[3]}]`;
    const text = `import numpy as np\nprint(softmax(np.array([1.0, 3.0, 0.5, -2.0])))\n${wrongPrint}\n`;
    const after = fixed(text, 'python');
    assert.strictEqual(after.split('\n')[2], `# [${r.join(' ')}]`);
  });

  it('reads a torch doctest with a temperature written as a name, and keeps tensor(...) and its commas', () => {
    const text = ['>>> z = torch.tensor([2.0, 1.0, 0.1])', '>>> T = 0.5', '>>> F.softmax(z / T, dim=-1)', 'tensor([0.8360, 0.1131, 0.0508])', ''].join('\n');
    const f = wrong(text, 'python');
    assert.strictEqual(f.params.call, 'softmax([2.0, 1.0, 0.1] / 0.5)');
    assert.strictEqual(fixed(text, 'python').split('\n')[3], `tensor([${rounded('hot').join(', ')}])`);
  });

  it('reads a literal temperature and the method form x.softmax(dim=0)', () => {
    const h = rounded('hot');
    const literal = ['```python', 'x = torch.tensor([2.0, 1.0, 0.1])', 'print(F.softmax(x / 0.5, dim=0))', '```', '输出：', '```', `tensor([${h[0]}, ${h[2]}, ${h[1]}])`, '```'].join('\n');
    assert.strictEqual(fixed(literal).split('\n')[6], `tensor([${h.join(', ')}])`);
    const method = ['```python', 'x = torch.tensor([2.0, 1.0, 0.1])', 'print(x.softmax(dim=0))', '```', '输出：', '```', 'tensor([0.6590, 0.2424, 0.9860])', '```'].join('\n');
    assert.strictEqual(fixed(method).split('\n')[6], `tensor([${rounded('seed4').join(', ')}])`);
  });

  it('rewrites numpy e-notation at its mantissa digits with a two-digit exponent', () => {
    const r = rounded('wide').map(npExp);
    const text = ['>>> from scipy.special import softmax', '>>> softmax(np.array([10.0, 0.0, -10.0]))', `array([${r[0]}, ${r[1]}, 2.06106005e-08])`, ''].join('\n');
    wrong(text, 'python');
    assert.strictEqual(fixed(text, 'python').split('\n')[2], `array([${r.join(', ')}])`);
  });

  it('reads torch\'s scientific print (four mantissa digits)', () => {
    const r = rounded('wide4').map(npExp);
    const text = ['>>> logits = torch.tensor([10.0, 0.0, -10.0])', '>>> torch.softmax(logits, dim=0)', `tensor([${r[0]}, 4.5398e-04, ${r[2]}])`, ''].join('\n');
    assert.strictEqual(fixed(text, 'python').split('\n')[2], `tensor([${r.join(', ')}])`);
  });

  it('reads jax\'s Array([...], dtype=float32) and TF\'s tf.Tensor([...], shape=..., dtype=float32)', () => {
    const j = rounded('jax');
    const jax = ['>>> x = jnp.array([2.0, 1.0, 0.1])', '>>> jax.nn.softmax(x)', `Array([${j[0]}, ${j[1]}, 0.1985659], dtype=float32)`, ''].join('\n');
    assert.strictEqual(fixed(jax, 'python').split('\n')[2], `Array([${j.join(', ')}], dtype=float32)`);
    const s = rounded('seed4');
    const tf = ['x = tf.constant([2.0, 1.0, 0.1])', 'print(tf.nn.softmax(x))', `# tf.Tensor([${s[0]} ${s[2]} ${s[1]}], shape=(3,), dtype=float32)`, ''].join('\n');
    assert.strictEqual(fixed(tf, 'python').split('\n')[2], `# tf.Tensor([${s.join(' ')}], shape=(3,), dtype=float32)`);
  });

  it('checks a matrix along the axis written, keeping its line breaks', () => {
    const rows = roundedRows('rows');
    const cols = roundedRows('columns');
    const print = (m: string[][]) => `tensor([[${m[0].join(', ')}],\n        [${m[1].join(', ')}]])`;
    const code = (dim: number) => ['```python', 'x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])', `print(F.softmax(x, dim=${dim}))`, '```', 'Output:', '```'].join('\n');
    // Rows printed where the code took columns: wrong, and the fix writes the columns' softmax.
    const text = `${code(0)}\n${print(rows)}\n\`\`\`\n`;
    wrong(text);
    assert.ok(fixed(text).includes(print(cols)), fixed(text));
    none(`${code(1)}\n${print(rows)}\n\`\`\`\n`);
    none(`${code(0)}\n${print(cols)}\n\`\`\`\n`);
  });

  it('follows names through the last assignment before the print', () => {
    const s = rounded('seed4');
    const text = ['```python', 'logits = np.array([1.0, 1.0, 1.0])', 'logits = np.array([2.0, 1.0, 0.1])', 'p = softmax(logits)', 'probs = p', 'print(probs)', '```', '```', '[0.3333 0.3333 0.3333]', '```'].join('\n');
    const f = wrong(text);
    assert.strictEqual(f.fix?.text, `[${s.join(' ')}]`);
  });

  it('reads np.exp(x) / np.exp(x).sum(), a labelled print, and a document\'s softmax with an axis parameter', () => {
    const s = rounded('seed4');
    const ratio = ['>>> x = np.array([2.0, 1.0, 0.1])', '>>> np.exp(x) / np.sum(np.exp(x))', 'array([0.6590, 0.2424, 0.0968])', ''].join('\n');
    assert.strictEqual(fixed(ratio, 'python').split('\n')[2], `array([${s.join(', ')}])`);
    const labelled = ['```python', 'def softmax(x, axis=-1):', '    e = np.exp(x - x.max(axis=axis, keepdims=True))', '    return e / e.sum(axis=axis, keepdims=True)', 'z = np.array([2.0, 1.0, 0.1])', 'print("Softmax:", softmax(z))', '```', 'Output:', '```', 'Softmax: [0.6590 0.2424 0.0968]', '```'].join('\n');
    assert.strictEqual(wrong(labelled).fix?.text, `[${s.join(' ')}]`);
  });

  it('reads a claim written as an equation, `softmax(logits) = [...]`, after the code that wrote the logits', () => {
    const s = rounded('seed3');
    const text = ['```python', 'logits = [2.0, 1.0, 0.1]', '```', '', '```', 'softmax(logits) = [0.659, 0.242, 0.199]', '```'].join('\n');
    assert.strictEqual(fixed(text).split('\n')[5], `softmax(logits) = [${s.join(', ')}]`);
    // At one decimal [0.7, 0.2, 0.1] is the correct rounding: no finding.
    none(text.replace('[0.659, 0.242, 0.199]', '[0.7, 0.2, 0.1]'));
  });

  it('reads IPython\'s In [n]: / Out[n]: prompts', () => {
    const s = rounded('seed4');
    const text = ['In [1]: x = np.array([2.0, 1.0, 0.1])', '', 'In [2]: scipy.special.softmax(x)', 'Out[2]: array([0.6590, 0.2424, 0.0896])', ''].join('\n');
    assert.strictEqual(fixed(text, 'python').split('\n')[3], `Out[2]: array([${s.join(', ')}])`);
  });

  it('reads a lead-in line between the code and its output, in English and Chinese', () => {
    const s = rounded('seed4');
    for (const lead of ['Running it prints:', '运行结果如下：']) {
      const text = ['```python', 'x = np.array([2.0, 1.0, 0.1])', 'print(softmax(x))', '```', lead, '```', '[0.6590 0.2424 0.0896]', '```'].join('\n');
      assert.strictEqual(wrong(text).fix?.text, `[${s.join(' ')}]`, lead);
    }
  });

  it('finds printed probabilities that do not sum to 1 at their precision, with no code', () => {
    const text = 'The softmax of the logits is `[0.6615, 0.2436, 0.0959]`.\n';
    const f = only(text);
    assert.strictEqual(f.code, 'sumNotOne');
    assert.strictEqual(describeFinding(f), 'These probabilities sum to 1.0010, not 1: their rounding allows 1 ± 0.00015');
    assert.strictEqual(only('softmax 的输出概率为 [0.6615, 0.2436, 0.0959]。\n').code, 'sumNotOne');
    const matrix = only('probs = [[0.5, 0.5], [0.6615, 0.3486]]\n', 'python');
    assert.strictEqual(describeFinding(matrix), 'Row 1 of these probabilities sums to 1.0101, not 1: its rounding allows 1 ± 0.0001');
  });
});

describe('claims: what must be left alone', () => {
  it('a correct print at 2, 3, 4 and 8 decimals, whatever its sum', () => {
    for (const name of ['seed2', 'seed3', 'seed4', 'seed']) {
      none(seedTutorial.replace('[0.93392735 0.26689223 0.02917942]', `[${rounded(name).join(' ')}]`));
    }
    // Three thirds at 4 decimals sum to 0.9999: that is what rounding does, not an error.
    none(['>>> torch.softmax(torch.tensor([1.0, 1.0, 1.0]), dim=0)', 'tensor([0.3333, 0.3333, 0.3333])', ''].join('\n'), 'python');
    none('probs: [0.3333 0.3333 0.3333]\n');
  });

  it('a float32 print of the float32 result, to 8 decimals', () => {
    // numpy's float32 softmax of [2, 1, 0.1]: each entry within a few float32 ulps of the exact value.
    none(['>>> x = torch.tensor([2.0, 1.0, 0.1])', '>>> print(torch.softmax(x, dim=0).numpy())', '[0.65900111 0.24243295 0.0985659 ]', ''].join('\n'), 'python');
  });

  it('a print of something that is not the softmax', () => {
    none(['```python', 'x = np.array([0.2, 0.5, 0.3])', 'print(x)', '```', 'Output:', '```', '[0.2 0.5 0.4]', '```'].join('\n'));
    none(['>>> p = softmax(np.array([2.0, 1.0, 0.1]))', '>>> np.round(p * 2, 1)', 'array([0.3, 0.5, 0.2])', ''].join('\n'), 'python');
  });

  it('softmax of random data, and of data the code does not write', () => {
    const text = ['```python', 'X = torch.rand((2, 3))', 'X_prob = softmax(X)', 'print(X_prob)', '```', '输出：', '```', 'tensor([[0.2206, 0.3520, 0.4274],', '        [0.1540, 0.2290, 0.6170]])', '```'].join('\n');
    none(text);
  });

  it('a print with elision, and a print whose code changes the logits in place', () => {
    none(['>>> logits = torch.tensor([2.0, 1.0, 0.1, 0.3, 0.2, 0.5, 0.7])', '>>> torch.softmax(logits, dim=0)', 'tensor([0.9000, 0.2000, ..., 0.1000])', ''].join('\n'), 'python');
    none(['logits = np.array([2.0, 1.0, 0.1])', 'logits[0] = 5.0', 'print(softmax(logits))', '# [0.6590 0.2424 0.0986]', ''].join('\n'), 'python');
    none(['logits = np.array([2.0, 1.0, 0.1])', 'for logits in batches:', '    pass', 'print(softmax(logits))', '# [0.6590 0.2424 0.0986]', ''].join('\n'), 'python');
  });

  it('two prints in one block whose outputs cannot be matched one to one, and the logits literal itself', () => {
    const text = ['```python', 'a = np.array([2.0, 1.0, 0.1])', 'print(softmax(a))', 'print(softmax(a * 2))', '```', 'Output:', '```', '[0.7 0.2 0.1]', '```'].join('\n');
    none(text);
    none('probs = np.array([0.7, 0.2, 0.1])\nprint(softmax(probs))\n', 'python');
  });

  it('a document\'s softmax with a temperature parameter, and half-precision logits', () => {
    none(['def softmax(x, T=2.0):', '    return np.exp(x / T) / np.exp(x / T).sum()', 'print(softmax(np.array([2.0, 1.0, 0.1])))', '# [0.4633 0.2812 0.2555]', ''].join('\n'), 'python');
    none(['>>> x = torch.tensor([2.0, 1.0, 0.1], dtype=torch.bfloat16)', '>>> torch.softmax(x, dim=0)', 'tensor([0.6602, 0.2432, 0.0986], dtype=torch.bfloat16)', ''].join('\n'), 'python');
  });

  it('Julia, R, MATLAB and LaTeX prints of probabilities that are right, or not claims at all', () => {
    // Julia prints a vector as a column, which holds no bracketed array: the row form below it is a literal in code.
    none(['julia> softmax([2.0, 1.0, 0.1])', '3-element Vector{Float64}:', ' 0.6590011388859679', ' 0.2424329707047139', ' 0.09856589040931818', '', 'julia> p = [0.7, 0.2, 0.1]'].join('\n'), 'julia');
    none(['> p <- c(0.659, 0.242, 0.099)', '> p', '[1] 0.659 0.242 0.099'].join('\n'), 'r');
    none(['>> p = softmax([2.0; 1.0; 0.1])', 'p =', '    0.6590    0.2424    0.0986'].join('\n'), 'matlab');
    none('$$\\mathrm{softmax}(z) = \\begin{bmatrix} 0.659 & 0.242 & 0.099 \\end{bmatrix}$$\n', 'latex');
    none('对 logits 做 softmax，得到的概率是 [0.659, 0.242, 0.099]。\n', 'markdown');
  });

  it('a softmax whose extra arguments this reader cannot read', () => {
    none(['def softmax(x, t):', '    return np.exp(x / t) / np.exp(x / t).sum()', 'print(softmax(np.array([2.0, 1.0, 0.1]), 2.0))', '# [0.9 0.05 0.05]', ''].join('\n'), 'python');
  });
});

describe('claims: numpy\'s own prints of scipy.special.softmax (scripts/claims-prints.py)', () => {
  const cases: { code: string[]; printed: string; precision: number }[] = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'claims', 'numpy-prints.json'), 'utf8'),
  );
  const doc = (c: { code: string[] }, printed: string) =>
    ['```python', 'import numpy as np', 'from scipy.special import softmax', ...c.code, '```', '', 'Output:', '', '```', printed, '```', ''].join('\n');

  it('finds nothing in any of them: float64 and float32, 2 to 8 decimals, e-notation, rows and columns', () => {
    for (const c of cases) none(doc(c, c.printed));
  });

  it('finds each one with its largest entry moved well past its last digit, and its fix checks clean', () => {
    let checked = 0;
    for (const c of cases) {
      if (/e/.test(c.printed)) continue;
      // numpy trims trailing zeros (`0.`, `0.5`): move an entry written with all the print's decimals.
      const tokens = c.printed.match(/\d+\.\d*/g)!;
      const decimals = Math.max(...tokens.map((t) => t.split('.')[1].length));
      const biggest = tokens.filter((t) => t.split('.')[1].length === decimals).reduce((a, b) => (Number(b) > Number(a) ? b : a));
      const delta = Math.max(5 * 10 ** -decimals, 1e-5) + 10 ** -decimals;
      const moved = (Number(biggest) > 0.5 ? Number(biggest) - delta : Number(biggest) + delta).toFixed(decimals);
      const text = doc(c, c.printed.replace(new RegExp(`(?<![\\d.])${biggest.replace('.', '\\.')}(?!\\d)`), moved));
      const f = wrong(text);
      assert.ok(describeFinding(f).includes(moved), describeFinding(f));
      none(applyFixes(text, [f]));
      checked++;
    }
    assert.ok(checked > 40, `${checked} cases`);
  });
});
