/**
 * Is the page dark where NormLens draws? Read from the computed backgrounds from an element outwards (the
 * card beside a mention, the marks over the article region): a light card or dark marks on a dark page glare
 * or vanish, whatever the reader's prefers-color-scheme says.
 */
import { isDarkBackground } from '../ui/theme';

/** Computed background colours from a node's element outwards, for the page-darkness test. */
function backgroundsAround(node: Node): string[] {
  const colors: string[] = [];
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    colors.push(getComputedStyle(el).backgroundColor);
  }
  return colors;
}

export function isDarkAround(node: Node): boolean {
  return isDarkBackground(backgroundsAround(node));
}
