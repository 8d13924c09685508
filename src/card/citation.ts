/**
 * Citations: a fact with its source and as-of date, as plain text and as Markdown, for pasting into notes
 * and articles. Pure: callers pass already-localised strings.
 */

export interface CitedFact {
  /** The statement, in the reader's language. */
  text: string;
  source: string;
  /** "as of 1 Jun 2025", localised by the caller. */
  asOf: string;
}

export interface Citation {
  title: string;
  facts: CitedFact[];
  /** e.g. "NormLens data 2026.11.27.1". */
  via: string;
}

/** Markdown special characters in text are escaped so a name like "C*" stays literal. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/** Parentheses and spaces would end a Markdown link target early. */
export function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
}

export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function citationText(c: Citation): string {
  const lines = [c.title];
  for (const f of c.facts) lines.push(`- ${f.text} (${f.source}, ${f.asOf})`);
  lines.push(c.via);
  return lines.join('\n');
}

export function citationMarkdown(c: Citation): string {
  const lines = [`**${escapeMarkdown(c.title)}**`, ''];
  for (const f of c.facts) {
    lines.push(
      `- ${escapeMarkdown(f.text)} ([${escapeMarkdown(sourceHost(f.source))}](${markdownUrl(f.source)}), ${escapeMarkdown(f.asOf)})`,
    );
  }
  lines.push('', `_${escapeMarkdown(c.via)}_`);
  return lines.join('\n');
}
