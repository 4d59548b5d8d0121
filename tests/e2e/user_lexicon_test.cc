// A user's lexicon (`--rules DIR` holding a lexicon.json) replaces the
// shipped one: words added to a word class change what the real CLI
// extracts, and a broken one is diagnosed while the shipped one runs.
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

using nlohmann::json;

constexpr int kExitClean = 0;
constexpr int kExitInputError = 2;

// Our own words: a forecast attributed with a verb the shipped lexicon does
// not list as a speech verb.
constexpr char kArticle[] =
    "Harbor traffic will recover to 4% growth next year, port economist "
    "Ana Lima reckons.\n";

// A rules directory holding the shipped lexicon edited by `edit`.
template <typename Edit>
std::string UserRules(const std::string& name, Edit edit) {
  json lex = json::parse(ReadFile(SourcePath("rules/lexicon.json")));
  edit(lex);
  std::string dir = MakeTempDir(name);
  WriteFile(dir + "/lexicon.json", lex.dump(2));
  return dir;
}

// The speakers of the claims an `extract` run printed.
std::vector<std::string> Speakers(const RunResult& r) {
  std::vector<std::string> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("speaker")) {
      out.push_back(j.value("speaker", ""));
    }
  }
  return out;
}

TEST(UserLexiconTest, AddedSpeechVerbNamesTheSpeaker) {
  const std::string docs = MakeTempDir("user-lexicon-docs");
  const std::string doc = docs + "/forecast.txt";
  WriteFile(doc, kArticle);
  const std::string rules = UserRules("user-lexicon-speech", [](json& lex) {
    lex["word_classes"]["speech_verb"].push_back("reckons");
  });

  RunResult shipped = RunCli({"extract", doc, "--quiet"});
  ASSERT_EQ(shipped.exit_code, kExitClean) << shipped.err;
  EXPECT_EQ(Speakers(shipped), std::vector<std::string>{""}) << shipped.out;

  RunResult user = RunCli({"extract", doc, "--quiet", "--rules", rules});
  ASSERT_EQ(user.exit_code, kExitClean) << user.err;
  EXPECT_EQ(Speakers(user), std::vector<std::string>{"Ana Lima"}) << user.out;
}

TEST(UserLexiconTest, BrokenLexiconIsDiagnosedAndTheShippedOneRuns) {
  const std::string docs = MakeTempDir("user-lexicon-broken-docs");
  const std::string doc = docs + "/forecast.txt";
  WriteFile(doc, kArticle);
  const std::string rules = UserRules("user-lexicon-broken", [](json& lex) {
    lex["word_classes"].erase("future_marker");
  });
  const std::string lexicon = rules + "/lexicon.json";

  RunResult r = RunCli({"check", doc, "--rules", rules, "--format", "json",
                        "--fail-on", "never"});
  EXPECT_EQ(r.exit_code, kExitInputError) << r.err;
  json report = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << r.out << r.err;
  bool diagnosed = false;
  for (const json& d : report["diagnostics"]) {
    if (d.value("code", "") == "rules.invalid" &&
        d.value("path", "") == lexicon) {
      diagnosed = true;
      EXPECT_EQ(d.value("severity", ""), "error");
      EXPECT_TRUE(absl::StrContains(d.value("message", ""),
                                    "/word_classes/future_marker: missing"))
          << d.dump();
    }
  }
  EXPECT_TRUE(diagnosed) << report["diagnostics"].dump();
  // The shipped lexicon ran: the figure is still a claim.
  EXPECT_EQ(report["summary"].value("claims", 0), 1) << r.out;
}

}  // namespace
}  // namespace crosscheck::testing
