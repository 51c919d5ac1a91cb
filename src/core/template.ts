// Text a view builds without the rest of the core: the webview imports this module directly, so its bundle carries
// neither the scanner nor the softmax kernel.

/** Fills `{0}`-style placeholders of a localized string; one without a value stays as written. */
export function fillTemplate(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, k: string) => (values[Number(k)] === undefined ? whole : String(values[Number(k)])));
}

/** A printed number as it is read: a minus sign (U+2212) rather than a hyphen, which readers may skip. */
export function spokenNumber(printed: string): string {
  return printed.replace(/-/g, '−');
}
