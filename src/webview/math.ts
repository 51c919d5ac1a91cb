import katex from 'katex';

// The DOM API, not renderToString: its styles go through the CSSOM, which the strict CSP allows.
const options = {
  trust: false,
  strict: 'error',
  throwOnError: false,
  maxSize: 20,
  maxExpand: 200,
  output: 'htmlAndMathml',
} as const;

/**
 * Typesets TeX into a new element; inline math may wrap after `+` and `=`, display math is centred.
 * `reading` is the formula in plain text (built by the host with the TeX): it names KaTeX's MathML, which
 * stays in place for screen readers that read MathML, and is what the others read instead of a heap of symbols.
 */
export function math(tex: string, reading: string, display = false, tag: 'div' | 'span' = display ? 'div' : 'span'): HTMLElement {
  const element = document.createElement(tag);
  element.className = display ? 'math display' : 'math';
  katex.render(tex, element, { ...options, displayMode: display });
  const mathml = element.querySelector('math');
  mathml?.setAttribute('alttext', reading);
  mathml?.setAttribute('aria-label', reading);
  return element;
}
