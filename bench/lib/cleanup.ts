/**
 * Undo steps for a benchmark run, carried out last-in first-out and once, whether the
 * run succeeded, failed or was interrupted. `signal` aborts child processes still running.
 */
export class Cleanup {
  private readonly steps: Array<{ label: string; undo: () => unknown }> = [];
  private readonly controller = new AbortController();
  private running: Promise<void> | null = null;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  defer(label: string, undo: () => unknown): void {
    this.steps.push({ label, undo });
  }

  /** Every caller (the signal handler, the end of the run) waits for the same, single cleanup. */
  run(): Promise<void> {
    this.running ??= this.undoAll();
    return this.running;
  }

  private async undoAll(): Promise<void> {
    this.controller.abort();
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.undo();
      } catch (err) {
        console.error(`cleanup: ${step.label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
