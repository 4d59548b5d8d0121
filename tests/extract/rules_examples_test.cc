// Runs every inline example of every shipped rule as its own test case, so
// adding a rule touches only its pack (the rule carries its own tests).
#include <filesystem>
#include <string>
#include <vector>

#include "checker/extract/extractor.h"
#include "checker/extract/rule_examples.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

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
