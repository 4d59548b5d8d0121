// Claims: mentions tied to what they are about.
//
// For each mention in a body segment, BuildClaims finds the subject (the
// counted noun, or the noun phrase the figure belongs to), the measure
// (level, change, share, rank, count, event date, status), the time scope
// (an explicit date in the clause, else the reference date), the modality
// (past / present / future / hedged from the clause's verbs and markers),
// and the speaker for reported speech. Subject detection is generic noun
// phrase heuristics; rules/lexicon.json supplies function words, unit nouns,
// spelling variants and optional synonyms.
//
//   Lexicon lex = *Lexicon::Load("rules/lexicon.json");
//   std::vector<Claim> cs = BuildClaims(sd, mentions, info, lex);
#ifndef CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_
#define CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace crosscheck::extract {

// Word lists for subject detection and canonicalization. Immutable.
class Lexicon {
 public:
  static absl::StatusOr<Lexicon> Load(const std::string& path);
  static absl::StatusOr<Lexicon> Parse(const std::string& path,
                                       absl::string_view json);

  // Canonical form of one word: lowercased, spelling variant mapped
  // (defence -> defense), singular (soldiers -> soldier), synonyms mapped to
  // their group's first member.
  std::string Canonical(absl::string_view word) const;
  bool IsStopWord(absl::string_view lower_word) const;
  bool IsUnitNoun(absl::string_view lower_word) const;

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

 private:
  Lexicon();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Subject of a free phrase: "tariffs on South Korean automobiles" ->
// head "tariff", modifiers {automobile, korean, south}.
Subject CanonicalSubject(absl::string_view phrase, const Lexicon& lex);

// Claims for the mentions of one document. `info` is copied into nothing;
// claims refer to it by doc_id.
std::vector<Claim> BuildClaims(const SegmentedDocument& doc,
                               const std::vector<Mention>& mentions,
                               const Lexicon& lex);

// Infers a reference date when ingestion found none: dateline, then text
// cues ("President-elect" ...), then the latest explicit past date. The
// corpus-level fallback is the pipeline's (it needs every document).
ReferenceDate InferReferenceDate(const SegmentedDocument& doc,
                                 const std::vector<Mention>& mentions);

// Document flags: AI-generated disclaimer/label evidence (from kDisclaimer
// mentions) into info.
void FlagDocument(const SegmentedDocument& doc,
                  const std::vector<Mention>& mentions, DocumentInfo* info);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_
