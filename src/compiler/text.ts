// Text helpers shared by the segmenters and the verifier: what "verbatim, whitespace aside" means.

/** Collapses every run of whitespace to one space, so line wrapping never decides whether a quote matches. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The visible text of inline markdown: links and images become their text, emphasis markers go.
 * The markdown source is a rendering of the web page; a reader of the page sees this text, so it is what we quote.
 */
export function renderInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\*\*|__/g, '');
}

/** Markdown links in a piece of text; a URL wrapped across lines is joined again. */
export function markdownLinks(text: string): { text: string; url: string }[] {
  return [...text.matchAll(/(?<!!)\[([^\]]*)\]\(((?:[^()]|\([^)]*\))*)\)/g)].map((match) => ({
    text: collapseWhitespace(match[1] ?? ''),
    url: (match[2] ?? '').replace(/\s+/g, ''),
  }));
}

/** Lower-case letters and digits joined by single hyphens: "Performance & Analytics" → "performance-analytics". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The text with its first character upper-cased. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-case words of letters and digits, in order; everything else separates them. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
