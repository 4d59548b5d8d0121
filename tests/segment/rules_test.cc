#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/segment/internal.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

TEST(BoilerplateRules, ShippedFileLoads) {
  auto rules = BoilerplateRules::Load(testing::RulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_GE(rules->rules().size(), 40u);
}

TEST(BoilerplateRules, EveryExampleHolds) {
  auto rules = BoilerplateRules::Load(testing::RulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status();
  for (const std::string& f : rules->CheckExamples()) ADD_FAILURE() << f;
  for (const BoilerplateRule& r : rules->rules()) {
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_EQ(r.id.rfind("boilerplate.", 0), 0u) << r.id;
  }
}

}  // namespace
}  // namespace crosscheck::segment

namespace crosscheck::segment {
namespace {

TEST(BoilerplateRules, ErrorsNameFileRuleAndPointer) {
  struct {
    const char* json;
    std::vector<std::string> want;  // substrings of the error message
  } cases[] = {
      {"{not json", {"x.json", "not valid JSON"}},
      {"[]", {"x.json", "(/)"}},
      {R"({"rules": 3})", {"(/rules)"}},
      {R"({"family": "money", "rules": []})", {"(/family)"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["(unclosed"]}]})",
       {"x.json", "boilerplate.a", "/rules/0/patterns/0", "missing )"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["a"]},
                     {"id": "boilerplate.a", "patterns": ["b"]}]})",
       {"boilerplate.a", "/rules/1/id", "duplicate"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": []}]})",
       {"/rules/0/patterns", "at least one"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": [7]}]})",
       {"/rules/0/patterns/0", "string"}},
      {R"({"rules": [{"patterns": ["a"]}]})", {"/rules/0/id"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["a"],
                      "scope": "everywhere"}]})",
       {"/rules/0/scope"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["a"],
                      "max_words": -1}]})",
       {"/rules/0/max_words"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["a"],
                      "section": "yes"}]})",
       {"/rules/0/section"}},
      {R"({"rules": [{"id": "boilerplate.a", "patterns": ["a"],
                      "examples": {"match": "a"}}]})",
       {"/rules/0/examples/match"}},
  };
  for (const auto& c : cases) {
    auto r = BoilerplateRules::Parse("x.json", c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    for (const std::string& w : c.want) {
      EXPECT_NE(std::string(r.status().message()).find(w), std::string::npos)
          << r.status() << " lacks " << w;
    }
  }
}

TEST(BoilerplateRules, ScopesAndWordLimits) {
  auto r = BoilerplateRules::Parse("t.json", R"({"rules": [
    {"id": "boilerplate.whole", "patterns": ["(?i)share"], "max_words": 3},
    {"id": "boilerplate.start", "patterns": ["Home"], "scope": "prefix"},
    {"id": "boilerplate.any", "patterns": ["cookie"], "scope": "contains",
     "max_words": 0},
    {"id": "boilerplate.guard", "patterns": ["keep me"], "scope": "contains",
     "keep": true}]})");
  ASSERT_TRUE(r.ok()) << r.status();
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"Share", "boilerplate.whole"},
      {"  SHARE  ", "boilerplate.whole"},
      {"Share it", ""},  // segment scope: whole text only
      {"Home page news", "boilerplate.start"},
      {"The Home Office", ""},
      {"a very long paragraph that mentions a cookie somewhere in it",
       "boilerplate.any"},
      {"cookie but keep me", ""},  // a keep rule protects it
      {"", ""},
      {"\xFF\xFE", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(r->Match(c.text), c.want) << c.text;
  const BoilerplateRule* guard = r->MatchRule("cookie but keep me");
  ASSERT_NE(guard, nullptr);
  EXPECT_TRUE(guard->keep);
  EXPECT_TRUE(r->CheckExamples().size() == 4u);  // no examples anywhere
}

// Anchored ("segment", "prefix") and "contains" patterns are matched in
// separate sets; the rule that decides is still chosen over all of them.
TEST(BoilerplateRules, AnchoredAndContainsRulesDecideTogether) {
  auto r = BoilerplateRules::Parse("t.json", R"({"rules": [
    {"id": "boilerplate.first-any", "patterns": ["(?i)promo"],
     "scope": "contains", "max_words": 8},
    {"id": "boilerplate.label", "patterns": ["(?i)(promo|share)\\b.*"],
     "max_words": 3},
    {"id": "boilerplate.later-any", "patterns": ["(?i)share"],
     "scope": "contains", "max_words": 6},
    {"id": "boilerplate.guard", "patterns": ["(?i)keep this"],
     "scope": "contains", "max_words": 20, "keep": true}]})");
  ASSERT_TRUE(r.ok()) << r.status();
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      // Both sets hit: file order decides, whichever set the rule is in.
      {"Promo code", "boilerplate.first-any"},
      {"Share this", "boilerplate.label"},
      // Too long for the anchored rule: the contains set alone decides.
      {"Share this with a friend", "boilerplate.later-any"},
      {"one two three four five six seven share", ""},
      // A keep rule in the contains set protects from an anchored rule.
      {"Share: keep this", ""},
      {"nothing to see here", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(r->Match(c.text), c.want) << c.text;
}

// The shipped rules, decided the slow way (each pattern on its own, in
// file order, a keep rule first) for every example text, agree with the
// sets.
TEST(BoilerplateRules, SetsAgreeWithEachPatternAlone) {
  auto rules = BoilerplateRules::Load(testing::RulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status();
  const std::vector<BoilerplateRule>& all = rules->rules();
  std::vector<std::vector<std::unique_ptr<RE2>>> compiled(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    for (const std::string& p : all[i].patterns) {
      std::string wrapped = all[i].scope == "contains" ? p
                            : all[i].scope == "prefix"
                                ? absl::StrCat("^(?:", p, ")")
                                : absl::StrCat("^(?:", p, ")$");
      compiled[i].push_back(std::make_unique<RE2>(wrapped));
      ASSERT_TRUE(compiled[i].back()->ok()) << all[i].id;
    }
  }
  auto slow = [&](absl::string_view text) -> const BoilerplateRule* {
    absl::string_view t = internal::TrimSpace(text);
    if (t.empty()) return nullptr;
    const int words = internal::CountWords(t);
    const BoilerplateRule* best = nullptr;
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].max_words > 0 && words > all[i].max_words) continue;
      bool hit = false;
      for (const auto& re : compiled[i]) {
        hit =
            hit || RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *re);
      }
      if (!hit) continue;
      if (best == nullptr || (all[i].keep && !best->keep)) best = &all[i];
    }
    return best;
  };
  int checked = 0;
  for (const BoilerplateRule& rule : all) {
    for (const auto* examples :
         {&rule.match_examples, &rule.no_match_examples}) {
      for (const std::string& text : *examples) {
        for (const std::string& t :
             {text, absl::StrCat("  ", text, " "), absl::StrCat(text, " x y"),
              absl::StrCat("Intro: ", text)}) {
          EXPECT_EQ(rules->MatchRule(t), slow(t)) << t;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 400);
}

// The one-compare space test is the C locale's isspace.
TEST(SegmentInternal, IsSpaceByteIsIsspace) {
  for (int c = 0; c < 256; ++c) {
    EXPECT_EQ(internal::IsSpaceByte(static_cast<char>(c)), std::isspace(c) != 0)
        << c;
  }
}

// NormalizeForComparison against the plain definition: trimmed (ASCII
// spaces and U+00A0), ASCII lowercased, each run of ASCII spaces one space.
TEST(SegmentInternal, NormalizeForComparisonMatchesDefinition) {
  auto slow = [](absl::string_view text) {
    std::string out;
    bool space = false;
    for (char c : internal::TrimSpace(text)) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
  };
  const std::string pieces[] = {"A",        "b",        " ",  "\t\n", "  ",
                                "\xC2\xA0", "\xC3\x89", "Z9", ".",    "\v\f\r"};
  std::string text;
  uint32_t state = 12345;
  for (int i = 0; i < 5000; ++i) {
    text.clear();
    const int n = static_cast<int>(state % 9);
    for (int k = 0; k < n; ++k) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % std::size(pieces)];
    }
    state = state * 1103515245u + 12345u;
    EXPECT_EQ(NormalizeForComparison(text), slow(text)) << "[" << text << "]";
  }
  EXPECT_EQ(NormalizeForComparison("  Read\t\tMORE:  now "), "read more: now");
}

// FingerprintDocument takes a segment's word count from its normalization
// when it can: the count must be CountWords' all the same, no-break spaces
// at the ends included (they are part of a word for CountWords, trimmed
// for comparison).
TEST(SegmentInternal, FingerprintWordsAreCountWords) {
  const std::string pieces[] = {"w",         " ",  "\xC2\xA0", "\t",
                                "\xC3\x89x", "  ", "ab.",      "\n "};
  SegmentedDocument doc;
  std::vector<std::string> texts;
  uint32_t state = 99;
  const std::vector<std::string> fixed = {
      "\xC2\xA0 one two three four", "one two three four \xC2\xA0",
      " \xC2\xA0 \xC2\xA0x one two three four \xC2\xA0\xC2\xA0 ",
      "\xC2\xA0one two three four\xC2\xA0"};
  for (int i = 0; i < 3000; ++i) {
    std::string text = "one two three four";  // Comparable: 4+ words
    if (static_cast<size_t>(i) < fixed.size()) text = fixed[i];
    const int n = static_cast<int>((state >> 16) % 7);
    for (int k = 0; k < n; ++k) {
      state = state * 1103515245u + 12345u;
      const std::string& piece = pieces[(state >> 16) % std::size(pieces)];
      text = ((state >> 24) & 1) ? piece + text : text + piece;
    }
    state = state * 1103515245u + 12345u;
    Segment seg;
    seg.index = i;
    seg.kind = SegmentKind::kParagraph;
    seg.text.Append(text, 0);
    doc.segments.push_back(std::move(seg));
    texts.push_back(text);
    std::string buffer;
    const size_t words = internal::NormalizeInto(text, &buffer);
    EXPECT_EQ(words, buffer.empty() ? 0u
                                    : static_cast<size_t>(std::count(
                                          buffer.begin(), buffer.end(), ' ')) +
                                          1u)
        << "[" << text << "]";
  }
  const CorpusFingerprint fp = FingerprintDocument(doc);
  ASSERT_EQ(fp.entries.size(), texts.size());
  for (const CorpusFingerprint::Entry& e : fp.entries) {
    EXPECT_EQ(e.words, internal::CountWords(texts[e.segment]))
        << "[" << texts[e.segment] << "]";
  }
}

TEST(BoilerplateRules, MissingFile) {
  auto r = BoilerplateRules::Load("/nonexistent/boilerplate.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::string(r.status().message()).find("/nonexistent"),
            std::string::npos);
}

}  // namespace
}  // namespace crosscheck::segment
