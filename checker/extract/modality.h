// Clauses, modality and speakers: the grammar around a figure.
//
// A figure's clause is its sentence cut at ";", ":", " - ", and before
// "which", "while", "whereas", "but", "although", "though", "after",
// "because": "Exports rose 5%, while imports fell 2%" gives each figure its
// own verb. Modality is read from the clause's
// markers, in this order:
//   hedged  "could", "may", "might", "possibly", "potentially", "perhaps"
//   future  "will", "would", "plans to", "scheduled", "is set to", "aims to",
//           "expected to", "pledged", "committed to", "next", "upcoming",
//           "to be held", "intends to", "going to", "by <year after the
//           reference year>"
//   past    "was", "were", "had", "did", past-tense verbs (irregular list and
//           "-ed" not after "is/are/be"), "ago", "last", "yesterday"
//   present otherwise.
// "reportedly" is not a hedge: a reported event is still past.
//
// Speakers: "X said", "said X", "according to X", "X told ...",
// "X, a professor at Y, said" -> the proper-noun run (titles such as "Prime
// Minister" dropped).
//
// Every word list named here is a word class of rules/lexicon.json
// (clause_opener, hedge, future_marker, past_marker, speech_verb, title...;
// see WordClass in subject.h), so the functions take the Lexicon.
//
//   auto [b, e] = ClauseBounds("Sales rose 5%, while costs fell 2%.", 23, 25,
//                              lex);
//   ClauseModality("costs will fall 2% next year", lex, 2026) ==
//       Modality::kFuture
//   FindSpeaker("Choi Eun-mi, a fellow at the institute, said ...", lex) ==
//       "Choi Eun-mi"
#ifndef CROSSCHECK_CHECKER_EXTRACT_MODALITY_H_
#define CROSSCHECK_CHECKER_EXTRACT_MODALITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/extract/subject.h"

namespace crosscheck::extract {

// The clause of `sentence` containing [begin, end): offsets into sentence.
std::pair<uint32_t, uint32_t> ClauseBounds(absl::string_view sentence,
                                           uint32_t begin, uint32_t end,
                                           const Lexicon& lex);

// The part of the clause [clause_begin, clause_end) whose tense and mood
// are the figure [begin, end)'s: verb phrases joined by ", and <verb>" each
// have their own ("Skelda flies 58 jets, and carried 11 million passengers
// last year": the jets are present). The verb is a finite auxiliary or
// modal, a past-tense or speech verb, or a word in -ed. Offsets into the
// text `tokens` were made from.
std::pair<uint32_t, uint32_t> VerbPhraseBounds(const std::vector<Token>& tokens,
                                               uint32_t clause_begin,
                                               uint32_t clause_end,
                                               uint32_t begin, uint32_t end,
                                               const Lexicon& lex);

// Ranges of `sentence` between paired dashes (" - ... - ", em/en dashes),
// dashes included: asides that a clause outside them skips.
std::vector<std::pair<uint32_t, uint32_t>> DashAsides(
    absl::string_view sentence);

// Ranges of `sentence` holding a relative clause set off by a comma, from
// the comma before its relative word (not "that") to the next ", " or the end
// ("The levy cut[, which the agreement costs at $380 million,] is due to
// take effect in July"): what the aside names is not what the main clause
// dates.
std::vector<std::pair<uint32_t, uint32_t>> RelativeAsides(
    absl::string_view sentence, const Lexicon& lex);

// Modality of a clause. `reference_year` (0 = unknown) lets "by 2027" read
// as future when the document is older than 2027.
Modality ClauseModality(absl::string_view clause, const Lexicon& lex,
                        int reference_year = 0);

// The same over pre-tokenized text: the tokens of `tokens` that lie within
// [begin, end) (offsets into the text they were made from).
Modality ClauseModality(const std::vector<Token>& tokens, uint32_t begin,
                        uint32_t end, const Lexicon& lex,
                        int reference_year = 0);

// The speaker a sentence attributes its content to, or "".
std::string FindSpeaker(absl::string_view sentence, const Lexicon& lex);

// True for a title or role word that precedes names ("prime", "minister",
// "dr", "president-elect"); `lower_word` lowercased, trailing dot allowed.
bool IsTitleWord(absl::string_view lower_word, const Lexicon& lex);

// True when the sentence opens or closes a quotation (straight or curly
// double quotes), i.e. it is (part of) a quotation.
bool IsQuoted(absl::string_view sentence);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_MODALITY_H_
