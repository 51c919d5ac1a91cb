// The walkthrough's lab for language-model logits: sampling filters, comparing two distributions, the gradient and
// Jacobian training uses, attention's masked and scaled softmax, and their formulas (TeX and plain readings).
export * from './order';
export * from './sampling';
export * from './compare';
export * from './training';
export * from './attention';
export * from './formulas';
