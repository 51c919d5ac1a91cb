import { SoftmaxInputError } from '../../src/core';

/** The SoftmaxInputError `run` throws; any other outcome fails the test. */
export function thrown(run: () => unknown): SoftmaxInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof SoftmaxInputError) return error;
    throw error;
  }
  throw new Error('no SoftmaxInputError was thrown');
}
