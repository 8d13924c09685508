/**
 * The messaging channel every context uses, typed by the protocol (./protocol.ts). It imports only the
 * protocol's types, so content scripts and pages get the typed channel without the schema library.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
