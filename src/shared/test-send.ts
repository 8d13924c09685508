/**
 * Test builds only (NORMLENS_TEST_HOSTS): the real typed sendMessage, reachable from an end-to-end test in an
 * extension page or in NormLens's own world of a tab, so tests send real messages (including forbidden and
 * invalid ones) without hand-crafting the messaging library's wire format. Shipping builds never call it.
 */
import { sendMessage } from './messaging';

export function exposeTestSend(): void {
  if (__NORMLENS_TEST_HOSTS__.length === 0) return;
  (globalThis as { normlensTestSend?: typeof sendMessage }).normlensTestSend = sendMessage;
}
