// Checking every printed array of a document against its code (claimSteps), next to finding the arrays (findArrays)
// in the same text and run.
import { claimSteps, findArrays, runSteps, softmax, type FoundArray } from '../src/core';
import { markdownTable, registerSuite, middle, msTimes } from './harness';
import { random } from './random';

function documents(): { name: string; languageId: string; text: string }[] {
  const rnd = random(15);
  const num = (scale: number) => ((rnd() - 0.5) * scale).toFixed(1);
  const lines = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join('\n');
  return [
    {
      name: 'Markdown tutorial: logits, a softmax print, its output (half of them wrong)',
      languageId: 'markdown',
      text: lines(5_000, (i) => {
        const logits = [num(8), num(8), num(8)];
        const p = Array.from(softmax(logits.map(Number)), (v) => v.toFixed(4));
        if (i % 2 === 1) p.reverse();
        return `\`\`\`python\nlogits${i} = np.array([${logits.join(', ')}])\nprint(softmax(logits${i}))\n\`\`\`\n\nOutput:\n\n\`\`\`\n[${p.join(' ')}]\n\`\`\`\n`;
      }),
    },
    {
      name: 'numpy prints of probabilities with no code (the sum check)',
      languageId: 'plaintext',
      text: lines(20_000, () => {
        const a = rnd();
        const b = (1 - a) * rnd();
        return `[${a.toFixed(8)} ${b.toFixed(8)} ${(1 - a - b).toFixed(8)}]`;
      }),
    },
    { name: 'Python assignments of small integers (nothing to check)', languageId: 'python', text: lines(20_000, (i) => `v${i} = [${i % 7}, 1, 2]`) },
  ];
}

registerSuite({
  name: 'claims',
  run(): string {
    const rows: string[][] = [];
    for (const doc of documents()) {
      let found: FoundArray[] = [];
      let findings = 0;
      const find = msTimes(() => (found = findArrays(doc.text, doc.languageId)));
      const check = msTimes(() => (findings = runSteps(claimSteps(doc.text, found, doc.languageId)).length));
      rows.push([
        doc.name,
        `${(doc.text.length / 1048576).toFixed(1)} MB`,
        String(found.length),
        String(findings),
        `${middle(check).toFixed(1)} (${check[0].toFixed(1)})`,
        `${middle(find).toFixed(1)} (${find[0].toFixed(1)})`,
        `${(middle(check) / middle(find)).toFixed(2)}×`,
      ]);
    }
    return [
      '## claims',
      'Checking every array of a document against the code that printed it (`claimSteps` run to the end), next to `findArrays` on the same text in the same run. Wall time, ms: median of 7 runs after a warm-up, fastest in parentheses.',
      markdownTable(['document', 'size', 'arrays', 'findings', 'claims ms', 'findArrays ms', 'claims / find'], rows),
    ].join('\n\n');
  },
});
