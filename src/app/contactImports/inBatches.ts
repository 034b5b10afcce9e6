/**
 * Feeds a stream of rows to a database step in batches, reading (and
 * validating) the next batch while the database works on the previous one:
 * the CPU-bound parsing in this process and the database's work overlap.
 * At most two batches are in memory; batches are handed over in order.
 */
export async function inBatches<T>(items: AsyncIterable<T>, size: number, handle: (batch: T[]) => Promise<void>): Promise<void> {
  let inFlight: Promise<void> | null = null;
  let batch: T[] = [];
  const send = async (next: T[]) => {
    if (inFlight) await inFlight;
    inFlight = handle(next);
    // Awaited before the next batch or at the end; until then, a failure must not count as unhandled.
    inFlight.catch(() => {});
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  if (inFlight) await inFlight;
}
