// End-to-end: the CI gate's round trip with `crosscheck baseline` and
// `check --baseline` / `--suppressions`, on a copy of fixtures/corpus.
//
//   baseline CORPUS -o B; check CORPUS --baseline B        -> exit 0
//   + fixtures/baseline/extra_conflict.txt                 -> exit 1, only
//     the new finding(s) of fixtures/baseline/expected.json unsuppressed
//   baseline again                                         -> exit 0
//   remove a document            -> baseline.gone lists its entries
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/cli_runner.h"
#include "tests/e2e/expectations.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kExtra[] = "fixtures/baseline/extra_conflict.txt";

std::set<std::string> Fingerprints(const json& report) {
  std::set<std::string> out;
  for (const auto& f : report["findings"])
    out.insert(f.value("fingerprint", ""));
  return out;
}

bool Cites(const json& finding, const std::string& doc_id) {
  for (const auto& e : finding["evidence"]) {
    if (e.value("doc_id", "") == doc_id) return true;
  }
  return false;
}

std::string Show(const json& f) {
  return absl::StrCat(f.value("severity", ""), " ", f.value("rule_id", ""), " ",
                      f.value("fingerprint", ""), ": ", f.value("message", ""));
}

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = MakeTempDir("baseline");
    corpus_ = root_ + "/corpus";
    fs::create_directories(corpus_);
    for (const auto& e :
         fs::directory_iterator(SourcePath("fixtures/corpus"))) {
      if (e.path().filename() == "expected.json") continue;
      fs::copy_file(e.path(), fs::path(corpus_) / e.path().filename());
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  // `check CORPUS --format json ARGS...`: the report and the exit code.
  json Check(const std::vector<std::string>& extra, int* exit_code) {
    std::vector<std::string> args = {"check", corpus_, "--format", "json",
                                     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = RunCli(args);
    *exit_code = r.exit_code;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out.substr(0, 300) << "\n" << r.err;
    if (j.is_discarded() || !j.contains("findings")) {
      return json{{"findings", json::array()}, {"baseline", json::object()}};
    }
    return j;
  }

  std::string Baseline(const std::string& name) {
    std::string path = root_ + "/" + name;
    RunResult r = RunCli({"baseline", corpus_, "-o", path, "--quiet"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  }

  void AddExtra() {
    fs::copy_file(SourcePath(kExtra), fs::path(corpus_) / "extra_conflict.txt");
  }

  std::string root_, corpus_;
};

TEST_F(BaselineTest, BaselineFileRecordsEveryFinding) {
  std::string b = Baseline("base.json");
  json base = json::parse(ReadFile(b), nullptr, false);
  ASSERT_FALSE(base.is_discarded());
  EXPECT_EQ(base.value("version", 0), 1);
  EXPECT_EQ(base.value("tool", ""), "crosscheck");
  ASSERT_TRUE(base["findings"].is_array());
  std::vector<std::string> fps;
  for (const auto& e : base["findings"]) {
    ASSERT_TRUE(e["fingerprint"].is_string()) << e.dump();
    fps.push_back(e["fingerprint"]);
    EXPECT_FALSE(e.value("rule_id", "").empty()) << e.dump();
  }
  EXPECT_TRUE(std::is_sorted(fps.begin(), fps.end()));
  EXPECT_EQ(std::adjacent_find(fps.begin(), fps.end()), fps.end());
  int rc = 0;
  json report = Check({"--fail-on", "never"}, &rc);
  EXPECT_EQ(std::set<std::string>(fps.begin(), fps.end()),
            Fingerprints(report));
  // Deterministic: the same corpus gives the same baseline bytes.
  EXPECT_EQ(ReadFile(Baseline("again.json")), ReadFile(b));
}

TEST_F(BaselineTest, RoundTrip) {
  std::string b = Baseline("base.json");

  // 1. Everything known is accepted.
  int rc = -1;
  json known = Check({"--baseline", b, "--fail-on", "error"}, &rc);
  EXPECT_EQ(rc, 0);
  ASSERT_FALSE(known["findings"].empty());
  for (const auto& f : known["findings"]) {
    EXPECT_TRUE(f.value("suppressed", false)) << Show(f);
    EXPECT_EQ(f.value("suppression_reason", ""), "baseline") << Show(f);
  }
  EXPECT_EQ(known["baseline"]["used"], true);
  EXPECT_TRUE(known["baseline"]["gone"].empty()) << known["baseline"].dump();
  EXPECT_EQ(known["summary"]["suppressed"], known["findings"].size());

  // 2. A new article: only findings that cite it may be unsuppressed at
  // warning or above, findings known before stay accepted, and the exit code
  // follows the unsuppressed errors. (Which findings it brings is checked
  // against expected.json in NewArticleBringsTheExpectedConflict.)
  AddExtra();
  json grown = Check({"--baseline", b, "--fail-on", "error"}, &rc);
  bool active_error = false;
  std::cout << "unsuppressed after adding extra_conflict.txt:\n";
  for (const auto& f : grown["findings"]) {
    if (f.value("suppressed", false)) continue;
    std::cout << "  " << Show(f) << "\n";
    if (f.value("severity", "") != "info") {
      EXPECT_TRUE(Cites(f, "extra_conflict"))
          << "a finding not about the new article became unsuppressed: "
          << Show(f);
    }
    active_error |= f.value("severity", "") == "error";
  }
  std::set<std::string> before = Fingerprints(known);
  for (const auto& f : grown["findings"]) {
    if (before.count(f.value("fingerprint", ""))) {
      EXPECT_TRUE(f.value("suppressed", false)) << Show(f);
    }
  }
  EXPECT_EQ(rc, active_error ? 1 : 0);

  // 3. Accepting the new state clears the gate again.
  std::string b2 = Baseline("base2.json");
  json accepted = Check({"--baseline", b2, "--fail-on", "info"}, &rc);
  EXPECT_EQ(rc, 0);
  for (const auto& f : accepted["findings"]) {
    EXPECT_TRUE(f.value("suppressed", false)) << Show(f);
  }

  // 4. A document removed: the baseline entries that no longer occur are
  // listed as gone, among them every finding that cited only that document.
  fs::remove(fs::path(corpus_) / "extra_conflict.txt");
  json shrunk = Check({"--baseline", b2, "--fail-on", "error"}, &rc);
  EXPECT_EQ(rc, 0) << "gone entries do not fail the gate";
  std::set<std::string> gone;
  for (const auto& g : shrunk["baseline"]["gone"]) {
    ASSERT_TRUE(g.is_string());
    gone.insert(g.get<std::string>());
  }
  std::set<std::string> want_gone;
  std::set<std::string> now = Fingerprints(shrunk);
  for (const auto& fp : Fingerprints(accepted)) {
    if (!now.count(fp)) want_gone.insert(fp);
  }
  EXPECT_EQ(gone, want_gone);
  int only_extra = 0;
  for (const auto& f : accepted["findings"]) {
    bool only = !f["evidence"].empty();
    for (const auto& e : f["evidence"]) {
      only &= e.value("doc_id", "") == "extra_conflict";
    }
    if (only) {
      ++only_extra;
      EXPECT_TRUE(gone.count(f.value("fingerprint", ""))) << Show(f);
    }
  }
  EXPECT_FALSE(gone.empty());
  std::cout << gone.size() << " baseline entries gone, " << only_extra
            << " of them about extra_conflict alone\n";
  // Removing an article may bring back information findings (a figure only
  // it corroborated is uncorroborated again), never a new warning or error.
  for (const auto& f : shrunk["findings"]) {
    if (f.value("severity", "") == "info") continue;
    EXPECT_TRUE(f.value("suppressed", false)) << Show(f);
  }
}

// The acceptance check: fixtures/baseline/extra_conflict.txt added to
// the baselined corpus brings exactly the new error finding(s) listed in
// fixtures/baseline/expected.json ($530 billion vs $350 billion for the same
// plan), nothing it forbids, and fails the gate.
TEST_F(BaselineTest, NewArticleBringsTheExpectedConflict) {
  std::string b = Baseline("base.json");
  AddExtra();
  json expected = json::parse(
      ReadFile(SourcePath("fixtures/baseline/expected.json")), nullptr, false);
  ASSERT_FALSE(expected.is_discarded());
  int rc = -1;
  json grown = Check({"--baseline", b, "--fail-on", "error"}, &rc);
  std::vector<json> active_errors;
  for (const auto& f : grown["findings"]) {
    if (!f.value("suppressed", false) && f.value("severity", "") == "error") {
      active_errors.push_back(f);
    }
  }
  for (const auto& e : expected["new_findings"]) {
    bool found = false;
    for (const auto& f : active_errors) found |= FindingMatches(f, e);
    EXPECT_TRUE(found) << "new finding not reported: " << e.dump();
  }
  for (const auto& f : active_errors) {
    bool listed = false;
    for (const auto& e : expected["new_findings"]) {
      listed |= FindingMatches(f, e);
    }
    EXPECT_TRUE(listed) << "unexpected new error: " << Show(f);
  }
  for (const auto& e : expected["must_not"]) {
    for (const auto& f : grown["findings"]) {
      EXPECT_FALSE(FindingMatches(f, e))
          << "forbidden (" << e.value("note", "") << "): " << Show(f);
    }
  }
  EXPECT_EQ(rc, 1) << "the new conflict must fail the gate";
}

// Baselined findings stay in SARIF, marked suppressed and "unchanged"; new
// ones are "new"; text marks them too.
TEST_F(BaselineTest, SarifKeepsSuppressedFindings) {
  std::string b = Baseline("base.json");
  AddExtra();
  std::string out = root_ + "/out";
  RunResult r = RunCli({"check", corpus_, "--baseline", b, "--out", out,
                        "--fail-on", "never", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json report = json::parse(ReadFile(out + "/crosscheck.json"), nullptr, false);
  json sarif = json::parse(ReadFile(out + "/crosscheck.sarif"), nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  ASSERT_FALSE(sarif.is_discarded());
  const json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), report["findings"].size());
  int suppressed = 0, fresh = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    const json& res = results[i];
    const json& f = report["findings"][i];
    EXPECT_EQ(res["partialFingerprints"]["crosscheckFingerprint/v1"],
              f["fingerprint"]);
    if (f.value("suppressed", false)) {
      ++suppressed;
      ASSERT_TRUE(res.contains("suppressions")) << res.dump();
      ASSERT_EQ(res["suppressions"].size(), 1u);
      EXPECT_EQ(res["suppressions"][0]["kind"], "external");
      EXPECT_EQ(res["suppressions"][0].value("justification", ""), "baseline");
      EXPECT_EQ(res.value("baselineState", ""), "unchanged");
    } else {
      ++fresh;
      EXPECT_FALSE(res.contains("suppressions")) << res.dump();
      EXPECT_EQ(res.value("baselineState", ""), "new");
    }
  }
  EXPECT_GT(suppressed, 0);
  EXPECT_GT(fresh, 0);
  std::string text = ReadFile(out + "/crosscheck.txt");
  EXPECT_TRUE(absl::StrContains(text, "(suppressed: baseline)")) << text;
}

TEST_F(BaselineTest, SuppressionsNeedAReason) {
  int rc = -1;
  json report = Check({"--fail-on", "never"}, &rc);
  ASSERT_FALSE(report["findings"].empty());
  // Accept every finding at warning or above, each with a reason.
  json entries = json::array();
  std::set<std::string> accepted;
  for (const auto& f : report["findings"]) {
    if (f.value("severity", "") == "info") continue;
    entries.push_back({{"fingerprint", f["fingerprint"]},
                       {"reason", "checked with the desk on Tuesday"}});
    accepted.insert(f.value("fingerprint", ""));
  }
  std::string with_reason = root_ + "/suppressions.json";
  WriteFile(with_reason, json{{"findings", entries}}.dump(2));
  json s = Check({"--suppressions", with_reason, "--fail-on", "warning"}, &rc);
  EXPECT_EQ(rc, 0) << "every warning and error is suppressed";
  for (const auto& f : s["findings"]) {
    bool want = accepted.count(f.value("fingerprint", "")) > 0;
    EXPECT_EQ(f.value("suppressed", false), want) << Show(f);
    if (want) {
      EXPECT_EQ(f.value("suppression_reason", ""),
                "checked with the desk on Tuesday");
    }
  }
  EXPECT_EQ(s["baseline"]["used"], false)
      << "suppressions alone are not a baseline";
  EXPECT_TRUE(s["baseline"]["gone"].empty());

  // An entry without a reason is a configuration error naming the entry.
  std::string fp = report["findings"][0].value("fingerprint", "");
  struct {
    const char* name;
    json body;
    const char* error;
  } cases[] = {
      {"no-reason.json", json{{"findings", {{{"fingerprint", fp}}}}},
       "/findings/0/reason"},
      {"empty-reason.json",
       json{{"findings", {{{"fingerprint", fp}, {"reason", ""}}}}},
       "/findings/0/reason"},
      {"no-fingerprint.json", json{{"findings", {{{"reason", "x"}}}}},
       "/findings/0/fingerprint"},
      {"not-an-object.json", json::array(), "not a JSON object"},
  };
  for (const auto& c : cases) {
    std::string path = root_ + "/" + c.name;
    WriteFile(path, c.body.dump());
    RunResult r = RunCli({"check", corpus_, "--suppressions", path, "--format",
                          "json", "--fail-on", "never"});
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_TRUE(absl::StrContains(r.err, c.error)) << c.name << ": " << r.err;
    EXPECT_TRUE(absl::StrContains(r.err, path)) << c.name << ": " << r.err;
  }
  // A baseline entry may carry a reason, and needs none.
  std::string b = root_ + "/b.json";
  WriteFile(b, json{{"findings",
                     {{{"fingerprint", fp}, {"reason", "known since March"}}}}}
                   .dump());
  json with_b = Check({"--baseline", b, "--fail-on", "never"}, &rc);
  EXPECT_EQ(rc, 0);
  bool seen = false;
  for (const auto& f : with_b["findings"]) {
    if (f.value("fingerprint", "") != fp) continue;
    seen = true;
    EXPECT_TRUE(f.value("suppressed", false));
    EXPECT_EQ(f.value("suppression_reason", ""), "known since March");
  }
  EXPECT_TRUE(seen);
}

TEST_F(BaselineTest, BrokenBaselineFilesAreUsageErrors) {
  std::string garbage = root_ + "/garbage.json";
  WriteFile(garbage, "{\"findings\": [\xff\xfe");
  for (const std::string& path : {garbage, root_ + "/missing.json"}) {
    RunResult r = RunCli({"check", corpus_, "--baseline", path, "--format",
                          "json", "--fail-on", "never"});
    EXPECT_EQ(r.exit_code, 2) << path;
    EXPECT_TRUE(absl::StrContains(r.err, path)) << r.err;
  }
  RunResult r = RunCli(
      {"baseline", corpus_, "-o", root_ + "/no/such/dir/base.json", "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace crosscheck::testing
