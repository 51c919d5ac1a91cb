// What a keyboard or screen-reader user meets in a webview, measured in the real Chromium: axe-core's rules, the
// focus indicator of every control, the contrast of chart marks, and the accessibility tree Chromium builds.
import * as fs from 'fs';
import type { Frame, Page } from 'playwright-core';

/** The webview's own document (the page inside VS Code's two webview iframes), as a Playwright Frame. */
export async function webviewDocument(page: Page): Promise<Frame> {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
  const inner = await (await outer?.waitForSelector('#active-frame'))?.contentFrame();
  if (!inner) throw new Error('the webview has no document');
  return inner;
}

/** An sRGB colour with alpha, each channel 0–255 and alpha 0–1. */
type Rgba = [number, number, number, number];

/** Parses a computed colour: `rgb(r, g, b)` or `rgba(r, g, b, a)`, as Chromium reports them. */
export function parseColor(css: string): Rgba {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(css.trim());
  if (!m) throw new Error(`not a computed rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((k) => top[k] * a + bottom[k] * (1 - a)).concat(1) as Rgba;
}

/** The colour seen through a stack of backgrounds, nearest first, over a white canvas. */
export function seenThrough(layers: string[]): Rgba {
  return layers.reduceRight<Rgba>((below, layer) => over(parseColor(layer), below), [255, 255, 255, 1]);
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of a colour (possibly translucent) over an opaque background. */
export function contrast(color: string, background: Rgba): number {
  const a = luminance(over(parseColor(color), background));
  const b = luminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function hex([r, g, b]: Rgba): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The slice of the DOM the in-page probes touch (these tests compile without DOM types). */
interface ProbeElement {
  readonly tagName: string;
  readonly className: string | { baseVal: string };
  readonly parentElement: ProbeElement | null;
  readonly children: ArrayLike<ProbeElement>;
  readonly textContent: string | null;
  readonly tabIndex: number;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  focus(): void;
  getClientRects(): ArrayLike<unknown>;
}
interface ProbeStyle {
  [property: string]: string;
}
interface ProbeWindow {
  document: { activeElement: ProbeElement | null; body: ProbeElement; querySelectorAll(selector: string): ArrayLike<ProbeElement> };
  getComputedStyle(element: ProbeElement): ProbeStyle;
}

/** What the page reports of one focusable element, or of the one focused. */
interface ElementState {
  path: string;
  name: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
  /** Background colours behind the outline, nearest first. */
  backgrounds: string[];
}

type ProbeMode = 'focusable' | 'focused' | 'focusFirst';

/** Runs in the webview: lists the keyboard-focusable elements, describes the focused one, or focuses the first. */
function probe(mode: ProbeMode): ElementState[] {
  const w = globalThis as unknown as ProbeWindow;
  const pathOf = (element: ProbeElement) => {
    const steps: string[] = [];
    for (let n: ProbeElement | null = element; n?.parentElement; n = n.parentElement) {
      steps.unshift(`${n.tagName.toLowerCase()}${Array.prototype.indexOf.call(n.parentElement.children, n)}`);
    }
    return steps.join('>');
  };
  const describe = (element: ProbeElement): ElementState => {
    const style = w.getComputedStyle(element);
    const backgrounds: string[] = [];
    // An outline drawn inside the element lies on its own background; one outside, on its parent's.
    const start = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    for (let n = start; n; n = n.parentElement) backgrounds.push(w.getComputedStyle(n).backgroundColor);
    const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
    const className = typeof element.className === 'string' ? element.className : element.className.baseVal;
    return {
      path: pathOf(element),
      name: `${element.tagName.toLowerCase()}${className ? `.${className.split(' ').join('.')}` : ''} "${label.trim().slice(0, 40)}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      outlineOffset: style.outlineOffset,
      backgrounds,
    };
  };
  const focusable = Array.from(w.document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')).filter((element) => {
    const style = w.getComputedStyle(element);
    return element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0 && style.visibility !== 'hidden';
  });
  if (mode === 'focusFirst') {
    focusable[0]?.focus();
    return [];
  }
  if (mode === 'focusable') return focusable.map(describe);
  const active = w.document.activeElement;
  return active && active !== w.document.body ? [describe(active)] : [];
}

export interface FocusFinding {
  name: string;
  problem?: string;
  ratio: number;
}

/**
 * Walks the webview with Tab, as a keyboard user does, from its first control to the last, and measures each focused
 * element's outline against what lies behind it. Returns what was reached and the controls Tab never reached.
 */
export async function focusWalk(page: Page, frame: Frame): Promise<{ reached: FocusFinding[]; missed: string[] }> {
  const focusable = await frame.evaluate(probe, 'focusable' as ProbeMode);
  await frame.evaluate(probe, 'focusFirst' as ProbeMode);
  // A key press first, so the browser treats the focus as the keyboard's (as :focus-visible does).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const seen: ElementState[] = [];
  for (let k = 0; k < focusable.length + 20; k++) {
    const [state] = await frame.evaluate(probe, 'focused' as ProbeMode);
    if (!state || seen.some((s) => s.path === state.path)) break;
    seen.push(state);
    await page.keyboard.press('Tab');
  }
  const reached = seen.map((state): FocusFinding => {
    const background = seenThrough(state.backgrounds);
    const width = parseFloat(state.outlineWidth);
    if (state.outlineStyle === 'none' || !(width >= 1)) return { name: state.name, ratio: 0, problem: `no outline (${state.outlineStyle} ${state.outlineWidth})` };
    const ratio = contrast(state.outlineColor, background);
    return { name: state.name, ratio, problem: ratio >= 3 ? undefined : `outline ${state.outlineColor} on ${hex(background)}: ${ratio.toFixed(2)}:1` };
  });
  const missed = focusable.filter((f) => !seen.some((s) => s.path === f.path)).map((f) => f.name);
  return { reached, missed };
}

/** Every mark a chart draws (a bar's fill or outline, a curve's or a line's stroke) with its contrast against the chart's background. */
export async function chartMarkContrasts(frame: Frame): Promise<{ name: string; ratio: number; color: string; background: string }[]> {
  const marks = await frame.evaluate(() => {
    const w = globalThis as unknown as ProbeWindow;
    const found: { name: string; color: string; opacity: string; backgrounds: string[] }[] = [];
    for (const [selector, paint] of [
      ['svg.chart .bar rect', 'fill'],
      ['svg.chart .line', 'stroke'],
      ['svg.chart .cutoff', 'stroke'],
      ['svg.chart .axis', 'stroke'],
    ] as const) {
      Array.from(w.document.querySelectorAll(selector)).forEach((element, k) => {
        const style = w.getComputedStyle(element);
        const backgrounds: string[] = [];
        for (let n = element.parentElement; n; n = n.parentElement) backgrounds.push(w.getComputedStyle(n).backgroundColor);
        const group = element.parentElement?.getAttribute('class') ?? '';
        // A bar drawn as an outline (an entry sampling cut) is seen by its stroke.
        const seen = paint === 'fill' && style.fill === 'none' ? 'stroke' : paint;
        found.push({ name: `${selector} #${k} (${group})`, color: style[seen], opacity: style[`${seen}Opacity`], backgrounds });
      });
    }
    return found;
  });
  return marks.map((mark) => {
    const background = seenThrough(mark.backgrounds);
    const [r, g, b, a] = parseColor(mark.color);
    const color = `rgba(${r}, ${g}, ${b}, ${a * Number(mark.opacity)})`;
    return { name: mark.name, ratio: contrast(color, background), color: hex(over(parseColor(color), background)), background: hex(background) };
  });
}

let axeSource: string | undefined;

/** axe-core's findings in the document with every rule it enables by default, best practices included. */
export async function axeViolations(frame: Frame): Promise<{ violations: string[]; rulesRun: string[] }> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the webview's Content-Security-Policy does not govern.
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run({ resultTypes: ['violations'] });
    const rulesRun = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id);
    const violations = results.violations.map(
      (rule) => `${rule.id} (${rule.impact}): ${rule.nodes.map((node) => `${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('; ')}`,
    );
    return { violations, rulesRun };
  });
}

/** One node of Chromium's accessibility tree, as a screen reader is given it. */
export interface AxNode {
  role: string;
  name: string;
}

/** Chromium's accessibility tree of the webview's document (the frame two levels below the workbench), nodes not ignored. */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const session = await page.context().newCDPSession(page);
  try {
    interface FrameTree {
      frame: { id: string };
      childFrames?: FrameTree[];
    }
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const webview = frameTree.childFrames?.flatMap((child) => child.childFrames ?? []) ?? [];
    if (webview.length !== 1) throw new Error(`expected one webview document, found ${webview.length}`);
    const { nodes } = await session.send('Accessibility.getFullAXTree', { frameId: webview[0].frame.id });
    return nodes.filter((node) => !node.ignored).map((node) => ({ role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '') }));
  } finally {
    await session.detach();
  }
}
