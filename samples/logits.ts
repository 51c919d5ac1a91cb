// Scores from a ranking model; softmax turns them into a distribution over the candidates.
export const scores = [1.2, 0.4, -0.3, 2.8, 0.0];

export const masked = new Float64Array([0.1, -Infinity, 0.7, 0.2]);

export const perHead = [
  [0.9, 0.1, -0.5],
  [2.0, 2.0, 1.0],
];
