// Pure (no vscode import), so plain-Node tests check it; every vscode.Disposable fits `Disposes`.

/** Whatever can be disposed: listeners, emitters, registrations, diagnostic collections, timers wrapped in one. */
export interface Disposes {
  dispose(): void;
}

/**
 * The one way a provider, the panel or a cache owns what it creates: `_register` takes ownership and hands the thing
 * back, `dispose()` disposes everything once, last registered first. What is registered after disposal is disposed
 * at once, so a late listener never outlives its owner.
 */
export abstract class Disposable implements Disposes {
  private readonly owned: Disposes[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends Disposes>(x: T): T {
    if (this.disposed) x.dispose();
    else this.owned.push(x);
    return x;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const owned = this.owned.splice(0).reverse();
    let failure: { error: unknown } | undefined;
    // Last first: a later registration may lean on an earlier one. One that throws does not keep the rest alive.
    for (const x of owned) {
      try {
        x.dispose();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}
