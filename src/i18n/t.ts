/**
 * UI strings. Every string a reader sees goes through t(), which reads the extension's own i18n messages
 * (public/_locales/<lang>/messages.json), so the browser picks English or French by its UI language.
 * Keys are typed from the English file: a misspelt key is a compile error, not a blank label.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage returns '' for an unknown key; showing the key makes the gap visible instead of silent.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The language the browser chose for our UI, for Intl formatting that matches the strings. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
