// The walkthrough's lab for language-model logits: sampling filters, comparing two distributions, the gradient and
// Jacobian training uses, attention's masked and scaled softmax, and their formulas (TeX and plain readings).
// The core exports it as one group, `lab`; every name is listed on purpose (CONTRIBUTING.md).
export { rankOrder } from './order';
export {
  checkSamplingOptions, sampling, samplingIsOn, samplingSteps,
  type Sampled, type SamplingFilter, type SamplingOptions, type SamplingStage,
} from './sampling';
export { compare, compareSteps, type Comparison, type Distribution, type Support } from './compare';
export { crossEntropyGradient, crossEntropyGradientSteps, softmaxJacobian } from './training';
export {
  attentionRowSteps, attentionScale, attentionWeights, attentionWeightsSteps, maskedScores, type AttentionOptions,
} from './attention';
export {
  attentionFormulas, attentionRowFormulas, comparedFormula, comparisonFormulas, comparisonHeadings, gradientChainFormula,
  gradientFormula, gradientVectorFormula, jacobianEntryFormula, jacobianFormula, perplexityFormula, renormalizeFormula,
  renormalizedEntryFormula, samplingStageFormula, type Formula,
} from './formulas';
