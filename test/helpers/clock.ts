// A fake clock for code that takes its clock injected (check's runner, #15): now(), sleep() and
// after() as the code sees them, and time that passes only when the test says, by timers fired
// one by one in the order they fall due. Nothing here waits in real time.

interface Timer {
  due: number;
  order: number;
  fire(): void;
}

export interface FakeClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  after(ms: number, fire: () => void): () => void;
  /** Timers set and not yet fired or cancelled. */
  pending(): number;
  /** Moves time on by `ms`, firing each timer due on the way, the code they wake run between two. */
  advance(ms: number): Promise<void>;
  /** Fires timers, earliest first, until `work` settles; throws when it waits on no timer at all. */
  run<T>(work: Promise<T>): Promise<T>;
}

/** Lets every promise already resolved run its continuations (no I/O is waited for). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function fakeClock(start = Date.parse("2026-11-23T12:00:00Z")): FakeClock {
  let time = start;
  let order = 0;
  const timers = new Set<Timer>();
  const earliest = (): Timer | undefined => [...timers].sort((a, b) => a.due - b.due || a.order - b.order)[0];
  const fireNext = (timer: Timer) => {
    timers.delete(timer);
    time = Math.max(time, timer.due);
    timer.fire();
  };

  const after = (ms: number, fire: () => void) => {
    const timer = { due: time + Math.max(0, ms), order: order++, fire };
    timers.add(timer);
    return () => void timers.delete(timer);
  };

  return {
    now: () => time,
    after,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const aborted = () => reject(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }));
        if (signal.aborted) return aborted();
        const cancel = after(ms, () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        });
        const onAbort = () => {
          cancel();
          aborted();
        };
        signal.addEventListener("abort", onAbort, { once: true });
      }),
    pending: () => timers.size,
    async advance(ms) {
      const end = time + ms;
      await settle();
      for (let next = earliest(); next && next.due <= end; next = earliest()) {
        fireNext(next);
        await settle();
      }
      time = end;
    },
    async run(work) {
      let settled = false;
      work.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        await settle();
        if (settled) return work;
        const next = earliest();
        if (!next) throw new Error("the work waits, but on no timer of the fake clock");
        fireNext(next);
      }
    },
  };
}
