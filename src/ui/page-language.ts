/** Extension pages speak the reader's language: their title and <html lang> follow the UI language. */
import { t, uiLanguage, type MessageKey } from '../i18n/t';

export function localizePage(doc: Document, titleKey: MessageKey): void {
  doc.title = t(titleKey);
  doc.documentElement.lang = uiLanguage();
}
