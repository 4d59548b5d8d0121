// Loader and lint: every problem names the file, the rule and the JSON
// pointer, and a bad rule never stops the others from loading.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

// A pack with one good rule and `bad` spliced in as a second rule.
std::string Pack(const std::string& bad) {
  return R"j({"family": "number", "description": "test pack", "rules": [
    {"id": "number.good", "kind": "number", "description": "digits",
     "patterns": ["\\b(?P<num>\\d+)\\b"], "captures": {"num": "figure"},
     "examples": {"match": ["7 boats"], "no_match": ["none"]}})j" +
         (bad.empty() ? "" : ", " + bad) + "]}";
}

bool Mentions(const std::vector<RuleProblem>& ps, const std::string& rule,
              const std::string& pointer, const std::string& needle) {
  for (const RuleProblem& p : ps) {
    if (p.rule_id == rule && p.pointer == pointer &&
        absl::StrContains(p.message, needle) && p.file == "pack.json") {
      return true;
    }
  }
  return false;
}

std::string All(const std::vector<RuleProblem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.ToString() + "\n";
  return s;
}

TEST(RulesLoader, LoadsAGoodPack) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack("pack.json", Pack(""), {}, &problems);
  EXPECT_TRUE(problems.empty()) << All(problems);
  ASSERT_EQ(rs.rules().size(), 1u);
  EXPECT_EQ(rs.rules()[0].family, "number");
  EXPECT_EQ(rs.rules()[0].pointer, "/rules/0");
  EXPECT_EQ(rs.rules()[0].examples.size(), 2u);
  EXPECT_TRUE(rs.Lint().empty()) << All(rs.Lint());
}

TEST(RulesLoader, BrokenJsonIsReportedAndSkipped) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack("pack.json", "{\"family\": [", {}, &problems);
  EXPECT_TRUE(rs.rules().empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "pack.json");
  EXPECT_TRUE(absl::StrContains(problems[0].message, "JSON"));
}

struct BadRuleCase {
  const char* name;
  std::string rule;
  std::string pointer;
  std::string needle;
};

TEST(RulesLoader, BadRulesAreReportedAndTheRestLoads) {
  const BadRuleCase cases[] = {
      {"unknown kind",
       R"j({"id": "number.bad", "kind": "banana", "description": "x",
           "patterns": ["a"]})j",
       "/rules/1/kind", "unknown kind \"banana\""},
      {"bad pattern",
       R"j({"id": "number.bad", "kind": "number", "description": "x",
           "patterns": ["ok", "(?P<num>\\d+"]})j",
       "/rules/1/patterns/1", "missing )"},
      {"bad repetition",
       R"j({"id": "number.bad", "kind": "number", "description": "x",
           "patterns": ["a{2,1}"]})j",
       "/rules/1/patterns/0", "invalid repetition size"},
      {"no patterns",
       R"j({"id": "number.bad", "kind": "number", "description": "x"})j",
       "/rules/1/patterns", "non-empty array"},
      {"priority not an integer",
       R"j({"id": "number.bad", "kind": "number", "description": "x",
           "patterns": ["a"], "priority": "high"})j",
       "/rules/1/priority", "integer"},
      {"undefined definition",
       R"j({"id": "number.bad", "kind": "number", "description": "x",
           "patterns": ["{{NOPE}}"]})j",
       "/rules/1/patterns/0", "undefined definition {{NOPE}}"},
  };
  for (const BadRuleCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<RuleProblem> problems;
    RuleSet rs = RuleSet::LoadPack("pack.json", Pack(c.rule), {}, &problems);
    EXPECT_TRUE(Mentions(problems, "number.bad", c.pointer, c.needle))
        << All(problems);
    ASSERT_EQ(rs.rules().size(), 1u);
    EXPECT_EQ(rs.rules()[0].id, "number.good");
    // The good rule still extracts.
    Extractor ex(&rs);
    EXPECT_EQ(ex.Match("we saw 7 boats").size(), 1u);
  }
}

TEST(RulesLoader, ProblemToStringNamesEverything) {
  RuleProblem p{"rules/x.json", "number.bad", "/rules/3/patterns/0",
                "bad pattern: missing )"};
  EXPECT_EQ(p.ToString(),
            "rules/x.json: number.bad (/rules/3/patterns/0): bad pattern: "
            "missing )");
}

TEST(RulesLoader, PatternOverTheMemoryBudget) {
  RuleBudget budget;
  budget.max_pattern_memory = 4096;
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack(
      "pack.json",
      Pack(R"j({"id": "number.huge", "kind": "number", "description": "x",
               "patterns": ["\\pL{200}\\pN{200}"]})j"),
      budget, &problems);
  EXPECT_TRUE(Mentions(problems, "number.huge", "/rules/1/patterns/0",
                       "pattern exceeds the memory budget of 4096 bytes"))
      << All(problems);
  EXPECT_EQ(rs.rules().size(), 1u);
}

TEST(RulesLoader, DefinitionsExpandInAnyOrder) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack("pack.json", R"j({
    "family": "number", "description": "d",
    "definitions": {"A": "{{Z}}-{{Z}}", "Z": "\\d+"},
    "rules": [{"id": "number.pair", "kind": "number", "description": "pair",
               "patterns": ["(?P<num>{{A}})"], "captures": {"num": "n"}}]})j",
                                 {}, &problems);
  EXPECT_TRUE(problems.empty()) << All(problems);
  ASSERT_EQ(rs.rules().size(), 1u);
  EXPECT_EQ(rs.rules()[0].patterns[0], "(?P<num>\\d+-\\d+)");
}

TEST(RulesLoader, SelfReferentialDefinitionIsAProblem) {
  std::vector<RuleProblem> problems;
  RuleSet::LoadPack("pack.json", R"j({
    "family": "number", "definitions": {"A": "x{{A}}"}, "rules": []})j",
                    {}, &problems);
  ASSERT_EQ(problems.size(), 1u) << All(problems);
  EXPECT_EQ(problems[0].pointer, "/definitions/A");
}

TEST(RulesLoader, MissingDirectoryIsAProblemNotACrash) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadDirs({"/nonexistent/rules/dir"}, {}, &problems);
  EXPECT_TRUE(rs.rules().empty());
  EXPECT_EQ(problems.size(), 1u);
}

TEST(RulesLint, FindsEachKindOfProblem) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack("pack.json", Pack(R"j(
    {"id": "number.good", "kind": "number", "description": "",
     "patterns": ["(?P<num>\\d+)(?P<what>x)"], "captures": {"num": "n"}},
    {"id": "Money_Thing", "kind": "money", "description": "d",
     "patterns": ["\\$"]},
    {"id": "money.wrong-family", "kind": "money", "description": "d",
     "patterns": ["\\$"],
     "examples": {"match": ["$"], "no_match": ["x"]}})j"),
                                 {}, &problems);
  ASSERT_TRUE(problems.empty()) << All(problems);
  std::vector<RuleProblem> lint = rs.Lint();
  struct {
    std::string rule, pointer, needle;
  } want[] = {
      {"number.good", "/rules/1/id", "duplicate rule id"},
      {"number.good", "/rules/1/description", "empty description"},
      {"number.good", "/rules/1/examples/match", "no match examples"},
      {"number.good", "/rules/1/examples/no_match", "no no_match examples"},
      {"number.good", "/rules/1/patterns/0", "capture \"what\""},
      {"Money_Thing", "/rules/2/id", "family.kebab-name"},
      {"money.wrong-family", "/rules/3/id", "family \"number\""},
  };
  for (const auto& w : want) {
    EXPECT_TRUE(Mentions(lint, w.rule, w.pointer, w.needle))
        << w.rule << " " << w.pointer << " " << w.needle << "\n"
        << All(lint);
  }
  // The first, clean rule has no lint.
  for (const RuleProblem& p : lint)
    EXPECT_NE(p.pointer.rfind("/rules/0", 0), 0u);
}

TEST(RulesLint, DuplicateIdsAcrossPacksAreFound) {
  // LoadDirs merges packs; emulate with one pack holding both.
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack(
      "pack.json",
      Pack(R"j({"id": "number.good", "kind": "number", "description": "again",
               "patterns": ["z"],
               "examples": {"match": ["z"], "no_match": ["y"]}})j"),
      {}, &problems);
  bool found = false;
  for (const RuleProblem& p : rs.Lint()) {
    found |=
        absl::StrContains(p.message, "first defined in pack.json at /rules/0");
  }
  EXPECT_TRUE(found) << All(rs.Lint());
}

TEST(RulesLoader, CaseInsensitiveUnlessAsked) {
  std::vector<RuleProblem> problems;
  RuleSet rs =
      RuleSet::LoadPack("pack.json", R"j({"family": "status", "rules": [
    {"id": "status.a", "kind": "status", "description": "d",
     "patterns": ["\\bmajority\\b"], "label": "majority"},
    {"id": "status.b", "kind": "status", "description": "d",
     "patterns": ["\\bLDP\\b"], "case_sensitive": true, "label": "party"}]})j",
                        {}, &problems);
  ASSERT_TRUE(problems.empty()) << All(problems);
  Extractor ex(&rs);
  EXPECT_EQ(ex.Match("A MAJORITY of them").size(), 1u);
  EXPECT_EQ(ex.Match("the ldp said").size(), 0u);
  EXPECT_EQ(ex.Match("the LDP said").size(), 1u);
  std::vector<Mention> ms = ex.FindMentionsInText("the LDP majority", {});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].label, "party");
  EXPECT_EQ(ms[1].label, "majority");
}

}  // namespace
}  // namespace crosscheck::extract
