// The lab's controls, created once and moved into their sections on each render, so a value being typed survives a
// render and the focus comes back to it (main.ts refocuses by data-focus-key). Each is a standard labelled input.
import { fillTemplate } from '../../core/template';
import { dimensionMax, type AttentionSettings, type SamplingSettings, type WalkthroughStrings, type WalkthroughView } from '../../panel/protocol';
import { element } from '../dom';

export interface LabEvents {
  sampling(settings: SamplingSettings): void;
  compare(start: number | undefined): void;
  attention(settings: AttentionSettings): void;
}

/** A number input with its visible label, a hint saying its range and off value, and an output saying what it did. */
class NumberField {
  readonly root = element('span', 'group');
  readonly input = element('input');
  readonly label = element('label');
  readonly hint = element('span', 'hint');
  readonly status = element('output');

  constructor(id: string, range: { min: number; max: number; step: string }, accept: (value: number) => boolean, changed: () => void, withStatus = true) {
    this.input.type = 'number';
    this.input.id = id;
    this.input.min = String(range.min);
    this.input.max = String(range.max);
    this.input.step = range.step;
    this.input.dataset.focusKey = id;
    this.label.htmlFor = id;
    this.hint.id = `${id}-hint`;
    this.status.htmlFor.add(id);
    this.input.setAttribute('aria-describedby', this.hint.id);
    this.input.addEventListener('change', () => {
      const ok = this.input.value !== '' && accept(Number(this.input.value));
      this.input.setAttribute('aria-invalid', String(!ok));
      if (ok) changed();
    });
    this.root.append(this.label, this.input, this.hint);
    if (withStatus) this.root.append(this.status);
  }

  get value(): number {
    return Number(this.input.value);
  }

  show(value: number) {
    // Never change a field under the person's hand; the host's value comes again with the next render.
    if (document.activeElement === this.input) return;
    this.input.value = String(value);
    this.input.removeAttribute('aria-invalid');
  }
}

/** A checkbox with its label after it. */
function checkbox(id: string, changed: () => void): { root: HTMLElement; input: HTMLInputElement; label: HTMLLabelElement } {
  const input = element('input');
  input.type = 'checkbox';
  input.id = id;
  input.dataset.focusKey = id;
  input.addEventListener('change', changed);
  const label = element('label');
  label.htmlFor = id;
  const root = element('span', 'group');
  root.append(input, label);
  return { root, input, label };
}

function fieldset(className: string): { root: HTMLFieldSetElement; legend: HTMLLegendElement } {
  const root = element('fieldset', `lab-controls ${className}`);
  const legend = element('legend');
  root.append(legend);
  return { root, legend };
}

const isWhole = (v: number) => Number.isInteger(v);
const isFraction = (v: number) => v >= 0 && v <= 1;

export class LabControls {
  readonly sampling = fieldset('sampling');
  readonly compare = element('span', 'group compare');
  readonly attention = fieldset('attention');
  private readonly topK: NumberField;
  private readonly topP: NumberField;
  private readonly minP: NumberField;
  private readonly compareLabel = element('label');
  private readonly compareList = element('select');
  private readonly attentionOn: ReturnType<typeof checkbox>;
  private readonly d: NumberField;
  private readonly causal: ReturnType<typeof checkbox>;

  constructor(events: LabEvents) {
    const sendSampling = () => events.sampling({ topK: this.topK.value, topP: this.topP.value, minP: this.minP.value });
    this.topK = new NumberField('top-k', { min: 0, max: 2 ** 31, step: '1' }, (v) => isWhole(v) && v >= 0, sendSampling);
    this.topP = new NumberField('top-p', { min: 0, max: 1, step: '0.01' }, isFraction, sendSampling);
    this.minP = new NumberField('min-p', { min: 0, max: 1, step: '0.01' }, isFraction, sendSampling);
    this.sampling.root.append(this.topK.root, this.topP.root, this.minP.root);

    this.compareList.id = 'compare-with';
    this.compareList.dataset.focusKey = 'compare-with';
    this.compareLabel.htmlFor = this.compareList.id;
    this.compareList.addEventListener('change', () => events.compare(this.compareList.value === '' ? undefined : Number(this.compareList.value)));
    this.compare.append(this.compareLabel, this.compareList);

    const sendAttention = () => events.attention({ on: this.attentionOn.input.checked, d: this.d.value, causal: this.causal.input.checked });
    this.attentionOn = checkbox('attention-on', sendAttention);
    this.d = new NumberField('attention-d', { min: 1, max: dimensionMax, step: '1' }, (v) => isWhole(v) && v >= 1 && v <= dimensionMax, sendAttention, false);
    this.causal = checkbox('causal', sendAttention);
    this.attention.root.append(this.attentionOn.root, this.d.root, this.causal.root);
  }

  update(view: WalkthroughView, strings: WalkthroughStrings) {
    const words = strings.lab;
    const { sampling, compare } = view.lab;
    this.sampling.legend.textContent = words.samplingLegend;
    const fields = [
      [this.topK, words.topK, words.topKOff, sampling.settings.topK, 'topK'],
      [this.topP, words.topP, words.topPOff, sampling.settings.topP, 'topP'],
      [this.minP, words.minP, words.minPOff, sampling.settings.minP, 'minP'],
    ] as const;
    for (const [field, label, off, value, filter] of fields) {
      field.label.textContent = label;
      field.hint.textContent = off;
      field.show(value);
      const stage = sampling.stages.find((s) => s.filter === filter);
      field.status.textContent = stage ? fillTemplate(words.keptOf, stage.kept, stage.seen) : words.off;
    }

    this.compareLabel.textContent = words.compareWith;
    const options = [{ value: '', label: words.compareNothing }, ...compare.candidates.map((c) => ({ value: String(c.start), label: c.label }))];
    this.compareList.replaceChildren(
      ...options.map(({ value, label }) => {
        const option = element('option', undefined, label);
        option.value = value;
        return option;
      }),
    );
    this.compareList.value = compare.chosen === undefined ? '' : String(compare.chosen);
    this.compareList.disabled = compare.candidates.length === 0;

    const settings = view.lab.attentionSettings;
    this.attention.legend.textContent = words.attentionLegend;
    this.attentionOn.label.textContent = words.attentionMode;
    this.attentionOn.input.checked = settings.on;
    this.d.label.textContent = words.attentionD;
    this.d.hint.textContent = words.attentionDHint;
    this.d.show(settings.d);
    this.causal.label.textContent = words.causalMask;
    this.causal.input.checked = settings.causal;
  }
}
