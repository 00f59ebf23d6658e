// Private: an unbounded async queue (push from a reader loop, pull from the executor).

/** What `next()` resolves to when its wait ran out. */
export const TIMED_OUT: unique symbol = Symbol("timed out");

/**
 * A queue whose `next()` waits for the next item; `undefined` once closed and drained.
 *
 * @example
 * ```ts
 * import { AsyncQueue, TIMED_OUT } from "@shoplab/lib/report/kernel/_queue.ts";
 * import assert from "node:assert/strict";
 * const q = new AsyncQueue<number>();
 * const waiting = q.next();
 * q.push(1);
 * q.push(2);
 * assert.equal(await waiting, 1);
 * assert.equal(await q.next(0), 2);
 * assert.equal(await q.next(5), TIMED_OUT);
 * q.close();
 * assert.equal(await q.next(), undefined);
 * ```
 */
export class AsyncQueue<T> {
  #items: T[] = [];
  #waiters: ((v: T | undefined | typeof TIMED_OUT) => void)[] = [];
  #closed = false;

  /** Adds an item (ignored after `close()`). */
  push(item: T): void {
    if (this.#closed) return;
    const w = this.#waiters.shift();
    if (w) w(item);
    else this.#items.push(item);
  }

  /** Ends the queue: waiting and future `next()` calls resolve `undefined` once drained. */
  close(): void {
    this.#closed = true;
    for (const w of this.#waiters.splice(0)) w(undefined);
  }

  /** The next item; {@linkcode TIMED_OUT} when none came within `waitMs` (no item is lost). */
  next(waitMs = Infinity): Promise<T | undefined | typeof TIMED_OUT> {
    if (this.#items.length) return Promise.resolve(this.#items.shift());
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = (v: T | undefined | typeof TIMED_OUT) => {
        clearTimeout(timer);
        resolve(v);
      };
      this.#waiters.push(waiter);
      if (Number.isFinite(waitMs)) {
        timer = setTimeout(() => {
          const i = this.#waiters.indexOf(waiter);
          if (i !== -1) this.#waiters.splice(i, 1);
          resolve(TIMED_OUT);
        }, Math.max(0, waitMs));
      }
    });
  }
}

/**
 * Waits for `p` at most `ms` (the timer is cleared either way).
 *
 * @example
 * ```ts
 * import { TIMED_OUT, within } from "@shoplab/lib/report/kernel/_queue.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await within(Promise.resolve("done"), 1000), "done");
 * assert.equal(await within(new Promise(() => {}), 5), TIMED_OUT);
 * ```
 */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((
    r,
  ) => (timer = setTimeout(() => r(TIMED_OUT), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
