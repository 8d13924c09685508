/**
 * Keyboard commands (manifest `commands`, rebindable by the reader in the browser's shortcut settings):
 * next / previous mention. The background only forwards them to the active tab's content script, which
 * owns the page (src/content/navigation.ts).
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../shared/messaging';

const NAVIGATION_COMMANDS = { 'next-mention': 'next', 'previous-mention': 'previous' } as const;

/** Handle one command; returns the entity id shown in the tab, if any (for tests and logs). */
export async function onNavigationCommand(command: string): Promise<string | undefined> {
  const direction = NAVIGATION_COMMANDS[command as keyof typeof NAVIGATION_COMMANDS];
  if (!direction) return undefined;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return undefined;
  // A tab where NormLens does not run does not answer: nothing to move through there.
  return sendMessage('page:navigate', { direction }, tab.id).catch(() => undefined);
}

export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command) => void onNavigationCommand(command));
}
