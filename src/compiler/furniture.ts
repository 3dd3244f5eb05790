// Page furniture: navigation, footers and link lists that crawls keep but that say nothing about privacy.

const FURNITURE_LINES = [
  /^view all (products|resources)$/,
  /^purchase product$/,
  /^create support ticket$/,
  /^download (this )?(entire )?document( as pdf)?$/,
  /^(skip to (main )?content|back to top|print( this page)?|table of contents)$/,
  /^(sign in|log in|sign up|try now|buy now|contact sales)$/,
];

/** True for a stripped line that is site navigation rather than policy text. */
export function isFurnitureLine(line: string): boolean {
  const text = line.trim().toLowerCase();
  return FURNITURE_LINES.some((pattern) => pattern.test(text));
}

/**
 * True for a markdown paragraph that is not prose: a link list, logo, menu or copyright line.
 * Prose ends like a sentence and is mostly words of its own, not link text.
 */
export function isFurnitureParagraph(markdown: string, rendered: string): boolean {
  if (!/[.?!]["”’)]?$/.test(rendered)) return true;
  if (rendered.split(' ').length < 5) return true;
  const linkText = [...markdown.matchAll(/\[([^\]]*)\]\(/g)].reduce((sum, match) => sum + (match[1] ?? '').length, 0);
  return linkText > rendered.length / 2;
}
