// The sampling section: the filters' controls, each filter's rule with its numbers, the survivors renormalized, and
// the entropy and perplexity before and after.
import { fillTemplate } from '../../core/template';
import type { WalkthroughStrings, WalkthroughView } from '../../panel/protocol';
import { cutMark } from '../chart';
import { element, markWithWords, section } from '../dom';
import { math } from '../math';
import type { LabControls } from './controls';

export function samplingSection(view: WalkthroughView, strings: WalkthroughStrings, controls: LabControls): HTMLElement {
  const words = strings.lab;
  const s = view.lab.sampling;
  const node = section('sampling', words.samplingHeading);
  node.append(element('p', 'why', words.samplingWhy), controls.sampling.root);
  if (s.stages.length === 0) {
    node.append(element('p', 'hint', fillTemplate(words.samplingOffNote, s.total)), math(s.before.tex, s.before.reading, true));
    return node;
  }
  const why = { topK: words.topKWhy, topP: words.topPWhy, minP: words.minPWhy };
  const stages = element('ol', 'stages');
  for (const stage of s.stages) {
    const item = element('li');
    item.append(element('p', 'why', why[stage.filter]), math(stage.formula.tex, stage.formula.reading, true));
    stages.append(item);
  }
  node.append(stages, element('h3', undefined, words.renormalizeHeading));
  if (s.renormalize) node.append(math(s.renormalize.tex, s.renormalize.reading, true));
  const entries = element('ul', 'equations survivors');
  for (const entry of s.entries.filter((e) => !e.cut)) {
    const item = element('li');
    item.append(math(entry.formula.tex, entry.formula.reading, true));
    entries.append(item);
  }
  node.append(entries);
  // The entries cut, in one line: after renormalizing each is 0.
  const cut = s.entries.filter((e) => e.cut);
  if (cut.length > 0) {
    const line = element('p', 'cut');
    line.append(markWithWords(cutMark)[0], fillTemplate(words.cutEntries, cut.map((e) => e.index).join(', ')));
    node.append(line);
  }
  if (view.summary) node.append(element('p', 'hint', fillTemplate(words.labRowsShown, view.rows.length, view.length)));
  node.append(element('h3', undefined, words.perplexityHeading), math(s.before.tex, s.before.reading, true));
  if (s.after) node.append(math(s.after.tex, s.after.reading, true));
  return node;
}
