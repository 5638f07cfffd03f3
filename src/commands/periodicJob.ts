export type JobLog = Readonly<{ info(details: object, message: string): void; error(details: object, message: string): void }>;

/**
 * A background job of the projector's instance (the retention sweep, the record pruning): one run
 * at a time — a call while one runs joins it — and, once repeating, a run every interval, where a
 * failed run is logged and the next one tries again. Its timer never keeps the process alive.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly run: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly log: JobLog,
    /** What the log says when a repeated run fails. */
    private readonly failure: string,
  ) {}

  /** Runs now, or joins the run in progress; answers what the run counted. */
  runNow(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Runs now, or joins the run in progress; a failure is logged, not thrown (the next run tries again). */
  runLogged(): Promise<void> {
    return this.runNow().then(
      () => undefined,
      (error: unknown) => this.log.error({ err: error }, this.failure),
    );
  }

  /** From now on, a run every interval. */
  repeat(): void {
    this.timer ??= setInterval(() => void this.runLogged(), this.intervalMs);
    this.timer.unref();
  }

  /** No more runs; answers once the one in progress, if any, is over. */
  stop(): Promise<unknown> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }
}
