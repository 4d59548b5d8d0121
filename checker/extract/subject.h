// Subjects: what a figure is about, as a canonical head noun plus modifiers.
//
// A claim aligns with another only when both are about the same thing. The
// subject of a figure is found by generic noun-phrase heuristics over the
// figure's clause, never by a lexicon of one story's words:
//
//   "12,000 North Korean soldiers"      -> head soldier,  {korean, north}
//   "4,800 dockworkers on strike"       -> head dockworker, {strike}
//   "the death toll rose to 2,310"      -> head "death toll" (synonym group)
//   "inflation fell to 3.1% in March"   -> head inflation
//   "2% of GDP in defense spending"     -> head "defense spending"
//   "tariffs on South Korean cars from 15 percent to 25 percent"
//                                       -> head tariff, {automobile, korean,
//                                                        south}
//   "$640 billion U.S.-Japan trade relationship"
//                                       -> head relationship, {japan, trade,
//                                                              u.s.}
//   "the population has grown 12%", "inflation accelerating to 3.8%"
//                                       -> population, inflation (verb forms
//                                          are never heads)
//   "lifted its key rate by 0.25 points, taking it to 4.5%"
//                                       -> "interest rate" (the pronoun's
//                                          noun before the comma)
//   "container volumes reached 2.4 million boxes"
//                                       -> head volume, {box, container}
//   "11 people were confirmed dead", "238 people on board"
//                                       -> "death toll" {confirmed},
//                                          passenger (the state of counted
//                                          people, word class person_state,
//                                          through the synonym groups)
//   "passenger numbers on the route rose 9%"
//                                       -> head passenger, {route}
//   "raising the death toll from the disaster in the sound to 19"
//                                       -> "death toll", {disaster, sound}
//   "one in five of those aboard were pupils"
//                                       -> head pupil
//   "set aside $4.5m for bereaved families"
//                                       -> head family, {bereaved}
//
// rules/lexicon.json supplies the word lists (function words, unit nouns,
// spelling variants, irregular plurals, multi-word names, synonym groups,
// and the closed word classes of the grammar heuristics: determiners,
// prepositions, auxiliaries, time nouns...); the singularizer, the
// -isation/-yse spelling folding and other suffix rules are generic code.
// Synonyms add to the generic detection: without them, "defense spending"
// and "defense spending" still match; with them, "military spending" does
// too.
//
//   auto lex = Lexicon::Load("rules/lexicon.json");
//   if (!lex.ok()) return lex.status();
//   Subject s = CanonicalSubject("tariffs on South Korean automobiles", *lex);
//   // s.head == "tariff", s.modifiers == {"automobile", "korean", "south"}
//   double sim = SubjectSimilarity(s, other);  // 0 when heads differ
#ifndef CROSSCHECK_CHECKER_EXTRACT_SUBJECT_H_
#define CROSSCHECK_CHECKER_EXTRACT_SUBJECT_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace crosscheck::extract {

struct Token;

// Closed English word classes that the grammar heuristics of subject.cc,
// claims.cc and modality.cc test words against: rules/lexicon.json
// "word_classes", one list per class, named by WordClassName ("modal",
// "time_noun", ...). Every class is required. A few classes also hold
// phrases ("plans to", "ruled out"), matched token by token (MatchAt).
enum class WordClass : uint8_t {
  kAuxiliary,
  kModal,
  kPerfectAuxiliary,
  kDeterminer,
  kDefiniteDeterminer,
  kOfDeterminer,
  kAttributivePreposition,
  kAttachingPreposition,
  kObjectPreposition,
  kStatePreposition,
  kCountObjectPreposition,
  kShareObjectPreposition,
  kPlacePreposition,
  kLevelVerb,
  kEstimateVerb,
  kCostVerb,
  kPersonNoun,
  kPredicateFiller,
  kTimeNoun,
  kTimeLead,
  kTimeUnit,
  kTimeOfDay,
  kChangeNoun,
  kChangeAdverb,
  kComparative,
  kShareNoun,
  kTemporalConnective,
  kTemporalSubordinator,
  kYearLead,
  kDatelineLabel,
  kSchedulingWord,
  kSchedulingAdjective,
  kScheduledVerb,
  kCapacityCue,
  kPastAuxiliary,
  kPresentStateWord,
  kNegation,
  kPlanUndoing,
  kPlanObjectEnd,
  kPlanPlacePreposition,
  kClauseOpener,
  kHedge,
  kFutureMarker,
  kPastMarker,
  kPastModifier,
  kNonPastEdWord,
  kNonPastEdLead,
  kSpeechVerb,
  kAttributionPhrase,
  kSubjectPronoun,
  kNonNameWord,
  kTitle,
  kPersonState,
  kVerbParticle,
  kPossessiveDeterminer,
  kVoteAgainst,
  kVoteNoun,
  kEnrolVerb,
  kComparisonBase,
  kPresentPerfectAuxiliary,
  kPerfectAdverb,
  kAggregateMarker,
  kFiniteVerb,
  kPlanAuxiliary,
  kRelativePronoun,
  kEmployVerb,
  kCount  // the number of classes; not a class
};
inline constexpr int kWordClassCount = static_cast<int>(WordClass::kCount);

// The class's key in "word_classes" ("future_marker").
absl::string_view WordClassName(WordClass c);
// True when the class may hold phrases of several words.
bool WordClassHoldsPhrases(WordClass c);

// One bit per word class (GCC and Clang both have the 128-bit type).
using WordClassMask = unsigned __int128;

// A set of word classes, one bit each.
struct WordClasses {
  WordClassMask bits = 0;
  constexpr WordClasses() = default;
  constexpr WordClasses(std::initializer_list<WordClass> cs) {
    for (WordClass c : cs) bits |= WordClassMask{1} << static_cast<int>(c);
  }
  constexpr bool Has(WordClass c) const {
    return (bits >> static_cast<int>(c)) & 1;
  }
};

// Word lists for subject detection and canonicalization. Immutable and
// thread-safe once loaded. The file format ("word_classes" is required,
// with every class of WordClass; the other keys are optional):
//
//   {"stop_words": ["the", "of", ...],        // function words, adverbs
//    "unit_nouns": ["percent", "year", "kilometer", ...],
//    "number_words": ["million", "dozen", ...],
//    "variants": {"defence": "defense", ...},  // spelling -> canonical
//    "irregular_plurals": {"people": "person", ...},
//    "invariant": ["data", "series", ...],     // never singularized
//    "phrases": {"united states": "u.s.", ...}, // multi-word names -> token
//    "synonyms": [["troop", "soldier"], ["defense spending",
//                 "military spending"], ...],   // first member = canonical
//    "share_bases": ["gdp", "vote", "seat", ...],   // "X% of <base>"
//    "relational_heads": ["tariff", "rate", ...],   // "<head> on/of <NP>"
//    "generic_heads": ["number", "total", ...],     // "the number of <NP>"
//    "change_words": ["increase", "rose", ...],     // measure: change
//    "verbs": ["rose", "said", ...],                // never a noun head
//    "ing_nouns": ["spending", "funding", ...],     // else -ing is a verb
//    "action_nouns": {"revise": "revision", "hold": "", ...},  // plans
//    "adjective_nouns": {"constitutional": "constitution", ...},
//    "status_group_events": [{"contains": "majority", "event": "election"},
//      {"contains": "open-closed", "event": "open-closed",
//       "by_value": {"closed": "closure", "open": "opening"}}],
//    "word_classes": {"modal": ["will", "would", ...], ...},
//    "word_class_notes": {"modal": "what the class is for", ...}}
//
// A missing class, a class that is not a list of strings, an empty list or
// a phrase in a class of single words fails the load with the file and the
// JSON pointer ("rules/lexicon.json: /word_classes/modal: missing").
class Lexicon {
 public:
  static absl::StatusOr<Lexicon> Load(const std::string& path);
  static absl::StatusOr<Lexicon> Parse(const std::string& path,
                                       absl::string_view json);

  // Problems `crosscheck rules lint` reports for a lexicon file: load
  // errors, classes without a note, notes or lists of unknown classes,
  // entries listed twice or not lowercase. Empty when the file is clean.
  static std::vector<std::string> Lint(const std::string& path);

  // Word classes (see WordClass). `lower_word` is lowercased.
  bool Is(WordClass c, absl::string_view lower_word) const;
  // Every class of a word with one lookup: for code testing several.
  WordClasses ClassesOf(absl::string_view lower_word) const;
  // The class's entries, lowercased, in file order.
  const std::vector<std::string>& Words(WordClass c) const;
  // The number of tokens t[i], t[i+1], ... that spell an entry of `c` (the
  // longest one), comparing Token::lower; 0 when none does.
  int MatchAt(WordClass c, const Token* t, int n, int i) const;
  // True when `text` mentions an entry of one of `classes`: a word (a run
  // of letters, digits and bytes >= 0x80, compared lowercased) or, for a
  // phrase, such words separated by ASCII whitespace. Never misses a token
  // of Tokenize(text) that Is() accepts: a prefilter before tokenizing.
  bool Mentions(absl::string_view text, WordClasses classes) const;

  // Canonical form of one word: lowercased, possessive dropped, spelling
  // variant mapped (defence -> defense), singular (soldiers -> soldier),
  // single-word synonyms mapped to their group's first member.
  std::string Canonical(absl::string_view word) const;
  // Like Canonical, without the synonym step.
  std::string Lemma(absl::string_view word) const;

  bool IsStopWord(absl::string_view lower_word) const;
  bool IsUnitNoun(absl::string_view lower_word) const;  // lemma or plural
  bool IsNumberWord(absl::string_view lower_word) const;
  bool IsShareBase(absl::string_view lemma) const;
  bool IsRelationalHead(absl::string_view lemma) const;
  bool IsGenericHead(absl::string_view lemma) const;
  bool IsChangeWord(absl::string_view lower_word) const;
  // An adverb that may stand after a perfect auxiliary ("has since",
  // "has sharply"): the perfect_adverb class, or any word in -ly.
  bool IsPerfectAdverb(absl::string_view lower_word) const;
  bool IsVerb(absl::string_view lower_word) const;
  // "spending", "funding": -ing words that are nouns ("ing_nouns").
  bool IsIngNoun(absl::string_view lower_word) const;

  // The noun naming a planned action ("action_nouns"), from the verb in any
  // inflection or from the noun itself: "revise", "revising", "revised",
  // "revision", "revisions" -> "revision". "" for a light verb ("hold",
  // "stage") whose object names the action; nullopt when not listed.
  std::optional<std::string> ActionNoun(absl::string_view lower_word) const;
  // The noun behind a relational adjective ("adjective_nouns":
  // "constitutional" -> "constitution"); else the word unchanged.
  std::string AdjectiveNoun(absl::string_view lower_word) const;
  // What money right after a verb is ("money_verbs", any inflection):
  // "lend/lent $185m" -> "funding", "raised $450m" -> "fundraising"; ""
  // when the verb is not listed.
  std::string MoneyVerbHead(absl::string_view lower_word) const;

  // "united states" -> "u.s."; "" when `lower_phrase` is not listed.
  // `max_words` is the longest listed phrase, for callers that scan.
  std::string Phrase(absl::string_view lower_phrase) const;
  int max_phrase_words() const;

  // Synonym group canonical of a lemmatized phrase ("military spending" ->
  // "defense spending"); "" when the phrase is in no group.
  std::string SynonymOf(absl::string_view lemma_phrase) const;
  // The canonical name of a person_state entry ("dead" -> "death toll",
  // "on board" -> "passenger"; see StateOf), or "" when `phrase` (lowercase
  // words separated by one space) is none.
  std::string StateOf(absl::string_view phrase) const;
  // True when `head` is the canonical name of some person_state entry: what
  // a count of people in that state counts ("passenger", "death toll").
  bool IsStateHead(absl::string_view head) const;
  int max_synonym_words() const;

  // Event key of a status group ("parliamentary-majority" -> "election"):
  // the first status_group_events entry whose "contains" is a substring of
  // the group, else the group itself. An entry's optional "by_value" names
  // one event per value reached, for groups whose values are reached by
  // different events ("open-closed": "closed" -> "closure", "open" ->
  // "opening"), so a closure and a reopening are not one event.
  std::string StatusEvent(absl::string_view group,
                          absl::string_view value = "") const;

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

 private:
  Lexicon();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A word or punctuation token of a sentence, with offsets into it.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string lower;  // lowercased text ("US" -> "u.s."), possessive removed
  bool capitalized = false;  // first letter uppercase
  bool numeric = false;      // starts with a digit, or a currency sign
  bool punct = false;        // a single punctuation character
  bool possessive = false;   // was followed by 's / '
};

// Splits `text` into tokens. Hyphenated words split into parts ("U.S.-Japan"
// -> "u.s.", "japan") unless the first part is a prefix ("post-election").
// Abbreviations with dots ("U.S.") and numbers with separators ("12,000",
// "3.1") stay whole. Never fails; bytes >= 0x80 count as letters except
// the UTF-8 punctuation block (curly quotes, dashes).
std::vector<Token> Tokenize(absl::string_view text);

// Builds a subject from a phrase: the head is the last content word before
// a preposition ("tariffs on South Korean automobiles" -> tariff); a
// relational or generic head takes the prepositional object's words as
// modifiers (or as the head, for generic heads: "the number of troops").
Subject CanonicalSubject(absl::string_view phrase, const Lexicon& lex);

// Similarity of two subjects in [0, 1]: 0 when the heads differ; 1 when heads
// and modifier sets are equal; 0.7 when only one side has modifiers (one is
// less specific); otherwise 0.4 + 0.6 * Jaccard(modifiers).
double SubjectSimilarity(const Subject& a, const Subject& b);

// Where a figure sits, for FindSubject.
struct FigureContext {
  absl::string_view sentence;  // the sentence (or table cell) text
  uint32_t begin = 0;          // the figure's offsets in `sentence`
  uint32_t end = 0;
  uint32_t clause_begin = 0;  // clause bounds in `sentence` (see
  uint32_t clause_end = 0;    // ClauseBounds in modality.h)
  MentionKind kind = MentionKind::kNumber;
  Amount amount;
  // Other mentions' offsets in `sentence`: never part of a subject.
  std::vector<std::pair<uint32_t, uint32_t>> others;
  // Asides (see DashAsides in modality.h) not containing the figure: their
  // words are invisible to the search.
  std::vector<std::pair<uint32_t, uint32_t>> asides;
  // Optional: Tokenize(sentence), when the caller has it already.
  const std::vector<Token>* tokens = nullptr;
  // Table rows: the row label (first cell) when the figure is not in it,
  // and the header of the figure's column ("" when the table has none).
  absl::string_view row_label;
  absl::string_view column_header;
};

// The subject a figure belongs to (see the top of this file). A subject with
// an empty head means "none found": the figure is not a claim.
Subject FindSubject(const FigureContext& ctx, const Lexicon& lex);

// Convenience for tests and tools: the subject of the first occurrence of
// `figure` in `sentence`, the whole sentence being one clause.
Subject SubjectOfFigure(absl::string_view sentence, absl::string_view figure,
                        MentionKind kind, const Amount& amount,
                        const Lexicon& lex);

// Builds a Subject from a head and modifiers (canonicalizes, sorts,
// dedupes, fills key). `text` is kept as written.
Subject MakeSubject(std::string text, std::string head,
                    std::vector<std::string> modifiers);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_SUBJECT_H_
