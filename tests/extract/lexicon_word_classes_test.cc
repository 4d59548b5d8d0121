// Word classes of rules/lexicon.json: the loader's errors, the lookups, and
// that the grammar heuristics really read their words from the file (an
// edited lexicon changes a subject, a clause, a modality and a speaker).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "checker/extract/modality.h"
#include "checker/extract/subject.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace crosscheck::extract {
namespace {

using nlohmann::json;

constexpr char kShipped[] = CROSSCHECK_SOURCE_DIR "/rules/lexicon.json";

json ShippedJson() {
  std::ifstream in(kShipped, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  json j = json::parse(ss.str(), nullptr, false);
  EXPECT_TRUE(j.is_object()) << kShipped;
  return j;
}

const Lexicon& Shipped() {
  static const Lexicon* lex = [] {
    auto l = Lexicon::Load(kShipped);
    EXPECT_TRUE(l.ok()) << l.status();
    return l.ok() ? new Lexicon(std::move(*l)) : nullptr;
  }();
  return *lex;
}

// The shipped lexicon with `word` added to `cls`.
Lexicon WithWord(const char* cls, const char* word) {
  json j = ShippedJson();
  j["word_classes"][cls].push_back(word);
  auto l = Lexicon::Parse("edited.json", j.dump());
  EXPECT_TRUE(l.ok()) << l.status();
  return std::move(*l);
}

std::string ParseError(const json& j) {
  auto l = Lexicon::Parse("rules/lexicon.json", j.dump());
  return l.ok() ? "ok" : std::string(l.status().message());
}

TEST(WordClassTest, NamesAreUniqueAndEveryClassIsShipped) {
  absl::flat_hash_set<std::string> names;
  for (int i = 0; i < kWordClassCount; ++i) {
    const WordClass c = static_cast<WordClass>(i);
    const std::string name(WordClassName(c));
    EXPECT_FALSE(name.empty()) << i;
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_FALSE(Shipped().Words(c).empty()) << name;
  }
}

TEST(WordClassTest, MissingWrongTypeAndEmptyAreErrorsNamingFileAndPointer) {
  json j = ShippedJson();
  j["word_classes"].erase("modal");
  EXPECT_EQ(ParseError(j), "rules/lexicon.json: /word_classes/modal: missing");

  j = ShippedJson();
  j["word_classes"]["time_noun"] = "morning";
  EXPECT_EQ(ParseError(j),
            "rules/lexicon.json: /word_classes/time_noun: expected an array "
            "of strings");

  j = ShippedJson();
  j["word_classes"]["hedge"] = json::array();
  EXPECT_EQ(ParseError(j),
            "rules/lexicon.json: /word_classes/hedge: empty list");

  j = ShippedJson();
  j["word_classes"]["title"][2] = 7;
  EXPECT_EQ(ParseError(j),
            "rules/lexicon.json: /word_classes/title/2: expected a string");

  j = ShippedJson();
  j["word_classes"]["determiner"][0] = "   ";
  EXPECT_EQ(ParseError(j),
            "rules/lexicon.json: /word_classes/determiner/0: empty entry");

  // A phrase where the code compares single words could never match.
  j = ShippedJson();
  j["word_classes"]["clause_opener"].push_back("so that");
  EXPECT_TRUE(
      absl::StartsWith(ParseError(j),
                       "rules/lexicon.json: /word_classes/clause_opener/8: "
                       "expected one word"))
      << ParseError(j);

  j = ShippedJson();
  j.erase("word_classes");
  EXPECT_EQ(ParseError(j), "rules/lexicon.json: /word_classes: missing");
  j["word_classes"] = json::array();
  EXPECT_EQ(ParseError(j),
            "rules/lexicon.json: /word_classes: expected an object of word "
            "lists");
}

TEST(WordClassTest, LoadNamesTheFile) {
  json j = ShippedJson();
  j["word_classes"].erase("speech_verb");
  const std::string path = ::testing::TempDir() + "/broken-lexicon.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << j.dump();
  }
  auto l = Lexicon::Load(path);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().message(),
            path + ": /word_classes/speech_verb: missing");
}

TEST(WordClassTest, Lookups) {
  const Lexicon& lex = Shipped();
  EXPECT_TRUE(lex.Is(WordClass::kModal, "would"));
  EXPECT_FALSE(lex.Is(WordClass::kModal, "Would"));  // callers lowercase
  EXPECT_FALSE(lex.Is(WordClass::kModal, "tariff"));
  const WordClasses was = lex.ClassesOf("was");
  EXPECT_TRUE(was.Has(WordClass::kAuxiliary));
  EXPECT_TRUE(was.Has(WordClass::kPastMarker));
  EXPECT_FALSE(was.Has(WordClass::kHedge));
  EXPECT_EQ(lex.Words(WordClass::kChangeAdverb),
            (std::vector<std::string>{"up", "down"}));

  // Phrases match token by token, longest first.
  const std::vector<Token> t =
      Tokenize("The board plans to vote; it ruled out a sale, ahead of May.");
  const int n = static_cast<int>(t.size());
  EXPECT_EQ(lex.MatchAt(WordClass::kFutureMarker, t.data(), n, 2), 2);
  EXPECT_EQ(lex.MatchAt(WordClass::kFutureMarker, t.data(), n, 3), 0);
  EXPECT_EQ(lex.MatchAt(WordClass::kPlanUndoing, t.data(), n, 7), 2);
  EXPECT_EQ(lex.MatchAt(WordClass::kTemporalConnective, t.data(), n, 12), 2);
  EXPECT_EQ(lex.MatchAt(WordClass::kTemporalConnective, t.data(), n, n), 0);
  // A phrase cut off by the end of the range does not match.
  EXPECT_EQ(lex.MatchAt(WordClass::kFutureMarker, t.data(), 3, 2), 0);

  const WordClasses speech = {WordClass::kSpeechVerb,
                              WordClass::kAttributionPhrase};
  EXPECT_TRUE(lex.Mentions("Exports rose, officials SAID.", speech));
  EXPECT_TRUE(lex.Mentions("According\n to the ministry", speech));
  EXPECT_FALSE(lex.Mentions("according, to the ministry", speech));
  EXPECT_FALSE(lex.Mentions("The saidian plan was accorded.", speech));
  EXPECT_FALSE(lex.Mentions("", speech));
}

TEST(WordClassTest, ShippedTradingMarkersPossessivesAndSexSynonyms) {
  const Lexicon& lex = Shipped();
  // A market opening is a time of day after a connective: several words.
  const std::vector<Token> t =
      Tokenize("before the stock market opened on Monday, after dawn");
  const int n = static_cast<int>(t.size());
  EXPECT_EQ(lex.MatchAt(WordClass::kTimeOfDay, t.data(), n, 1), 4);
  EXPECT_EQ(lex.MatchAt(WordClass::kTimeOfDay, t.data(), n, 9), 1);
  EXPECT_EQ(lex.MatchAt(WordClass::kTimeOfDay, t.data(), n, 2), 0);
  // Possessives, not other determiners.
  EXPECT_TRUE(lex.Is(WordClass::kPossessiveDeterminer, "its"));
  EXPECT_FALSE(lex.Is(WordClass::kPossessiveDeterminer, "the"));
  // "three-quarters were men" and "75% were male" count the same people.
  EXPECT_EQ(lex.SynonymOf("male"), lex.SynonymOf("man"));
  EXPECT_EQ(lex.SynonymOf("female"), lex.SynonymOf("woman"));
  EXPECT_NE(lex.SynonymOf("male"), lex.SynonymOf("woman"));
}

TEST(UserLexiconTest, AddedWordsChangeTheHeuristics) {
  // A bare count of people takes its role as a qualifier; staff counted the
  // same way only once the lexicon lists "staff" as people.
  Amount staff;
  staff.unit = "staff";
  staff.dimension = "count";
  const char* kStaff = "About 3,000 staff were assigned to the fire.";
  auto mods = [](const Subject& s) { return absl::StrJoin(s.modifiers, ","); };
  const Subject before =
      SubjectOfFigure(kStaff, "3,000", MentionKind::kNumber, staff, Shipped());
  EXPECT_EQ(before.head, "staff");
  EXPECT_EQ(mods(before), "");
  const Subject after =
      SubjectOfFigure(kStaff, "3,000", MentionKind::kNumber, staff,
                      WithWord("person_noun", "staff"));
  EXPECT_EQ(after.head, "staff");
  EXPECT_EQ(mods(after), "assigned,fire");

  // A British clause opener cuts the clause.
  const std::string s = "Exports rose 5%, whilst imports fell 2%.";
  const uint32_t at = static_cast<uint32_t>(s.find("2%"));
  auto [b0, e0] = ClauseBounds(s, at, at + 2, Shipped());
  EXPECT_EQ(s.substr(b0, e0 - b0), s);
  auto [b1, e1] =
      ClauseBounds(s, at, at + 2, WithWord("clause_opener", "whilst"));
  EXPECT_EQ(s.substr(b1, e1 - b1), "whilst imports fell 2%.");

  // A new future phrase.
  const char* kTipped = "the terminal is tipped to reopen";
  EXPECT_EQ(ModalityName(ClauseModality(kTipped, Shipped())),
            ModalityName(Modality::kPresent));
  EXPECT_EQ(ModalityName(ClauseModality(
                kTipped, WithWord("future_marker", "tipped to"))),
            ModalityName(Modality::kFuture));

  // A new speech verb.
  const char* kReckons = "Exports will recover, Ana Lima reckons.";
  EXPECT_EQ(FindSpeaker(kReckons, Shipped()), "");
  EXPECT_EQ(FindSpeaker(kReckons, WithWord("speech_verb", "reckons")),
            "Ana Lima");
}

TEST(LexiconLintTest, ShippedIsCleanAndProblemsAreNamed) {
  EXPECT_EQ(absl::StrJoin(Lexicon::Lint(kShipped), "\n"), "");

  json j = ShippedJson();
  j["word_class_notes"].erase("hedge");
  j["word_class_notes"]["colour"] = "not a class";
  j["word_classes"]["colour"] = {"red"};
  j["word_classes"]["title"].push_back("Mayor");
  j["word_classes"]["title"].push_back("mayor");
  const std::string path = ::testing::TempDir() + "/lint-lexicon.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << j.dump();
  }
  const std::string got = absl::StrJoin(Lexicon::Lint(path), "\n");
  for (const char* want :
       {"/word_classes/colour: unknown word class",
        "/word_class_notes/hedge: missing",
        "/word_class_notes/colour: note for an unknown word class",
        "'Mayor' is not lowercase", "'mayor' is listed twice"}) {
    EXPECT_TRUE(absl::StrContains(got, want)) << want << "\n" << got;
  }
  // A file that does not load reports the load error.
  j["word_classes"].erase("modal");
  {
    std::ofstream out(path, std::ios::binary);
    out << j.dump();
  }
  EXPECT_EQ(Lexicon::Lint(path),
            std::vector<std::string>{path + ": /word_classes/modal: missing"});
}

}  // namespace
}  // namespace crosscheck::extract
