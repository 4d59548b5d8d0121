// Extraction: segments -> mentions (typed, normalized, with original spans).
//
// For each body segment (boilerplate is skipped), the RuleSet prefilter
// (RE2::Set) says which rules can match; only those run with captures.
// Overlapping matches are resolved by priority, then length, then position.
// Within a segment, matching runs sentence by sentence (the chunks tile the
// segment text), so the capturing pass reruns a pattern over one sentence
// only; a mention therefore never spans a sentence boundary.
// Each match is normalized by its kind (numbers.h for numeric kinds, dates.h
// for dates and durations); a match that does not normalize is dropped.
// Dates are resolved against the document's reference date and, for
// "two days later", the last explicit date mentioned before.
//
//   Extractor ex(&rules);
//   std::vector<Mention> ms = ex.FindMentions(segmented, doc.reference_date);
#ifndef CROSSCHECK_CHECKER_EXTRACT_EXTRACTOR_H_
#define CROSSCHECK_CHECKER_EXTRACT_EXTRACTOR_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/extract/rules.h"

namespace crosscheck::extract {

// A raw rule hit before normalization.
struct RuleMatch {
  const Rule* rule = nullptr;
  uint32_t begin = 0;  // offsets into the matched text
  uint32_t end = 0;
  // Named captures that participated, name -> text.
  std::vector<std::pair<std::string, std::string>> captures;
  absl::string_view Capture(absl::string_view name) const;
};

class Extractor {
 public:
  explicit Extractor(const RuleSet* rules) : rules_(rules) {}

  // All non-overlapping rule hits in `text`, in order. Hits of numeric rules
  // whose captures do not normalize (NormalizeAmount) are dropped before
  // overlap resolution, so they hide nothing; hits of suppress rules are
  // included (they yield no mention but win their span).
  std::vector<RuleMatch> Match(absl::string_view text) const;

  // Mentions of one segmented document, in document order. Thread-safe.
  std::vector<Mention> FindMentions(const SegmentedDocument& doc,
                                    const ReferenceDate& reference) const;

  // Normalizes `text` alone (rules test, extract -): mentions with local
  // offsets only.
  std::vector<Mention> FindMentionsInText(absl::string_view text,
                                          const ReferenceDate& reference) const;

 private:
  const RuleSet* rules_;
};

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_EXTRACTOR_H_
