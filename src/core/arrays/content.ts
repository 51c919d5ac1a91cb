// Reading the tokens inside an array bracket or a LaTeX matrix: numbers, separators, rows and comments.

import { Ch } from '../charCodes';
import { readDecimal } from './decimal';
import { FrameStack, type Frame } from './frames';
import { canStartLiteral, isBlank, isIdentChar, readLiteral, readTexExponent, type LiteralRead } from './numbers';
import type { Profile } from './profile';

/** Where `code` next occurs within `limit` characters of `from`, or -1: a search that cannot turn quadratic. */
export function boundedIndexOf(text: string, code: number, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let k = from; k < stop; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

export abstract class ContentReader extends FrameStack {
  protected abstract profile: Profile;
  protected blockComment = false;
  protected readonly read: LiteralRead = { value: 0, end: 0 };
  /** Where the current slice of a sliced scan ends: array content stops at the first token boundary from here. */
  protected sliceEnd = Infinity;

  /**
   * Tokenizes the content of an array bracket from i: numbers, separators and comments. Returns at a
   * bracket, at a token that is not part of a numeric array (after marking the frame), or at the end.
   */
  protected arrayContent(f: Frame, i: number): number {
    const text = this.text;
    const n = text.length;
    const p = this.profile;
    const read = this.read;
    const stop = Math.min(n, this.sliceEnd);
    while (i < stop) {
      const c = text.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Comma) {
        if (c === Ch.Comma) {
          if (!f.afterElement) return this.reject(f, i);
          f.afterElement = false;
        }
        i++;
        continue;
      }
      if (c >= Ch.Zero && c <= Ch.Nine || c === Ch.Minus || c === Ch.Dot) {
        if (c === Ch.Dot && text.charCodeAt(i + 1) === Ch.Dot) {
          // MATLAB's line continuation; elsewhere the elision of a summarized print-out, which hides elements.
          if (!text.startsWith('...', i)) return this.reject(f, i);
          if (p.ellipsisContinues) {
            i = this.lineEnd(i) + 1;
            continue;
          }
          if (!this.elides(f, i + 3)) return this.reject(f, i);
          i += 3;
          continue;
        }
        if (c === Ch.Minus && p.dash && text.charCodeAt(i + 1) === Ch.Minus) {
          i = this.lineEnd(i);
          continue;
        }
        if ((!readDecimal(text, i, read) && !readLiteral(text, i, n, p.juliaFloat, read)) ||
          !this.delimits(text.charCodeAt(read.end), false)) {
          return this.reject(f, i);
        }
        this.pushNumber(f, read.value);
        i = read.end;
        continue;
      }
      switch (c) {
        case Ch.Newline:
          if (p.newlineRows && f.afterElement && f.close === Ch.RBracket) this.endRow(f);
          return i;
        case Ch.Tab:
        case Ch.Cr:
          i++;
          continue;
        case Ch.Semicolon:
          if (!p.semicolonRows || f.close !== Ch.RBracket) return this.reject(f, i);
          this.endRow(f);
          f.afterElement = false;
          i++;
          continue;
        case Ch.Hash:
          if (!p.hash) return this.reject(f, i);
          i = this.lineEnd(i);
          continue;
        case Ch.Percent:
          if (!p.percent) return this.reject(f, i);
          i = this.lineEnd(i);
          continue;
        case Ch.Slash: {
          const next = text.charCodeAt(i + 1);
          if (!p.slash || (next !== Ch.Slash && next !== Ch.Star)) return this.reject(f, i);
          if (next === Ch.Slash) {
            i = this.lineEnd(i);
          } else {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
          }
          continue;
        }
        case Ch.Quote:
          // A notebook's JSON: a line of the print ends (`",` follows) or the next one starts.
          if (!p.jsonStrings) return this.reject(f, i);
          i = this.afterQuote(i + 1);
          continue;
        case Ch.Backslash:
          // A notebook's JSON spells the print's line breaks and tabs as escapes.
          if (p.jsonStrings && (text.charCodeAt(i + 1) === Ch.LowerN || text.charCodeAt(i + 1) === Ch.LowerT || text.charCodeAt(i + 1) === Ch.LowerR)) {
            i += 2;
            continue;
          }
          // Python's explicit line continuation.
          if (text.charCodeAt(i + 1) === Ch.Newline || (text.charCodeAt(i + 1) === Ch.Cr && text.charCodeAt(i + 2) === Ch.Newline)) {
            i = text.indexOf('\n', i) + 1;
            continue;
          }
          break;
        case Ch.LBracket:
        case Ch.LParen:
        case Ch.LBrace:
        case Ch.RBracket:
        case Ch.RParen:
        case Ch.RBrace:
          return i;
        case Ch.Star:
          if (this.blockComment && text.charCodeAt(i + 1) === Ch.Slash) return i;
          return this.reject(f, i);
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === Ch.Ellipsis) {
        if (!this.elides(f, i + 1)) return this.reject(f, i);
        i++;
        continue;
      }
      if (canStartLiteral(c) && readLiteral(text, i, n, p.juliaFloat, read) && this.delimits(text.charCodeAt(read.end), false)) {
        this.pushNumber(f, read.value);
        i = read.end;
        continue;
      }
      return this.reject(f, i);
    }
    return i;
  }

  /** The content of a LaTeX matrix: numbers in cells split by `&`, rows split by `\\`. */
  protected latexContent(f: Frame, i: number): number {
    const text = this.text;
    const n = text.length;
    const read = this.read;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isBlank(c) && c !== Ch.Newline) {
        i++;
        continue;
      }
      switch (c) {
        case Ch.Newline:
          return i;
        case Ch.LBrace:
        case Ch.RBrace:
          i++;
          continue;
        case Ch.Percent:
          i = this.lineEnd(i);
          continue;
        case Ch.Ampersand:
          if (!f.cellFull) return this.reject(f, i);
          f.cellFull = false;
          i++;
          continue;
        case Ch.Backslash: {
          const next = text.charCodeAt(i + 1);
          if (next === Ch.Backslash) {
            if (!f.cellFull && f.rowLen > 0) return this.reject(f, i);
            this.endRow(f);
            f.cellFull = false;
            i = this.skipTexRowSpacing(i + 2);
            continue;
          }
          if (next === Ch.Comma || next === Ch.Semicolon || next === Ch.Colon || next === Ch.Bang || next === Ch.Space) {
            i += 2;
            continue;
          }
          const word = this.texWord(i);
          if (word === '\\quad' || word === '\\qquad' || word === '\\hline' || word === '\\displaystyle') {
            i += word.length;
            continue;
          }
          if (word === '\\end' || word === '\\begin') return i;
          break;
        }
      }
      if (canStartLiteral(c) && !f.cellFull && readLiteral(text, i, n, false, read) && this.delimits(text.charCodeAt(read.end), true)) {
        let value = read.value;
        const mantissaEnd = read.end;
        if (readTexExponent(text, mantissaEnd, n, read)) {
          value = Number(`${text.slice(i, mantissaEnd).replace('\u2212', '-')}e${read.value}`);
          if (Number.isNaN(value)) return this.reject(f, i);
        } else {
          read.end = mantissaEnd;
        }
        f.cellFull = true;
        this.pushNumber(f, value);
        i = read.end;
        continue;
      }
      return this.reject(f, i);
    }
    return i;
  }

  protected texWord(i: number): string {
    let k = i + 1;
    while (k < this.text.length && k - i < 16 && isIdentChar(this.text.charCodeAt(k))) k++;
    return this.text.slice(i, k);
  }

  /** `\\[4pt]` sets extra row spacing; skip the bracket. */
  protected skipTexRowSpacing(i: number): number {
    const text = this.text;
    let k = i;
    while (k < text.length && (text.charCodeAt(k) === Ch.Space || text.charCodeAt(k) === Ch.Tab)) k++;
    if (text.charCodeAt(k) !== Ch.LBracket) return i;
    const end = boundedIndexOf(text, Ch.RBracket, k, 16);
    return end >= 0 ? end + 1 : i;
  }

  /**
   * An ellipsis standing for elements (`2 ... 997`, `0.0296, ...,  -0.0142`, a row `...,` of rows), when a
   * separator or a closer follows it at `after`: marks the frame elided and counts as an element.
   */
  protected elides(f: Frame, after: number): boolean {
    const c = this.text.charCodeAt(after);
    if (!(c !== c || isBlank(c) || c === Ch.Comma || c === Ch.RBracket || c === Ch.RParen || c === Ch.Quote || c === Ch.Backslash)) return false;
    f.elided = true;
    f.afterElement = true;
    return true;
  }

  /** Past a string's closing quote, the comma that separates it from the next string of the list. */
  protected afterQuote(i: number): number {
    const text = this.text;
    let k = i;
    while (k < text.length && (text.charCodeAt(k) === Ch.Space || text.charCodeAt(k) === Ch.Tab)) k++;
    return text.charCodeAt(k) === Ch.Comma ? k + 1 : i;
  }

  /** Characters that may follow a number: blanks, separators, closers, comment starts. */
  protected delimits(c: number, latex: boolean): boolean {
    if (c !== c) return true;
    switch (c) {
      case Ch.Comma:
      case Ch.Semicolon:
      case Ch.RBracket:
      case Ch.RParen:
      case Ch.RBrace:
      case Ch.Hash:
      case Ch.Slash:
      case Ch.Percent:
        return true;
      case Ch.Backslash:
        return latex || this.profile.jsonStrings;
      case Ch.Quote:
        return this.profile.jsonStrings;
      case Ch.Ampersand:
      case Ch.LBrace:
        return latex;
    }
    return isBlank(c);
  }

  protected reject(f: Frame, i: number): number {
    this.nonNumeric(f);
    return i;
  }

  protected lineEnd(i: number): number {
    const end = this.text.indexOf('\n', i);
    return end < 0 ? this.text.length : end;
  }
}
