/**
 * A country named as the far side of a border ("near the border with Mali", "near the Mali border",
 * "près de la frontière avec le Mali"): the story happens on this side of it, so the name says
 * neither where it happens nor whose forces act there.
 */
export function namedAcrossBorder(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  return /\b(?:borders?\s+with|frontières?\s+avec)\s+(?:the\s+|le\s+|la\s+|l['’]\s*)?$/iu.test(before) ||
    // ("near the Mali border", and a headline's "near Mali border" without its article)
    (/\b(?:the|near|along|across|at|on|to)\s+$/i.test(before) && /^\s*borders?\b/i.test(text.slice(end, end + 10)));
}
