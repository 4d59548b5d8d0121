// End-to-end: the CLI on every fixture corpus, scored against its
// expected.json, and on ../shared/seeds against EXPECTED.md's findings.
//
// Thresholds (stated in the README and the closing notes): on the fixture
// corpora together, every judgment kind reaches its MinRecall recall, and
// alarm kinds (conflict, event-date-conflict, status-conflict, anachronism)
// reach their MinAlarmPrecision precision; no must_not item is ever
// reported.
//
// Corpora whose expected.json says "blind": true were written without
// looking at crosscheck's output (a held-out test of how the rules
// generalize to an unseen story). They are scored on their own, so that
// their misses stay visible instead of being tuned away, against floors at
// their measured state: raise those as the engine improves.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/cli_runner.h"
#include "tests/e2e/expectations.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Floors just under the measured state of all fixture corpora together
// (recall per kind; precision for the alarm kinds, the one users feel);
// raise them as recall improves. Kinds not listed use the defaults.
constexpr double kMinRecall = 0.15;
constexpr double kMinAlarmPrecision = 0.8;

double MinRecall(const std::string& kind) {
  static const std::map<std::string, double> kFloors = {
      {"agreement", 0.7},
      {"ai-generated", 0.95},
      {"anachronism", 0.95},
      {"compatible", 0.6},
      {"conflict", 0.85},
      {"duplicate", 0.95},
      {"event-date-conflict", 0.95},
      {"not-comparable", 0.75},
      {"superseded", 0.8},
      {"uncorroborated", 0.95}};
  auto it = kFloors.find(kind);
  return it == kFloors.end() ? kMinRecall : it->second;
}

double MinAlarmPrecision(const std::string& kind) {
  static const std::map<std::string, double> kFloors = {
      {"conflict", 0.95},
      {"anachronism", 0.95},
      {"status-conflict", 0.95},
      {"event-date-conflict", 0.95}};
  auto it = kFloors.find(kind);
  return it == kFloors.end() ? kMinAlarmPrecision : it->second;
}

// Blind corpora together: at least this share of all expected findings,
// and no more false alarms than now (kBlindMaxFalseAlarms). Measured
// 79 of 91 (0.87): wildfire 15/15, ferry 17/17 and breach 19/19; stadium
// 15/19 and trial 13/21 after generic work on acts dated by a verb (a
// body voting, results made public), vote tallies, periods ("since the
// start of the year"), parts ("people at its headquarters"), liability
// statuses, study participants, funding verbs ("lend", "raise"),
// application statuses and as-of-writing time scopes (first contact:
// stadium 7/19, trial 6/21, 64/91). Then a sixth, water (first contact
// 9/21 and 2 false alarms; now 17/21), and a seventh, airline (first
// contact 9/22 and 1 false alarm; now 11/22), with trial at 15/21: 110 of
// 134 (0.82). No false alarms. Then three more at once, bridge, launch
// and grid (first contact 8/23 + 3 false alarms, 5/22 + 2, 7/23; now
// 13/23, 12/22, 14/23), with airline at 13/22: 151 of 202 (0.75). One
// false alarm left: the Quay Bridge's 57,000 vehicles on one day join the
// conflict over the Aldwick Street bridge's vehicles a day (bridge), as
// both count bare "vehicles". Then derail and council (first contact
// 12/29 + 3 false alarms, 13/27 + 3), all twelve together 176 of 258
// (0.68) at first contact.
constexpr double kBlindMinRecall = 0.68;
constexpr int kBlindMaxFalseAlarms = 1;

json CheckJson(const std::string& dir) {
  RunResult r = RunCli(
      {"check", dir, "--format", "json", "--fail-on", "never", "--quiet"});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.err;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.out.substr(0, 200) << "\n"
                                 << r.err;
  return j;
}

bool IsBlind(const std::string& dir) {
  json e =
      json::parse(ReadFile(SourcePath(dir + "/expected.json")), nullptr, false);
  return !e.is_discarded() && e.value("blind", false);
}

// Fixture corpus folders with an expected.json; `blind` selects the held-out
// ones or the others.
std::vector<std::string> FixtureCorpora(bool blind) {
  std::vector<std::string> dirs;
  std::error_code ec;
  for (const char* root : {"fixtures/corpus", "fixtures/xss"}) {
    if (fs::exists(SourcePath(root) + "/expected.json", ec)) {
      dirs.push_back(root);
    }
  }
  if (fs::is_directory(SourcePath("fixtures/corpora"), ec)) {
    std::vector<std::string> more;
    for (const auto& e :
         fs::directory_iterator(SourcePath("fixtures/corpora"))) {
      if (fs::exists(e.path() / "expected.json", ec)) {
        more.push_back("fixtures/corpora/" + e.path().filename().string());
      }
    }
    std::sort(more.begin(), more.end());
    dirs.insert(dirs.end(), more.begin(), more.end());
  }
  std::erase_if(dirs,
                [&](const std::string& d) { return IsBlind(d) != blind; });
  return dirs;
}

Score ScoreCorpus(const std::string& dir, const std::string& expected_path) {
  json expected = json::parse(ReadFile(expected_path), nullptr, false);
  EXPECT_FALSE(expected.is_discarded()) << expected_path;
  json report = CheckJson(dir);
  return ScoreReport(report, expected);
}

// The scorer itself: a must-not pair flags a conflict only when the
// finding sets the two quotes against each other.
TEST(ExpectationsTest, MustNotPairFlagsOnlyOpposedSides) {
  const json finding = json::parse(R"({
    "kind": "event-date-conflict", "subject": "meeting", "message": "",
    "evidence": [
      {"doc_id": "a", "quote": "Tuesday", "value": "2026-09-29",
       "sentence": "Talks opened on Tuesday."},
      {"doc_id": "b", "quote": "Wednesday", "value": "2026-09-30",
       "sentence": "Talks would begin on Wednesday."},
      {"doc_id": "c", "quote": "yesterday", "value": "2026-09-30",
       "sentence": "Talks began yesterday."}]})");
  const json same_side = json::parse(
      R"({"kind": "event-date-conflict", "quotes": ["on Wednesday", "yesterday"]})");
  const json opposed = json::parse(
      R"({"kind": "event-date-conflict", "quotes": ["Tuesday", "yesterday"]})");
  const json one_quote = json::parse(
      R"({"kind": "event-date-conflict", "quotes": ["Wednesday"]})");
  EXPECT_FALSE(FindingFlags(finding, same_side));
  EXPECT_TRUE(FindingFlags(finding, opposed));
  EXPECT_TRUE(FindingFlags(finding, one_quote));
}

TEST(CorporaTest, FixtureCorporaMeetPrecisionAndRecall) {
  std::vector<std::string> corpora = FixtureCorpora(/*blind=*/false);
  ASSERT_GE(corpora.size(), 5u) << "the sample corpus and four story corpora";
  Score total;
  for (const auto& dir : corpora) {
    Score s = ScoreCorpus(SourcePath(dir), SourcePath(dir + "/expected.json"));
    std::cout << "== " << dir << "\n" << FormatScore(s);
    for (const auto& f : s.failures) std::cout << "  " << f << "\n";
    Accumulate(&total, s);
  }
  std::cout << "== all fixture corpora\n" << FormatScore(total);
  for (const auto& [kind, k] : total.kinds) {
    if (k.expected > 0) {
      EXPECT_GE(k.Recall(), MinRecall(kind)) << kind;
    }
    if (IsAlarmKind(kind)) {
      EXPECT_GE(k.Precision(), MinAlarmPrecision(kind)) << kind;
    }
  }
}

TEST(CorporaTest, BlindCorporaMeetTheirFloors) {
  std::vector<std::string> corpora = FixtureCorpora(/*blind=*/true);
  ASSERT_GE(corpora.size(), 1u) << "fixtures/corpora/wildfire";
  Score total;
  for (const auto& dir : corpora) {
    Score s = ScoreCorpus(SourcePath(dir), SourcePath(dir + "/expected.json"));
    std::cout << "== " << dir << " (blind)\n" << FormatScore(s);
    for (const auto& f : s.failures) std::cout << "  " << f << "\n";
    Accumulate(&total, s);
  }
  int expected = 0, found = 0, false_alarms = 0;
  for (const auto& [kind, k] : total.kinds) {
    expected += k.expected;
    found += k.found;
    if (IsAlarmKind(kind)) false_alarms += k.false_reported;
  }
  ASSERT_GT(expected, 0);
  EXPECT_GE(double(found) / expected, kBlindMinRecall);
  EXPECT_LE(false_alarms, kBlindMaxFalseAlarms);
}

TEST(CorporaTest, SeedsMatchExpectedMd) {
  std::string seeds = SeedsDir();
  if (seeds.empty()) GTEST_SKIP() << "../shared/seeds not present";
  Score s = ScoreCorpus(seeds, SourcePath("tests/e2e/seeds_expected.json"));
  std::cout << FormatScore(s);
  for (const auto& f : s.failures) std::cout << "  " << f << "\n";
  for (const auto& [kind, k] : s.kinds) {
    EXPECT_EQ(k.found + k.pending, k.expected) << kind;
    EXPECT_EQ(k.false_reported, 0) << kind;
  }
  EXPECT_EQ(s.segments_right, s.segments_expected);
  EXPECT_EQ(s.documents_right, s.documents_expected);
  EXPECT_EQ(s.claims_found, s.claims_expected);
}

}  // namespace
}  // namespace crosscheck::testing
