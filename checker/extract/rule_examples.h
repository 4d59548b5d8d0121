// Running a rule's inline examples: the test that ships with every rule.
//
// Each rule in a pack carries examples (see rules.h). A match example must
// produce a mention by *that* rule (it must win the overlap against every
// other rule too) whose fields agree with the example's "expect" object; a
// no_match example must produce no mention by that rule. `crosscheck rules
// test` prints the failures, and tests/extract runs every shipped example as
// its own GoogleTest case, so adding a rule touches only its pack.
//
// "expect" keys and how they compare:
//   value, low, high   numbers, equal within 1e-9 relative; "inf" / "-inf"
//                      (strings) for open bounds
//   unit, dimension, qualifier, label, group, text     strings, equal
//   kind               MentionKind name ("money")
//   iso, granularity, begin, end   the date value ("2026-02-08", "day")
// An unknown key fails the example (a typo must not pass silently).
//
//   RuleSet rules = RuleSet::LoadDirs({"rules"}, {}, &problems);
//   Extractor ex(&rules);
//   for (const ExampleResult& r : RunRuleExamples(rules, ex))
//     if (!r.passed) std::cout << r.file << ": " << r.message << "\n";
#ifndef CROSSCHECK_CHECKER_EXTRACT_RULE_EXAMPLES_H_
#define CROSSCHECK_CHECKER_EXTRACT_RULE_EXAMPLES_H_

#include <string>
#include <vector>

#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"

namespace crosscheck::extract {

struct ExampleResult {
  std::string rule_id;
  std::string file;
  std::string pointer;  // JSON pointer of the example
  std::string text;     // the example's text
  bool passed = false;
  std::string message;  // why it failed ("" when passed)
};

// Runs one example of `rule`.
ExampleResult RunRuleExample(const Rule& rule, const RuleExample& example,
                             const Extractor& extractor);

// Runs every example of every rule, in rule order.
std::vector<ExampleResult> RunRuleExamples(const RuleSet& rules,
                                           const Extractor& extractor);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_RULE_EXAMPLES_H_
