// Text a web page names (a consent manager's category names and descriptions, its data version), made fit to show
// beside the extension's own words: a site could otherwise reorder what follows its name (bidirectional overrides and
// isolates) or hide words in it (zero-width and other invisible characters), and imitate the popup's sentences.

/**
 * Control and format characters (Unicode categories Cc and Cf: C0/C1 controls, U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+2069, U+FEFF, tags), line and paragraph separators (Zl, Zp) and lone surrogates (Cs). Stripped rather than
 * replaced: what is left is text the page could have written plainly, and a name in a script that uses a joiner
 * (U+200C in Persian) stays readable.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `text` without the characters that are invisible or reorder the text around them (INVISIBLE). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '');
}
