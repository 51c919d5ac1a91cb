// The UTF-16 code units the core's readers compare against, by name. A `const enum` is inlined where it is used,
// so a named code costs what its number did.
export const enum Ch {
  Tab = 9, Newline = 10, VerticalTab = 11, FormFeed = 12, Cr = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35,
  Dollar = 36, Percent = 37, Ampersand = 38, Apostrophe = 39, LParen = 40, RParen = 41, Star = 42, Plus = 43,
  Comma = 44, Minus = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semicolon = 59, Lt = 60,
  Equals = 61, Gt = 62, UpperA = 65, UpperE = 69, UpperZ = 90, LBracket = 91, Backslash = 92, RBracket = 93,
  Caret = 94, Underscore = 95, Backtick = 96, LowerA = 97, LowerB = 98, LowerC = 99, LowerE = 101, LowerF = 102,
  LowerG = 103, LowerL = 108, LowerN = 110, LowerO = 111, LowerR = 114, LowerT = 116, LowerX = 120, LowerZ = 122,
  LBrace = 123, RBrace = 125, Tilde = 126,
  NoBreakSpace = 0xa0, Times = 0xd7, Ellipsis = 0x2026, ElementOf = 0x2208, UnicodeMinus = 0x2212,
  IdeographicSpace = 0x3000, ByteOrderMark = 0xfeff,
}
