/**
 * A counting semaphore: at most `size` requests outstanding at once, the rest
 * wait in arrival order. SMSCs agree a window per bind; sending past it gets
 * throttled or disconnected.
 */
export class Window {
  private outstanding = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
  }

  get inUse(): number {
    return this.outstanding;
  }

  acquire(): Promise<void> {
    if (this.outstanding < this.size) {
      this.outstanding++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // Hand the slot straight to the next waiter, so the count never dips and refills.
    if (next) next();
    else this.outstanding--;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}
