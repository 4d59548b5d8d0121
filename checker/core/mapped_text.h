// Normalized text that remembers where each byte came from.
//
// crosscheck matches on normalized text (NFC-ish spaces, straight quotes,
// ASCII dashes, decoded entities) but quotes and points into the original
// bytes. A MappedText holds both views: `text` and, for every byte of it, the
// original byte offset it was produced from.
//
//   MappedText t;
//   t.Append("Japan", /*origin=*/10);     // 5 bytes from offsets 10..14
//   t.AppendReplacement("'", 15, 18);     // a curly quote (3 bytes) -> "'"
//   t.OriginalSpan(0, 6) == Span{10, 18}
//
// LineIndex turns original offsets into 1-based line:column (column counts
// bytes, as compilers and SARIF's default do).
#ifndef CROSSCHECK_CHECKER_CORE_MAPPED_TEXT_H_
#define CROSSCHECK_CHECKER_CORE_MAPPED_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck {

// A half-open byte range [begin, end) in a document's original text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

// 1-based line and byte column.
struct Position {
  int line = 0;
  int column = 0;
  bool operator==(const Position&) const = default;
};

class MappedText {
 public:
  MappedText() = default;

  // Appends `s`, whose bytes came one-for-one from original offsets
  // origin, origin+1, ...
  void Append(absl::string_view s, uint32_t origin);

  // Appends `s` as the replacement of the original range [begin, end)
  // (an entity, a curly quote, a collapsed run of spaces). Every byte of `s`
  // maps to `begin`; the range end is remembered for span computation.
  void AppendReplacement(absl::string_view s, uint32_t begin, uint32_t end);

  // Appends another mapped text.
  void Append(const MappedText& other);

  // Removes trailing ASCII whitespace.
  void TrimRight();

  // Reserves room for `n` text bytes (and their mapping), to avoid
  // reallocation in loops that append piece by piece.
  void Reserve(size_t n);

  // A copy of bytes [begin, end) of the text, with their mapping.
  MappedText Slice(size_t begin, size_t end) const;

  // The original span that produced text bytes [begin, end).
  Span OriginalSpan(size_t begin, size_t end) const;

  // Original offset of text byte `i` (i == size() gives the end).
  uint32_t OriginOf(size_t i) const;

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
  std::vector<uint32_t> begin_;  // original begin of each byte
  std::vector<uint32_t> end_;    // original end of each byte
};

// Line starts of a text, for offset -> line:column.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(absl::string_view text);
  Position PositionOf(uint32_t offset) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::vector<uint32_t> starts_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_MAPPED_TEXT_H_
