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
  // The mapping is stored as runs, not per byte: normalized text is mostly
  // long stretches copied one-for-one, so a few runs per line replace eight
  // bytes of mapping per text byte (and their one-at-a-time pushes).
  // A run covers text bytes [text_begin, next run's text_begin or size()).
  struct Run {
    uint32_t text_begin = 0;
    // identity: byte text_begin + k came from original offset
    // orig_begin + k (one byte). Otherwise every byte of the run maps to
    // [orig_begin, orig_end).
    uint32_t orig_begin = 0;
    uint32_t orig_end = 0;
    bool identity = true;
  };
  // Index of the run holding text byte `i` (i < size()).
  size_t RunOf(size_t i) const;
  uint32_t ByteBegin(size_t i) const;
  uint32_t ByteEnd(size_t i) const;
  // Appends a run for `n` bytes about to be appended at the end of text_,
  // merging it with the last run when the mapping continues.
  void PushRun(const Run& run, size_t n);

  std::string text_;
  std::vector<Run> runs_;
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
