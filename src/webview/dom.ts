// The few DOM builders every part of the walkthrough uses. Text goes in through textContent only.

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A section of the walkthrough, named by its h2. */
export function section(id: string, heading: string): HTMLElement {
  const node = element('section', 'step');
  node.id = id;
  node.setAttribute('aria-labelledby', `${id}-heading`);
  const title = element('h2', undefined, heading);
  title.id = `${id}-heading`;
  node.append(title);
  return node;
}

/** A mark seen beside an entry (hidden from screen readers), and the words they hear instead, if any. */
export function markWithWords(mark: string, words?: string): HTMLElement[] {
  const seen = element('span', 'mark', mark);
  seen.setAttribute('aria-hidden', 'true');
  return words === undefined ? [seen] : [seen, element('span', 'visually-hidden', words)];
}
