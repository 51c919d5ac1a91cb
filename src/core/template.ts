/** Fills `{0}`-style placeholders of a localized string; one without a value stays as written. */
export function fillTemplate(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, k: string) => (values[Number(k)] === undefined ? whole : String(values[Number(k)])));
}
