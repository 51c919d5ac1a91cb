// The controls stay in place across renders, so a drag on the temperature slider is never interrupted by its own result.
import { decimalsRange, temperatureSlider, type WalkthroughStrings, type WalkthroughView } from '../panel/protocol';

export interface ControlEvents {
  temperature(value: number): void;
  decimals(value: number): void;
  row(value: number): void;
  pinned(value: boolean): void;
}

/** The slider moves along log10(T), so 0.1 → 1 takes as much travel as 1 → 10. */
const toSlider = (t: number) => Math.log10(t);
const fromSlider = (v: number) => Number(Math.pow(10, v).toPrecision(3));
const throttleMs = 40;

export class Controls {
  readonly root = document.createElement('div');
  private readonly pin = document.createElement('button');
  private readonly slider = document.createElement('input');
  private readonly temperatureValue = document.createElement('output');
  private readonly temperatureLabel = document.createElement('label');
  private readonly reset = document.createElement('button');
  private readonly decimals = document.createElement('input');
  private readonly decimalsLabel = document.createElement('label');
  private readonly row = document.createElement('input');
  private readonly rowLabel = document.createElement('label');
  private readonly rowGroup = document.createElement('span');
  private pinned = false;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(events: ControlEvents) {
    this.root.className = 'controls';
    this.pin.type = 'button';
    this.pin.className = 'pin';
    this.pin.addEventListener('click', () => events.pinned(!this.pinned));

    this.slider.type = 'range';
    this.slider.id = 'temperature';
    this.slider.min = String(toSlider(temperatureSlider.min));
    this.slider.max = String(toSlider(temperatureSlider.max));
    this.slider.step = '0.01';
    this.temperatureLabel.htmlFor = this.slider.id;
    this.temperatureValue.htmlFor.add(this.slider.id);
    this.slider.addEventListener('input', () => {
      const t = fromSlider(Number(this.slider.value));
      this.temperatureValue.textContent = `T = ${t}`;
      this.slider.setAttribute('aria-valuetext', `T = ${t}`);
      clearTimeout(this.pending);
      this.pending = setTimeout(() => events.temperature(t), throttleMs);
    });
    this.reset.type = 'button';
    this.reset.className = 'reset';
    this.reset.addEventListener('click', () => events.temperature(1));

    this.decimals.type = 'number';
    this.decimals.id = 'decimals';
    this.decimals.min = String(decimalsRange.min);
    this.decimals.max = String(decimalsRange.max);
    this.decimalsLabel.htmlFor = this.decimals.id;
    this.decimals.addEventListener('change', () => {
      const d = Number(this.decimals.value);
      if (Number.isInteger(d) && d >= decimalsRange.min && d <= decimalsRange.max) events.decimals(d);
    });

    this.row.type = 'number';
    this.row.id = 'row';
    this.row.min = '0';
    this.rowLabel.htmlFor = this.row.id;
    this.row.addEventListener('change', () => {
      const r = Number(this.row.value);
      if (Number.isInteger(r)) events.row(r);
    });
    this.rowGroup.className = 'group';
    this.rowGroup.append(this.rowLabel, this.row);

    const temperature = document.createElement('span');
    temperature.className = 'group';
    temperature.append(this.temperatureLabel, this.slider, this.temperatureValue, this.reset);
    const decimals = document.createElement('span');
    decimals.className = 'group';
    decimals.append(this.decimalsLabel, this.decimals);
    this.root.append(this.pin, temperature, decimals, this.rowGroup);
  }

  update(view: WalkthroughView, strings: WalkthroughStrings) {
    this.pinned = view.pinned;
    this.pin.textContent = view.pinned ? strings.unpin : strings.pin;
    this.pin.setAttribute('aria-pressed', String(view.pinned));
    this.temperatureLabel.textContent = strings.temperature;
    this.reset.textContent = strings.reset;
    this.decimalsLabel.textContent = strings.decimals;
    this.rowLabel.textContent = strings.row;
    // Never move a control under the person's hand; the host's value arrives again on the next render.
    if (document.activeElement !== this.slider) {
      this.slider.value = String(toSlider(view.temperature));
      this.temperatureValue.textContent = `T = ${view.temperature}`;
      this.slider.setAttribute('aria-valuetext', `T = ${view.temperature}`);
    }
    if (document.activeElement !== this.decimals) this.decimals.value = String(view.decimals);
    this.row.max = String(view.rowCount - 1);
    if (document.activeElement !== this.row) this.row.value = String(view.row);
    this.rowGroup.hidden = view.rowCount <= 1;
    this.root.hidden = false;
  }

  hide() {
    this.root.hidden = true;
  }
}
