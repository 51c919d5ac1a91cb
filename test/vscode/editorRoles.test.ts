// What the lens, the hover, the command and the walkthrough show for each kind of array: logits get their softmax,
// printed probabilities and log-probabilities their own facts, shapes nothing but a note.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { argmax, formatNumber, formatProbabilityDigits, probabilityFacts, softmax } from '../../src/core';
import { activateExtension, closeAllEditors, openEditor, positionOf, softmaxHover, softmaxLenses, withSetting } from './editorSupport';

/** The softmax lens title of logits, from the core's numbers and formatter. */
function softmaxTitle(values: number[]): string {
  const p = softmax(values);
  const best = argmax(p);
  // Digits that never read 1 for p < 1 or 0 for p > 0: [0, 1027] reads [7e-446, >0.999].
  const facts = probabilityFacts(values, p);
  const digits = (i: number) => formatProbabilityDigits(p[i], 3, facts(i));
  return `softmax → [${Array.from(p, (_, i) => digits(i)).join(', ')}] · max ${digits(best)} @ ${best}`;
}

/** −Σ p log p of printed probabilities, summed plainly: a reference for the lens's entropy to 3 digits. */
function entropyNats(p: number[]): number {
  return -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
}

/** Every hover VS Code shows at a position, as text (Softmax Lens's shape note carries no walkthrough link). */
async function allHoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('What each kind of array shows', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('a torch.Size print gets no lens, and gets its softmax lens back under codeLens.arrays = "all"', async () => {
    const source = 'x = torch.zeros(2, 1027)\nprint(x.shape)  # torch.Size([2, 1027])\nlogits = [2.0, 1.0, 0.1]\n';
    const { document } = await openEditor('python', source);
    assert.deepStrictEqual(
      (await softmaxLenses(document.uri)).map((l) => [l.range.start.line, l.command?.title]),
      [[2, softmaxTitle([2.0, 1.0, 0.1])]],
    );
    await withSetting('codeLens.arrays', 'all', async () => {
      assert.deepStrictEqual(
        (await softmaxLenses(document.uri)).map((l) => [l.range.start.line, l.command?.title]),
        [
          [1, softmaxTitle([2, 1027])],
          [2, softmaxTitle([2.0, 1.0, 0.1])],
        ],
      );
    });
    await withSetting('codeLens.enabled', false, async () => assert.deepStrictEqual(await softmaxLenses(document.uri), []));
  });

  test('a printed softmax output gets a probabilities lens: sum at print precision, argmax, entropy, never its softmax', async () => {
    // softmax([1.2, -0.3, 2.5]) to 4 decimals (Python decimal, 50 digits).
    const p = [0.2044, 0.0456, 0.75];
    const source = ['```python', 'probs = F.softmax(logits, dim=-1)', 'print(probs)', '```', '', '```', 'tensor([[0.2044, 0.0456, 0.7500]], grad_fn=<SoftmaxBackward0>)', '```', ''].join('\n');
    const { document } = await openEditor('markdown', source);
    const [lens] = await softmaxLenses(document.uri);
    assert.strictEqual(lens.command?.title, `probabilities per row (1×3) · every row sums to 1 ✓ · argmax [2]`);
    assert.match(lens.command?.tooltip ?? '', /^Read as probabilities: printed with grad_fn=<SoftmaxBackward0>\./);
    const vector = await openEditor('python', 'probs = [0.2044, 0.0456, 0.7500]\n');
    const [flat] = await softmaxLenses(vector.document.uri);
    assert.strictEqual(flat.command?.title, `probabilities · sum 1 ✓ · entropy ${formatNumber(entropyNats(p), 3)} nats · max 0.75 @ 2`);
  });

  test('the hover of a wrong printed softmax says how far off it is and what its digits allow', async () => {
    const source = ['```python', 'print(softmax(np.array([3.0, 1.0, 0.2])))', '```', '输出：', '```', '[0.93392735 0.26689223 0.02917942]', '```', ''].join('\n');
    const { document } = await openEditor('markdown', source);
    const hover = await softmaxHover(document.uri, positionOf(document, '0.26689223'));
    assert.ok(hover);
    assert.match(hover.text, /^\*\*Probabilities\*\* — printed after softmax\(…\)/);
    // Exactly, 0.93392735 + 0.26689223 + 0.02917942 = 1.22999900.
    assert.match(hover.text, /⚠ They sum to 1\.229999, but 8 decimals allow only 1 ± /);
    assert.doesNotMatch(hover.text, /\*\*Softmax\*\*/);
    const [logits, printed] = (await softmaxLenses(document.uri)).map((l) => l.command?.title ?? '');
    assert.strictEqual(logits, softmaxTitle([3.0, 1.0, 0.2]));
    assert.match(printed, /^probabilities · ⚠ sum 1\.23, its print allows 1 ± /);
  });

  test('printed log-probabilities get exp → […] in their lens and a logsumexp check in their hover', async () => {
    const logP = [-1.5877, -3.0877, -0.2877];
    const { document } = await openEditor('python', `log_probs = [${logP.join(', ')}]\n`);
    const [lens] = await softmaxLenses(document.uri);
    const exp = logP.map(Math.exp);
    const best = argmax(exp);
    assert.strictEqual(lens.command?.title, `log-probabilities · exp → [${exp.map((x) => formatNumber(x, 3)).join(', ')}] · max ${formatNumber(exp[best], 3)} @ ${best}`);
    const hover = await softmaxHover(document.uri, positionOf(document, '-3.0877'));
    assert.ok(hover);
    assert.match(hover.text, /^\*\*Log-probabilities\*\* — named log_probs/);
    assert.match(hover.text, /✓ Their logsumexp is 0 as far as their printing tells \(4 decimals: 0 ± /);
  });

  test('a shape\'s hover is a short note with no softmax table, in Python, R and LaTeX', async () => {
    const cases: [string, string, string, RegExp][] = [
      ['python', 'ids = ids_tensor([8, 128], 2)\n', '128', /\*\*A shape\*\* — passed to ids_tensor\(…\)/],
      ['r', 'y <- x$view(c(4, 3))\n', '4, 3', /\*\*A shape\*\* — passed to x\$view\(…\)/],
      ['latex', 'For every $\\lambda \\in [0, 1]$ the mixture is convex.\n', '0, 1', /\*\*A shape\*\* — a range or set of values after “\\in”/],
    ];
    for (const [language, source, at, note] of cases) {
      const { document } = await openEditor(language, source);
      const text = await allHoverText(document.uri, positionOf(document, at));
      assert.match(text, note, language);
      assert.doesNotMatch(text, /\| # \|/, language);
      assert.deepStrictEqual(await softmaxLenses(document.uri), [], language);
    }
  });

  test('in R, a probability vector named p gets a probabilities lens and a shape none', async () => {
    const { document } = await openEditor('r', 'y <- x$view(c(4, 3))\np <- c(0.7, 0.2, 0.1)\nscores <- c(2.0, 1.0, 0.1)\n');
    assert.deepStrictEqual(
      (await softmaxLenses(document.uri)).map((l) => [l.range.start.line, l.command?.title]),
      [
        [1, `probabilities · sum 1 ✓ · entropy ${formatNumber(entropyNats([0.7, 0.2, 0.1]), 3)} nats · max 0.7 @ 0`],
        [2, softmaxTitle([2.0, 1.0, 0.1])],
      ],
    );
  });

  test('the 1 000-lens cap counts the lenses shown: a thousand shapes ahead of the logits take none of it', async () => {
    const shapes = Array.from({ length: 1500 }, (_, i) => `x${i} = torch.zeros([2, ${i + 1}])`);
    const scores = Array.from({ length: 10 }, (_, i) => `s${i} = [${i}.5, 1.0, 2.0]`);
    const { document } = await openEditor('python', [...shapes, ...scores].join('\n'));
    const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepStrictEqual(
      all.map((l) => l.range.start.line),
      scores.map((_, i) => 1500 + i),
    );
  });

  test('Compute Softmax on printed probabilities still computes their softmax: the person asked', async () => {
    const values = [0.2044, 0.0456, 0.75];
    const editor = await openEditor('python', 'probs = [0.2044, 0.0456, 0.7500]\n');
    const at = positionOf(editor.document, '0.0456');
    editor.selection = new vscode.Selection(at, at);
    const result = await vscode.commands.executeCommand<{ values: number[]; probabilities: number[] }>('softmaxLens.computeSoftmax');
    assert.deepStrictEqual(result?.values, values);
    assert.deepStrictEqual(result?.probabilities, Array.from(softmax(values)));
  });

  test('the walkthrough says what the array reads as, and that its steps take the softmax anyway', async () => {
    const source = 'probs = [0.2044, 0.0456, 0.7500]\n';
    const { document } = await openEditor('python', source);
    await vscode.commands.executeCommand('softmaxLens.showWalkthrough', { uri: document.uri.toString(), start: source.indexOf('[') });
    const snapshot = await vscode.commands.executeCommand<{ reading?: { label: string; reason: string; note?: string } }>('softmaxLens.walkthrough.snapshot');
    assert.strictEqual(snapshot?.reading?.label, 'probabilities');
    assert.strictEqual(snapshot?.reading?.reason, 'named probs');
    assert.match(snapshot?.reading?.note ?? '', /not logits; the steps below take their softmax as if they were logits/);
  });
});
