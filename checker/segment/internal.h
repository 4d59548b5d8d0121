// Helpers shared by the segment module's .cc files. Not part of the API.
#ifndef CROSSCHECK_CHECKER_SEGMENT_INTERNAL_H_
#define CROSSCHECK_CHECKER_SEGMENT_INTERNAL_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace crosscheck::segment {
class BoilerplateRules;
}

namespace crosscheck::segment::internal {

inline bool IsSpaceByte(char c) {
  // Space, or \t \n \v \f \r (9-13) with one unsigned compare: this runs
  // on every byte of every segment.
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= 4;
}

// Trims ASCII whitespace and no-break spaces (U+00A0) at both ends.
absl::string_view TrimSpace(absl::string_view s);

// Whitespace-separated tokens.
int CountWords(absl::string_view s);

// CountWords, but stops counting past `limit` (returns limit + 1 then), so
// that "is this short?" costs nothing on long paragraphs.
int CountWordsUpTo(absl::string_view s, int limit);

// NormalizeForComparison into a reused buffer. Returns the words of the
// result (its spaces + 1, 0 when empty): CountWords(text) too, unless the
// trimmed ends of `text` held a no-break space.
size_t NormalizeInto(absl::string_view text, std::string* out);

// True when `s` holds no letter or digit (ASCII or not): "}", "***", "•".
bool IsLonePunctuation(absl::string_view s);

// Ends with "..." or "…" (closing quotes/brackets allowed after it).
bool EndsWithEllipsis(absl::string_view s);

// Segment grouping: Document blocks -> segments with sentences, cells and
// column headers (no boilerplate, no heading context yet). `hints` receives
// each segment's container_hint (of its first block).
void BuildSegments(const Document& doc, std::vector<Segment>* segments,
                   std::vector<std::string>* hints);

// Per-document boilerplate signals, then heading context.
void MarkDocumentBoilerplate(const BoilerplateRules& rules,
                             const std::vector<std::string>& hints,
                             std::vector<Segment>* segments);

}  // namespace crosscheck::segment::internal

#endif  // CROSSCHECK_CHECKER_SEGMENT_INTERNAL_H_
