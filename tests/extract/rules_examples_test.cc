// Runs every inline example of every shipped rule as its own test case, so
// adding a rule touches only its pack (the rule carries its own tests).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rule_examples.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck::extract {
namespace {

const char kRulesDir[] = CROSSCHECK_SOURCE_DIR "/rules";

struct Shipped {
  RuleSet rules;
  std::vector<RuleProblem> problems;
};

const Shipped& ShippedRules() {
  static const Shipped* shipped = [] {
    auto* s = new Shipped;
    s->rules = RuleSet::LoadDirs({kRulesDir}, RuleBudget{}, &s->problems);
    return s;
  }();
  return *shipped;
}

struct ExampleRef {
  std::string rule_id;
  size_t index = 0;  // into the rule's examples
};

std::vector<ExampleRef> AllExamples() {
  std::vector<ExampleRef> out;
  for (const Rule& r : ShippedRules().rules.rules()) {
    for (size_t i = 0; i < r.examples.size(); ++i) out.push_back({r.id, i});
  }
  return out;
}

class RuleExampleTest : public testing::TestWithParam<ExampleRef> {};

TEST_P(RuleExampleTest, Holds) {
  const RuleSet& rules = ShippedRules().rules;
  const Rule* rule = rules.Find(GetParam().rule_id);
  ASSERT_NE(rule, nullptr);
  const RuleExample& ex = rule->examples[GetParam().index];
  Extractor extractor(&rules);
  ExampleResult r = RunRuleExample(*rule, ex, extractor);
  EXPECT_TRUE(r.passed) << r.file << ": " << r.rule_id << " (" << r.pointer
                        << "): " << r.message;
}

std::string ExampleName(const testing::TestParamInfo<ExampleRef>& info) {
  std::string name =
      info.param.rule_id + "_" + std::to_string(info.param.index);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, RuleExampleTest,
                         testing::ValuesIn(AllExamples()), ExampleName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleExampleTest);

TEST(ShippedRules, LoadWithoutProblems) {
  if (!std::filesystem::exists(kRulesDir)) GTEST_SKIP() << "no rules dir";
  for (const RuleProblem& p : ShippedRules().problems) {
    ADD_FAILURE() << p.ToString();
  }
  EXPECT_FALSE(ShippedRules().rules.rules().empty());
}

TEST(ShippedRules, LintClean) {
  if (!std::filesystem::exists(kRulesDir)) GTEST_SKIP() << "no rules dir";
  for (const RuleProblem& p : ShippedRules().rules.Lint()) {
    ADD_FAILURE() << p.ToString();
  }
}

// The prefilter may pass patterns that do not match, never drop one that
// does: every pattern that matches an example text (as written, and in
// upper case, which the case-insensitive atom search must also find) is
// among the candidates for that text.
TEST(ShippedRules, CandidatesIncludeEveryMatchingPattern) {
  const RuleSet& rules = ShippedRules().rules;
  std::vector<std::string> texts;
  for (const Rule& r : rules.rules()) {
    for (const RuleExample& e : r.examples) {
      texts.push_back(e.text);
      texts.push_back(absl::AsciiStrToUpper(e.text));
    }
  }
  ASSERT_FALSE(texts.empty());
  std::vector<std::unique_ptr<RE2>> exact;  // by (rule, pattern), flattened
  for (const Rule& r : rules.rules()) {
    for (const std::string& p : r.patterns) {
      exact.push_back(std::make_unique<RE2>(
          r.case_sensitive ? p : absl::StrCat("(?i)", p)));
    }
  }
  size_t matched = 0;
  for (const std::string& text : texts) {
    const std::vector<std::pair<int, int>> cands = rules.Candidates(text);
    size_t k = 0;
    for (size_t ri = 0; ri < rules.rules().size(); ++ri) {
      for (size_t pi = 0; pi < rules.rules()[ri].patterns.size(); ++pi, ++k) {
        if (!RE2::PartialMatch(text, *exact[k])) continue;
        ++matched;
        const std::pair<int, int> want(static_cast<int>(ri),
                                       static_cast<int>(pi));
        EXPECT_TRUE(std::binary_search(cands.begin(), cands.end(), want))
            << rules.rules()[ri].id << " pattern " << pi << " on: " << text;
      }
    }
  }
  EXPECT_GT(matched, texts.size() / 2);
}

TEST(ShippedRules, RunRuleExamplesCoversEveryExample) {
  const RuleSet& rules = ShippedRules().rules;
  Extractor extractor(&rules);
  size_t expected = 0;
  for (const Rule& r : rules.rules()) expected += r.examples.size();
  EXPECT_EQ(RunRuleExamples(rules, extractor).size(), expected);
}

// My packs promise at least 3 match and 2 no_match examples per rule.
TEST(ShippedRules, NumericPacksHaveEnoughExamples) {
  int total = 0;
  for (const Rule& r : ShippedRules().rules.rules()) {
    if (r.family != "number" && r.family != "money" && r.family != "percent" &&
        r.family != "quantity") {
      continue;
    }
    int match = 0, no_match = 0;
    for (const RuleExample& e : r.examples)
      (e.should_match ? match : no_match)++;
    EXPECT_GE(match, 3) << r.id;
    EXPECT_GE(no_match, 2) << r.id;
    total += match + no_match;
  }
  if (total > 0) {
    EXPECT_GE(total, 40);
  }
}

}  // namespace
}  // namespace crosscheck::extract
