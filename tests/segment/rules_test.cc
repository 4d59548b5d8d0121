#include <string>
#include <vector>

#include "checker/segment/segment.h"
#include "gtest/gtest.h"
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

TEST(BoilerplateRules, MissingFile) {
  auto r = BoilerplateRules::Load("/nonexistent/boilerplate.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::string(r.status().message()).find("/nonexistent"),
            std::string::npos);
}

}  // namespace
}  // namespace crosscheck::segment
