// What a closed panel or a deactivated extension leaves behind: nothing, each listener released exactly once.
import * as assert from 'assert';
import { Disposable, type Disposes } from '../../src/editor/dispose';

class Owner extends Disposable {
  register<T extends Disposes>(x: T): T {
    return this._register(x);
  }
  get closed(): boolean {
    return this.isDisposed;
  }
}

/** A disposable that writes its name to `log` each time it is disposed. */
const logged = (log: string[], name: string): Disposes => ({ dispose: () => void log.push(name) });

describe('disposal', () => {
  it('disposes everything registered, last first, and hands each registration back', () => {
    const log: string[] = [];
    const owner = new Owner();
    const a = logged(log, 'emitter');
    assert.strictEqual(owner.register(a), a);
    owner.register(logged(log, 'listener'));
    owner.register(logged(log, 'registration'));
    assert.deepStrictEqual(log, []);
    owner.dispose();
    assert.deepStrictEqual(log, ['registration', 'listener', 'emitter']);
    assert.ok(owner.closed);
  });

  it('disposes once however often it is asked', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register(logged(log, 'listener'));
    owner.dispose();
    owner.dispose();
    assert.deepStrictEqual(log, ['listener']);
  });

  it('disposes at once what is registered after disposal', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.register(logged(log, 'late listener'));
    assert.deepStrictEqual(log, ['late listener']);
    owner.dispose();
    assert.deepStrictEqual(log, ['late listener']);
  });

  it('disposes the rest when one throws, then reports the first failure', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register(logged(log, 'first'));
    owner.register({ dispose: () => { throw new Error('second failed'); } });
    owner.register({ dispose: () => { throw new Error('third failed'); } });
    owner.register(logged(log, 'fourth'));
    assert.throws(() => owner.dispose(), /third failed/);
    assert.deepStrictEqual(log, ['fourth', 'first']);
    assert.doesNotThrow(() => owner.dispose());
  });
});
