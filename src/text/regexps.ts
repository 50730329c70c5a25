/**
 * Regular expressions compiled to machine code before the first document, not when first needed.
 *
 * V8 runs an expression's first match in its bytecode interpreter and compiles machine code at
 * the next, for one-byte and two-byte strings separately. But once a process has generated more
 * than 1 MB of regular-expression code and holds more than 16 MB of executable memory
 * (TooMuchRegExpCode in V8's regexp.cc), every expression compiled from then on stays
 * interpreted for good. A pipeline passes that mark within its first documents, so the last
 * stages' expressions, first met after it, ran interpreted: ROLE_THEN_NAME of the statements
 * stage took 75 ms per pass over the 2.5 MB quick corpus instead of 8.
 */

/** One string of each representation V8 compiles for: Latin-1 only, and two-byte. */
const SUBJECTS = ['a', 'a\u2019'];

/**
 * Matches each expression twice on a short string of each representation: the first match
 * interprets, the second compiles. `lastIndex` is left at 0.
 */
export function compileNow(expressions: Iterable<RegExp>): void {
  for (const re of expressions) {
    for (const subject of SUBJECTS) {
      for (let k = 0; k < 2; k++) {
        re.lastIndex = 0;
        re.exec(subject);
      }
    }
    re.lastIndex = 0;
  }
}
