// Text normalization with exact offset mapping.
//
// Rules and matchers downstream see one spelling of each character that
// writers (and web pages) spell many ways; reports still quote and point into
// the original bytes, because every output byte remembers the original range
// it came from (see checker/core/mapped_text.h).
//
// What the normalizer does, in one pass over the bytes (ASCII fast path, no
// regex, no per-character allocation):
//
//   invalid UTF-8 byte                    -> U+FFFD, one per bad byte (counted)
//   BOM / U+FEFF, zero-width chars,
//     bidi marks, soft hyphen             -> dropped
//   CRLF, CR                              -> "\n" (LF)
//   tab, other C0/C1 controls             -> " "
//   NBSP, thin, narrow, ideographic and
//     other Unicode spaces                -> " "
//   curly single quotes, primes, U+02BC   -> '
//   curly double quotes, double primes,
//     guillemets                          -> "
//   hyphen, non-breaking hyphen,
//     figure dash, Unicode minus          -> -
//   en dash between two letters or digits
//     with no space ("30–40", "Seoul–Tokyo")   -> -
//   em dash, horizontal bar, spaced or
//     lone en dash                        -> " - " (never doubling a space, so
//                                            "counts—it's" stays two words)
//   ellipsis                              -> "..."
//   HTML entities (&amp; &rsquo; &#8217;
//     &#x2019;), when decode_entities     -> the character, then the rules
//                                            above (&mdash; -> " - ")
//   cp1252 quotes/dashes mis-decoded as
//     C1 controls (U+0091..U+0097)        -> ' " - " - " ...
//
// With `collapse_whitespace` (HTML), every run of whitespace (including
// newlines and the Unicode spaces above) becomes one space, and a space is
// never emitted at the start of the output.
//
// Example:
//   Normalizer n;
//   MappedText t;
//   n.Append("It\xE2\x80\x99s 30\xE2\x80\x93" "40", /*origin=*/100, &t);
//   t.text() == "It's 30-40";
//   t.OriginalSpan(2, 3) == Span{102, 105};   // the curly quote's 3 bytes
//
// A Normalizer keeps a little state between Append calls (the previous
// output byte, for dash spacing and whitespace collapsing) so text that
// arrives in pieces (HTML text nodes) normalizes as if it were one string.
// Call Reset() between independent blocks.
#ifndef CROSSCHECK_CHECKER_INGEST_NORMALIZE_H_
#define CROSSCHECK_CHECKER_INGEST_NORMALIZE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/core/mapped_text.h"

namespace crosscheck::ingest {

struct NormalizeOptions {
  // Decode HTML character references (named and numeric). On for every
  // format: plain-text articles copied from the web often carry "&amp;".
  bool decode_entities = true;
  // Collapse whitespace runs (HTML text). Off for text formats, where the
  // caller splits lines first.
  bool collapse_whitespace = false;
};

// Invalid UTF-8 seen by a Normalizer.
struct Utf8Issues {
  uint64_t invalid_bytes = 0;  // bytes replaced with U+FFFD
  uint32_t first_offset = 0;   // original offset of the first one
  uint8_t first_byte = 0;      // its value
};

class Normalizer {
 public:
  explicit Normalizer(NormalizeOptions options = {}) : options_(options) {}

  // Appends the normalization of `bytes` to `out`; bytes[i] is at original
  // offset origin + i.
  void Append(absl::string_view bytes, uint32_t origin, MappedText* out);

  // Forgets the previous-byte context (start of a new block).
  void Reset() { last_ = 0; }

  const Utf8Issues& utf8_issues() const { return issues_; }

 private:
  // Emits code point `cp`, decoded from original bytes [begin, end).
  // `direct` holds those bytes when they are the code point's own UTF-8
  // (kept byte for byte), "" when it came from an entity. `rest` is the
  // input that follows, for context.
  void EmitCodePoint(uint32_t cp, absl::string_view direct, uint32_t begin,
                     uint32_t end, absl::string_view rest, MappedText* out);
  void Emit(absl::string_view s, uint32_t begin, uint32_t end, MappedText* out);
  void EmitSpace(uint32_t begin, uint32_t end, MappedText* out);
  void EmitNewline(uint32_t begin, uint32_t end, MappedText* out);
  void EmitDash(uint32_t begin, uint32_t end, absl::string_view rest,
                MappedText* out);

  NormalizeOptions options_;
  Utf8Issues issues_;
  char last_ = 0;  // last byte emitted (0: none yet)
};

// Normalizes a whole text (CRLF/CR -> LF, BOM dropped, ...). Offsets map
// into `bytes`. `issues`, if given, receives the invalid UTF-8 summary.
MappedText NormalizeText(absl::string_view bytes,
                         const NormalizeOptions& options = {},
                         Utf8Issues* issues = nullptr);

// Normalizes and collapses `bytes` into a plain string (metadata values,
// titles): always valid UTF-8, trimmed, single-spaced. Pass
// decode_entities=false for text a parser already decoded (HTML attribute
// values), so "&amp;amp;" is not decoded twice.
std::string CleanString(absl::string_view bytes, bool decode_entities = true);

// Decodes the character reference at the start of `s` ("&amp;", "&#8217;",
// "&#x2019;"). On success returns the code point and sets *length to the
// bytes consumed (including '&' and ';'). Only references ending in ';' are
// decoded; unknown names yield nullopt.
std::optional<uint32_t> DecodeEntity(absl::string_view s, size_t* length);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates and values past
// U+10FFFF).
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace crosscheck::ingest

#endif  // CROSSCHECK_CHECKER_INGEST_NORMALIZE_H_
