/**
 * A plain-text progress bar on a stream: redrawn in place with `\r` on a terminal, and written
 * as whole lines at most every `lineIntervalMs` otherwise (logs, CI), so a redirected run
 * stays readable.
 */
export class ProgressBar {
  private lastLineAt = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly lineIntervalMs = 5000,
    private readonly width = 20,
  ) {}

  /** `fraction` in 0–1; `label` follows the percentage. `force` writes a line even off a terminal. */
  update(fraction: number, label: string, force = false): void {
    const f = Math.min(1, Math.max(0, fraction));
    const filled = Math.floor(f * this.width);
    const text = `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% ${label}`;
    if (this.stream.isTTY) {
      const columns = this.stream.columns || 120;
      this.stream.write(`\r${text.slice(0, columns - 1).padEnd(Math.min(columns - 1, text.length + 4))}`);
      this.drawn = true;
    } else if (force || Date.now() - this.lastLineAt >= this.lineIntervalMs) {
      this.stream.write(`${text}\n`);
      this.lastLineAt = Date.now();
    }
  }

  /** Ends the in-place line so what follows starts on a fresh one. */
  done(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

/** 1234 → "1234", 56789 → "56.8k", 1234567 → "1.2M". */
export function compactCount(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
