import type { PasswordCheckLimits } from '../../config';
import { AuthMessages, PasswordChecksBusyError } from './auth.errors';

/** Runs the one password check of a place when its turn comes; a place has one check. */
export type CheckTurn = <R>(work: () => Promise<R>) => Promise<R>;

interface AddressState {
  /** Places taken and not given back, running or not. */
  places: number;
  running: number;
  /** When its last check started (a count of starts); -1 before the first. */
  lastStart: number;
}

interface Ready {
  address: string;
  start: () => void;
}

/**
 * The password checks of this process (scrypt: a core for a fraction of a second and 128 MiB
 * each at the production cost), a few at a time. Hashing is the one slow step of a sign-in; with
 * no bound a flood of sign-ins takes every core and all memory, and with no connection held
 * meanwhile (see RequestContext.withoutConnection) nothing else of the service waits on it.
 *
 * A request takes a place before it counts its attempt, so a full queue refuses it at once
 * (PASSWORD_CHECKS_BUSY, retryable). One address may hold only `maxPerAddress` places, and a
 * free turn goes to the address with the fewest checks running and, among those, the one
 * served least recently, so a flood from one address delays the others by about one hash.
 * The queue belongs to the process because the cores and the memory do.
 */
export class PasswordCheckQueue {
  private running = 0;
  private places = 0;
  private refused = 0;
  private checked = 0;
  private starts = 0;
  private concurrency = 1;
  private meanSeconds = 1;
  private readonly ready: Ready[] = [];
  private readonly addresses = new Map<string, AddressState>();
  private readonly holds = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  /**
   * Takes a place for one check from `address` and runs `body`, which does its other work
   * (counting the attempt, reading the hash) and runs the check itself through `check`, when
   * its turn comes. The place is given back when `body` ends. Refuses with
   * PasswordChecksBusyError, before `body` runs, when the queue or the address is full.
   */
  async admit<T>(address: string, limits: PasswordCheckLimits, body: (check: CheckTurn) => Promise<T>): Promise<T> {
    this.concurrency = limits.concurrency;
    const state = this.addresses.get(address) ?? { places: 0, running: 0, lastStart: -1 };
    const queueFull = this.places >= limits.concurrency + limits.maxWaiting;
    if (queueFull || state.places >= limits.maxPerAddress) {
      this.refused++;
      this.changed();
      const retry = Math.max(1, Math.ceil((this.places / limits.concurrency) * this.meanSeconds));
      throw new PasswordChecksBusyError(
        queueFull ? AuthMessages.CHECKS_BUSY : AuthMessages.CHECKS_BUSY_ADDRESS,
        { places: this.places, maxPerAddress: limits.maxPerAddress },
        retry,
      );
    }
    this.addresses.set(address, state);
    state.places++;
    this.places++;
    this.changed();
    let used = false;
    try {
      return await body(async (work) => {
        if (used) throw new Error('a place of the password check queue runs one check');
        used = true;
        await new Promise<void>((start) => {
          this.ready.push({ address, start });
          this.pump();
        });
        const started = process.hrtime.bigint();
        try {
          return await work();
        } finally {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          this.meanSeconds = this.checked === 0 ? seconds : 0.8 * this.meanSeconds + 0.2 * seconds;
          this.checked++;
          this.running--;
          state.running--;
          this.pump();
        }
      });
    } finally {
      state.places--;
      this.places--;
      if (state.places === 0) this.addresses.delete(address);
      this.changed();
    }
  }

  /** Figures of the whole queue since the process started, or the live ones of one address. */
  stats(): { running: number; waiting: number; refused: number; checked: number };
  stats(address: string): { running: number; waiting: number };
  stats(address?: string) {
    if (address === undefined) {
      return { running: this.running, waiting: this.places - this.running, refused: this.refused, checked: this.checked };
    }
    const state = this.addresses.get(address);
    return { running: state?.running ?? 0, waiting: (state?.places ?? 0) - (state?.running ?? 0) };
  }

  /**
   * Keeps the checks of `address` from starting until the returned function is called; their
   * places stay taken. Tests park a flood with it, to see what the rest of the service does
   * while it waits.
   */
  hold(address: string): () => void {
    this.holds.set(address, (this.holds.get(address) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.holds.get(address)! - 1;
      if (left === 0) this.holds.delete(address);
      else this.holds.set(address, left);
      this.pump();
    };
  }

  /** Resolves once `predicate` holds, checking it now and after every change of the queue. */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate()) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** Starts waiting checks while turns are free: see the class comment for the order. */
  private pump(): void {
    while (this.running < this.concurrency) {
      let next = -1;
      for (let i = 0; i < this.ready.length; i++) {
        if (this.holds.has(this.ready[i].address)) continue;
        if (next === -1 || this.before(this.ready[i], this.ready[next])) next = i;
      }
      if (next === -1) break;
      const [turn] = this.ready.splice(next, 1);
      const state = this.addresses.get(turn.address)!;
      this.running++;
      state.running++;
      state.lastStart = this.starts++;
      turn.start();
    }
    this.changed();
  }

  /** Whether `a` goes before `b`, which arrived earlier. */
  private before(a: Ready, b: Ready): boolean {
    const x = this.addresses.get(a.address)!;
    const y = this.addresses.get(b.address)!;
    return x.running !== y.running ? x.running < y.running : x.lastStart < y.lastStart;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The password checks of this process: sign-ins and password changes. */
export const passwordChecks = new PasswordCheckQueue();
