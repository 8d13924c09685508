/** The background's readiness: shared while it runs or after it succeeded, retried after a failure. */
import { describe, expect, it, vi } from 'vitest';
import { ReadyGate } from '../../src/background/ready-gate';

describe('ReadyGate', () => {
  it('starts once and shares the result', async () => {
    const start = vi.fn(() => Promise.resolve());
    const gate = new ReadyGate(start);
    await Promise.all([gate.whenReady(), gate.whenReady()]);
    await gate.whenReady();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failure: the next call starts again', async () => {
    const start = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('database busy'))
      .mockResolvedValue(undefined);
    const gate = new ReadyGate(start);
    await expect(gate.whenReady()).rejects.toThrow('database busy');
    await expect(gate.whenReady()).resolves.toBeUndefined();
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('waits for replacing work instead of starting its own', async () => {
    const start = vi.fn(() => Promise.resolve());
    const gate = new ReadyGate(start);
    gate.replace(Promise.resolve());
    await gate.whenReady();
    expect(start).not.toHaveBeenCalled();
  });
});
