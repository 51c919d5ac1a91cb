// Reading the tokens inside an array bracket or a LaTeX matrix: numbers, separators, rows and comments.

import { Ch } from '../charCodes';
import { POW10, readDecimal } from './decimal';
import { FrameStack, Status, type Frame } from './frames';
import { canStartLiteral, isBlank, isIdentChar, readLiteral, readTexExponent, type LiteralRead } from './numbers';
import type { Profile } from './profile';

/** Where `code` next occurs within `limit` characters of `from`, or -1: a search that cannot turn quadratic. */
export function boundedIndexOf(text: string, code: number, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let k = from; k < stop; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** Characters beyond which a literal read by readDecimal sends the literals after it in its run straight there. */
const LONG_LITERAL = 16;

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
        const after = this.numberRun(f, i, stop);
        if (after !== i) {
          i = after;
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

  /**
   * Reads a run of plain decimals split by commas and spaces from i, the common case, in one loop: returns where
   * the run stops (at a number start it leaves to the general reader, or at another token), i when it read none.
   * Up to 15 digits and a power of ten within 10^±22 give the double in one exact operation (Clinger's fast
   * path); longer literals go to readDecimal, and once one did, the run sends the next ones straight there.
   */
  protected numberRun(f: Frame, i: number, stop: number): number {
    const text = this.text;
    const values = this.values;
    const read = this.read;
    let count = this.valueCount;
    const first = count;
    let afterElement = f.afterElement;
    let long = false;
    const p = this.profile;
    const newlinesBlank = !p.newlineRows && !p.jsonStrings && this.commentBase < 0;
    let at = i;
    // The character at `at`, carried from one number to the next: the separators' last is not read again.
    let c = text.charCodeAt(at);
    while (at < stop) {
      let j = at;
      // The sign without a branch: random signs would mispredict one on every other number. minus is 1 for `-`
      // and 0 for any other character (NaN past the end included), the sign ±1 multiplies exactly, -0 included.
      const minus = ((c ^ Ch.Minus) - 1) >>> 31;
      const sign = 1 - 2 * minus;
      j += minus;
      c = text.charCodeAt(j);
      if (!(c >= Ch.Zero && c <= Ch.Nine)) break;
      let value = 0;
      let end = -1;
      if (!long) {
        // The first nine digits go into an int32 and the rest into a second one, so the digit chain stays an integer
        // one whatever V8 saw before: a single accumulator turns into a chain of double multiply-adds once any
        // literal in any earlier call went past 2^31. hi·10^(digits−9) + lo is exact up to 15 digits (< 2^53);
        // past that lo may wrap, but such a literal is readDecimal's and its mantissa is not used.
        const digitsStart = j;
        const hiStop = j + 9;
        let hi = c - Ch.Zero;
        c = text.charCodeAt(++j);
        while (c >= Ch.Zero && c <= Ch.Nine && j < hiStop) {
          hi = (hi * 10 + (c - Ch.Zero)) | 0;
          c = text.charCodeAt(++j);
        }
        let lo = 0;
        while (c >= Ch.Zero && c <= Ch.Nine) {
          lo = (lo * 10 + (c - Ch.Zero)) | 0;
          c = text.charCodeAt(++j);
        }
        let digits = j - digitsStart;
        let e10 = 0;
        if (c === Ch.Dot && digits <= 15) {
          const fracStart = ++j;
          // A 16th digit makes the literal readDecimal's: reading on here would only read it twice.
          const fracStop = fracStart + 16 - digits;
          c = text.charCodeAt(j);
          // The fraction fills hi up to nine digits in all, then lo: hi always holds the first min(digits, 9).
          if (digits < 9) {
            const fracHiStop = fracStart + 9 - digits;
            while (c >= Ch.Zero && c <= Ch.Nine && j < fracHiStop) {
              hi = (hi * 10 + (c - Ch.Zero)) | 0;
              c = text.charCodeAt(++j);
            }
          }
          while (c >= Ch.Zero && c <= Ch.Nine && j < fracStop) {
            lo = (lo * 10 + (c - Ch.Zero)) | 0;
            c = text.charCodeAt(++j);
          }
          e10 = fracStart - j;
          digits -= e10;
        } else if (digits <= 15 && (c === Ch.Comma || c === Ch.Space || c === Ch.RBracket)) {
          // An integer of up to 15 digits is its own double: no exponent or scaling to look for.
          const m = digits <= 9 ? hi : hi * POW10[digits - 9] + lo;
          value = m * sign;
          end = j;
        }
        if (end < 0 && (c === Ch.LowerE || c === Ch.UpperE)) {
          let k = j + 1;
          let s = text.charCodeAt(k);
          const expNegative = s === Ch.Minus;
          if (expNegative || s === Ch.Plus) s = text.charCodeAt(++k);
          const expStart = k;
          let e = 0;
          while (s >= Ch.Zero && s <= Ch.Nine && k - expStart < 4) {
            e = e * 10 + (s - Ch.Zero);
            s = text.charCodeAt(++k);
          }
          // No exponent digits (`1e`, a suffix): readDecimal decides; a longer exponent leaves a digit at c.
          if (k === expStart) digits = 16;
          e10 += expNegative ? -e : e;
          j = k;
          c = s;
        }
        if (end < 0 && digits <= 15 && e10 >= -22 && e10 <= 22 && (c === Ch.Comma || c === Ch.Space || c === Ch.RBracket || this.delimits(c, false))) {
          const m = digits <= 9 ? hi : hi * POW10[digits - 9] + lo;
          value = (e10 < 0 ? m / POW10[-e10] : m * POW10[e10]) * sign;
          end = j;
        }
      }
      if (end < 0) {
        if (!readDecimal(text, at, read) || !this.delimits(text.charCodeAt(read.end), false)) break;
        value = read.value;
        end = read.end;
        long = end - at > LONG_LITERAL;
        c = text.charCodeAt(end);
      }
      values[count++] = value;
      afterElement = true;
      at = end;
      // The separators up to the next number: blanks around one comma. The fast paths above end with c at `end`.
      while (c === Ch.Space) c = text.charCodeAt(++at);
      if (c === Ch.Comma) {
        afterElement = false;
        c = text.charCodeAt(++at);
        while (c === Ch.Space) c = text.charCodeAt(++at);
      }
      // A line that starts with a number (one per line, as JSON is pretty-printed) means nothing to the line-start
      // rules (fences, prompts, comment markers, rows): the run reads on; any other line goes back to the scanner.
      if (newlinesBlank && (c === Ch.Newline || (c === Ch.Cr && text.charCodeAt(at + 1) === Ch.Newline))) {
        let k = c === Ch.Cr ? at + 2 : at + 1;
        let s = text.charCodeAt(k);
        while (s === Ch.Space || s === Ch.Tab) s = text.charCodeAt(++k);
        if ((s >= Ch.Zero && s <= Ch.Nine) || (s === Ch.Minus && text.charCodeAt(k + 1) >= Ch.Zero && text.charCodeAt(k + 1) <= Ch.Nine)) {
          at = k;
          c = s;
        }
      }
    }
    const added = count - first;
    if (added === 0) return i;
    if (f.kids > 0 && f.status === Status.Ok) f.status = Status.Ragged;
    this.valueCount = count;
    f.nums += added;
    f.rowLen += added;
    f.afterElement = afterElement;
    return at;
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
