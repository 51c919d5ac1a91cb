// Breakdowns every walkthrough formula is checked on: the TeX typesets and the plain readings say the same numbers.
export interface FormulaCase {
  name: string;
  logits: number[];
  temperature?: number;
  decimals: number;
}

export const formulaCases: FormulaCase[] = [
  { name: 'the worked example', logits: [2, 1, 0.1], decimals: 4 },
  { name: 'a temperature of 0.5', logits: [2, 1, 0.1], temperature: 0.5, decimals: 6 },
  { name: 'masked logits', logits: [3, -Infinity, 1, -Infinity], decimals: 3 },
  { name: 'probabilities far below the decimals (scientific notation)', logits: [0, -800, -50, 700], decimals: 4 },
  { name: 'negative logits and one decimal', logits: [-1.5, -2.25, -0.75], decimals: 1 },
  { name: 'a huge spread at 15 decimals', logits: [1e6, -1e6, 0.5], temperature: 10, decimals: 15 },
  { name: 'one entry reading as the double 1 beside one too small for a double', logits: [0, -1000, -Infinity], decimals: 0 },
  { name: 'logits with more digits than are shown', logits: [0.123456789, -1.5, 2.718281828, 2.7182818], temperature: 0.7, decimals: 4 },
];
