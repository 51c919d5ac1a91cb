// Classifying every array of a 100 000-array document, next to finding them (findArrays) in the same run.
import { classifySteps, findArrays, runSteps, type FoundArray } from '../src/core';
import { markdownTable, registerSuite, middle, msTimes } from './harness';
import { random } from './random';

const arrays = 100_000;

function documents(): { name: string; languageId: string; text: string }[] {
  const rnd = random(7);
  const num = (scale: number) => (rnd() * scale).toFixed(4);
  const lines = (make: (i: number) => string) => Array.from({ length: arrays }, (_, i) => make(i)).join('\n');
  return [
    { name: 'JSON lines of named logits', languageId: 'json', text: lines((i) => `{"step": ${i}, "logits": [${Array.from({ length: 10 }, () => num(8)).join(', ')}]}`) },
    {
      name: 'numpy prints of probabilities (no names: values and printers decide)',
      languageId: 'plaintext',
      text: lines(() => {
        const a = rnd();
        const b = (1 - a) * rnd();
        return `[${a.toFixed(8)} ${b.toFixed(8)} ${(1 - a - b).toFixed(8)}]`;
      }),
    },
    {
      name: 'Markdown: a code block, then its torch print',
      languageId: 'markdown',
      text: lines((i) => `\`\`\`python\np${i} = F.softmax(x, dim=-1)\nprint(p${i})\n\`\`\`\n\`\`\`\ntensor([${num(0.5)}, ${num(0.5)}])\n\`\`\``),
    },
    { name: 'Python assignments of small integers', languageId: 'python', text: lines((i) => `v${i} = [${i % 7}, 1, 2]`) },
  ];
}

registerSuite({
  name: 'roles',
  run(): string {
    const rows: string[][] = [];
    for (const doc of documents()) {
      let found: FoundArray[] = [];
      const find = msTimes(() => (found = findArrays(doc.text, doc.languageId)));
      const classify = msTimes(() => runSteps(classifySteps(doc.text, found, doc.languageId)));
      rows.push([
        doc.name,
        `${(doc.text.length / 1048576).toFixed(1)} MB`,
        String(found.length),
        `${middle(classify).toFixed(1)} (${classify[0].toFixed(1)})`,
        `${middle(find).toFixed(1)} (${find[0].toFixed(1)})`,
        `${(middle(classify) / middle(find)).toFixed(2)}×`,
        `${((1e6 * middle(classify)) / found.length).toFixed(0)} ns`,
      ]);
    }
    return [
      '## roles',
      `Classifying every array of a document of ${arrays.toLocaleString('en')} arrays (\`classifySteps\` run to the end), next to \`findArrays\` on the same text in the same run. Wall time, ms: median of 7 runs after a warm-up, fastest in parentheses.`,
      markdownTable(['document', 'size', 'arrays', 'classify ms', 'findArrays ms', 'classify / find', 'per array'], rows),
    ].join('\n\n');
  },
});
