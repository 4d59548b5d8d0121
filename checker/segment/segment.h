// Segmentation: a Document's blocks -> paragraphs, headings, list items,
// table rows and sentences, each marked body or boilerplate.
//
// Boilerplate is decided by phrase rules from rules/boilerplate.json (in
// several languages) and by structural signals that need no phrase list:
// teaser blocks (runs of short lines ending in "..."), lines repeated within
// a document, lines shared by several documents of the corpus, lone
// punctuation, and everything under a "Related ..." heading up to the next
// real heading. Boilerplate segments are kept (reports grey them out) but
// never yield claims.
//
//   auto rules = BoilerplateRules::Load("rules/boilerplate.json");
//   SegmentedDocument sd = SegmentDocument(doc, *rules);
//   MarkCorpusBoilerplate(absl::MakeSpan(all_segmented_docs));
#ifndef CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_
#define CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "checker/core/types.h"

namespace crosscheck::segment {

// Compiled boilerplate phrase rules. Immutable and thread-safe once loaded.
class BoilerplateRules {
 public:
  // Loads a rule file; errors name the file, rule id and JSON pointer.
  static absl::StatusOr<BoilerplateRules> Load(const std::string& path);
  static absl::StatusOr<BoilerplateRules> Parse(const std::string& path,
                                                absl::string_view json);

  // The id of the first rule whose pattern matches `segment_text`, or "".
  std::string Match(absl::string_view segment_text) const;

  BoilerplateRules(BoilerplateRules&&) noexcept;
  BoilerplateRules& operator=(BoilerplateRules&&) noexcept;
  ~BoilerplateRules();

 private:
  BoilerplateRules();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits one document into segments and sentences and applies the
// per-document boilerplate signals.
SegmentedDocument SegmentDocument(const Document& doc,
                                  const BoilerplateRules& rules);

// Applies the corpus-wide signal: a segment whose text stands (after
// normalization) in two or more documents is boilerplate
// ("structure.shared-across-documents"). Deterministic for any order of
// `docs`... given the same set.
void MarkCorpusBoilerplate(absl::Span<SegmentedDocument> docs);

// Splits `text` into sentences (offsets into `text`), aware of
// abbreviations (U.S., Jan., Dr.), decimals, initials and quotes.
std::vector<Sentence> SplitSentences(absl::string_view text);

}  // namespace crosscheck::segment

#endif  // CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_
