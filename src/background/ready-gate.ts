/**
 * What background handlers wait for before they answer (the dataset seeded): started once per worker life
 * and shared, but a failure is not kept, so the next message tries again instead of failing forever.
 */
export class ReadyGate {
  private ready: Promise<void> | undefined;

  constructor(private readonly start: () => Promise<void>) {}

  whenReady(): Promise<void> {
    this.ready ??= this.start().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Wait for this work instead (install or update seeding, which reports its own failures). */
  replace(work: Promise<void>): void {
    this.ready = work;
  }
}
