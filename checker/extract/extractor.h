// Extraction: segments -> mentions (typed, normalized, with original spans).
//
// For each body segment (boilerplate is skipped), the RuleSet prefilter
// (RE2::Set) says which rules can match; only those run with captures.
// Overlapping matches are resolved by priority, then length, then position.
// Within a segment, matching runs sentence by sentence (the chunks tile the
// segment text), so the capturing pass reruns a pattern over one sentence
// only; a mention therefore never spans a sentence boundary.
// Matching is the date-independent half of the work (MatchDocuments); the
// rest (MentionsFrom) needs the reference date. Matching many documents at
// once runs pattern by pattern over all their sentences, which keeps each
// pattern's automaton in the CPU caches.
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

// Rule hits of one document before normalization and overlap resolution,
// per segment (index into SegmentedDocument::segments). Independent of the
// reference date, so a document whose date is inferred from its own
// mentions is matched once.
struct DocumentHits {
  struct Hit {
    RuleMatch match;  // offsets into the segment's text
    int rule_index = 0;
    int pattern = 0;
  };
  std::vector<std::vector<Hit>> segments;
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
  // Same as MentionsFrom(doc, MatchDocuments({&doc})[0], reference).
  std::vector<Mention> FindMentions(const SegmentedDocument& doc,
                                    const ReferenceDate& reference) const;

  // The rule hits of each document (result i belongs to docs[i]). Faster
  // per document than one call each when given a few dozen documents.
  // Thread-safe.
  std::vector<DocumentHits> MatchDocuments(
      const std::vector<const SegmentedDocument*>& docs) const;

  // Mentions of `doc` from its hits (consumed), in document order.
  std::vector<Mention> MentionsFrom(const SegmentedDocument& doc,
                                    DocumentHits hits,
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
