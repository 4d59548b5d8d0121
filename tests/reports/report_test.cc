#include "reports/report.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/reports/sample_result.h"

namespace crosscheck::reports {
namespace {

using nlohmann::json;
using testing::SampleResult;

namespace fs = std::filesystem;

// One scratch directory per test process, removed when it exits.
fs::path TempDir() {
  struct Scratch {
    fs::path dir = fs::temp_directory_path() /
                   absl::StrCat("crosscheck-reports-test-", getpid());
    ~Scratch() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  };
  static Scratch scratch;
  fs::create_directories(scratch.dir);
  return scratch.dir;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool HaveJsonschema() {
  static const bool have =
      std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null") == 0;
  return have;
}

// Runs tests/reports/validate_json.py; returns its exit status.
int Validate(const std::string& schema, const std::string& instance,
             const std::string& name) {
  fs::path file = TempDir() / name;
  EXPECT_TRUE(WriteFileAtomically(file.string(), instance).ok());
  std::string cmd = absl::StrCat("/usr/bin/python3 '", CROSSCHECK_SOURCE_DIR,
                                 "/tests/reports/validate_json.py' '", schema,
                                 "' '", file.string(), "'");
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

const std::string kReportSchema =
    std::string(CROSSCHECK_SOURCE_DIR) + "/reports/schema/report.schema.json";

std::string SarifSchema() {
  if (const char* env = std::getenv("CROSSCHECK_SARIF_SCHEMA")) return env;
  return std::string(CROSSCHECK_SOURCE_DIR) +
         "/tests/browser/node_modules/@microsoft/jest-sarif/lib/schemas/"
         "sarif-2.1.0-rtm.5.json";
}

RenderOptions Options() {
  RenderOptions o;
  o.tool_version = "9.9.9";
  return o;
}

TEST(RenderFormatTest, KnownAndUnknownFormats) {
  CheckResult r = SampleResult();
  for (const std::string& f : FormatNames()) {
    auto out = RenderFormat(f, r, Options());
    ASSERT_TRUE(out.ok()) << f;
    EXPECT_FALSE(out->empty()) << f;
    ASSERT_NE(FindRenderer(f), nullptr);
  }
  auto bad = RenderFormat("pdf", r, Options());
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(absl::StrContains(bad.status().message(), "pdf"));
  EXPECT_EQ(FindRenderer("text")->extension(), "txt");
}

TEST(RenderFormatTest, ByteIdenticalTwice) {
  for (bool hostile : {false, true}) {
    for (const std::string& f : FormatNames()) {
      CheckResult a = SampleResult(hostile);
      CheckResult b = SampleResult(hostile);
      EXPECT_EQ(*RenderFormat(f, a, Options()), *RenderFormat(f, b, Options()))
          << f;
    }
  }
}

TEST(RenderFormatTest, EmptyResultRendersEverywhere) {
  CheckResult empty;
  for (const std::string& f : FormatNames()) {
    auto out = RenderFormat(f, empty, RenderOptions());
    ASSERT_TRUE(out.ok()) << f;
    EXPECT_FALSE(out->empty()) << f;
  }
}

TEST(RenderFormatTest, InvalidUtf8AndBinaryNeverThrow) {
  CheckResult r = SampleResult();
  std::string junk("\xff\xfe\x00\x01\xc3(\xed\xa0\x80 <\x1b[31m", 16);
  r.documents[0].doc.title = junk;
  r.documents[0].info.title = junk;
  r.findings[0].message = junk;
  r.findings[0].evidence[0].quote = junk;
  r.findings[0].evidence[0].sentence = junk;
  r.diagnostics[0].path = junk;
  for (const std::string& f : FormatNames()) {
    auto out = RenderFormat(f, r, Options());
    ASSERT_TRUE(out.ok()) << f;
  }
  json j = json::parse(RenderJson(r, Options()), nullptr, false);
  EXPECT_FALSE(j.is_discarded());
  EXPECT_FALSE(absl::StrContains(RenderText(r, Options()), "\x1b"));
}

TEST(JsonReportTest, ShapeAndCounts) {
  CheckResult r = SampleResult();
  json j = json::parse(RenderJson(r, Options()), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["schema_version"], "1.0");
  EXPECT_EQ(j["tool"]["version"], "9.9.9");
  EXPECT_EQ(j["summary"]["documents"], 3);
  EXPECT_EQ(j["summary"]["findings"], 5);
  EXPECT_EQ(j["summary"]["suppressed"], 1);
  EXPECT_EQ(j["summary"]["findings_by_kind"]["conflict"], 1);
  EXPECT_EQ(j["summary"]["findings_by_severity"]["info"], 3);
  EXPECT_EQ(j["summary"]["active_by_severity"]["warning"], 0);
  EXPECT_EQ(j["findings"].size(), 5u);
  EXPECT_EQ(j["findings"][0]["evidence"][1]["path"], "corpus/beta file.md");
  EXPECT_EQ(j["documents"][1]["segments"][3]["boilerplate"], true);
  EXPECT_EQ(j["documents"][2]["ai_generated"], true);
  EXPECT_EQ(j["documents"][0]["reference_date"]["date"], "2026-02-10");
  EXPECT_EQ(j["baseline"]["gone"][0], "deadbeef");
  EXPECT_EQ(j["claims"].size(), 2u);
}

TEST(JsonReportTest, MatchesSchema) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3-jsonschema not installed";
  struct {
    const char* name;
    CheckResult result;
  } cases[] = {{"sample.json", SampleResult(false)},
               {"hostile.json", SampleResult(true)},
               {"empty.json", CheckResult{}}};
  for (const auto& tc : cases) {
    EXPECT_EQ(
        Validate(kReportSchema, RenderJson(tc.result, Options()), tc.name), 0)
        << tc.name;
  }
}

TEST(JsonReportTest, SchemaRejectsUnknownField) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3-jsonschema not installed";
  json j = json::parse(RenderJson(SampleResult(), Options()));
  j["findings"][0]["surprise"] = 1;
  EXPECT_EQ(Validate(kReportSchema, j.dump(), "bad.json"), 1);
}

TEST(SarifReportTest, MatchesOfficialSchema) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3-jsonschema not installed";
  if (!fs::exists(SarifSchema())) {
    GTEST_SKIP() << "SARIF schema not found at " << SarifSchema()
                 << " (npm install in tests/browser)";
  }
  struct {
    const char* name;
    CheckResult result;
  } cases[] = {{"sample.sarif", SampleResult(false)},
               {"hostile.sarif", SampleResult(true)},
               {"empty.sarif", CheckResult{}}};
  for (const auto& tc : cases) {
    EXPECT_EQ(
        Validate(SarifSchema(), RenderSarif(tc.result, Options()), tc.name), 0)
        << tc.name;
  }
}

TEST(SarifReportTest, SchemaCatchesInvalidLogs) {
  // Proves the validator really checks: a bad level must be rejected.
  if (!HaveJsonschema() || !fs::exists(SarifSchema())) {
    GTEST_SKIP() << "python3-jsonschema or the SARIF schema is missing";
  }
  json j = json::parse(RenderSarif(SampleResult(), Options()));
  j["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_EQ(Validate(SarifSchema(), j.dump(), "bad.sarif"), 1);
}

TEST(SarifReportTest, Content) {
  CheckResult r = SampleResult();
  RenderOptions o = Options();
  o.baseline_used = true;
  json j = json::parse(RenderSarif(r, o), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["version"], "2.1.0");
  const json& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "crosscheck");
  EXPECT_EQ(run["tool"]["driver"]["version"], "9.9.9");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 5u);  // one per rule id, sorted
  EXPECT_EQ(rules[0]["id"], "judge.agreement");
  EXPECT_EQ(rules[1]["id"], "judge.ai-generated");
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 5u);
  const json& conflict = results[0];
  EXPECT_EQ(conflict["ruleId"], "judge.conflict");
  EXPECT_EQ(rules[conflict["ruleIndex"].get<int>()]["id"], "judge.conflict");
  EXPECT_EQ(conflict["level"], "error");
  EXPECT_EQ(conflict["partialFingerprints"]["crosscheckFingerprint/v1"],
            "c0ffee01");
  const json& loc = conflict["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "corpus/alpha.txt");
  EXPECT_EQ(loc["region"]["startLine"], 2);
  EXPECT_EQ(loc["region"]["snippet"]["text"], "25 percent");
  ASSERT_EQ(conflict["relatedLocations"].size(), 1u);
  EXPECT_EQ(conflict["relatedLocations"][0]["physicalLocation"]
                    ["artifactLocation"]["uri"],
            "corpus/beta%20file.md");
  EXPECT_EQ(conflict["baselineState"], "new");
  const json& suppressed = results[1];
  EXPECT_EQ(suppressed["suppressions"][0]["kind"], "external");
  EXPECT_EQ(suppressed["suppressions"][0]["justification"],
            "accepted in baseline");
  EXPECT_EQ(suppressed["baselineState"], "unchanged");
  EXPECT_EQ(results[2]["level"], "note");
  const json& inv = run["invocations"][0];
  EXPECT_TRUE(inv["executionSuccessful"].get<bool>());
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["descriptor"]["id"],
            "ingest.invalid-utf8");
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["locations"][0]
               ["physicalLocation"]["region"]["startLine"],
            4);
}

TEST(SarifReportTest, ColumnsAreUtf16) {
  CheckResult r = SampleResult();
  // "a caretaker arrangement" follows an em dash (3 bytes, 1 UTF-16 unit).
  Finding f = r.findings[2];
  f.evidence = {testing::Side(r.documents[2], "caretaker", "x")};
  r.findings = {f};
  json j = json::parse(RenderSarif(r, Options()));
  const json& region =
      j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  int byte_column = f.evidence[0].position.column;
  EXPECT_EQ(region["startColumn"], byte_column - 2);
  EXPECT_EQ(region["endColumn"], byte_column - 2 + 9);
  EXPECT_EQ(region["startLine"], 2);
}

TEST(SarifReportTest, InputErrorsMarkExecutionUnsuccessful) {
  CheckResult r;
  r.diagnostics.push_back(
      Diagnostic{Severity::kError, "ingest.unreadable", "x.txt", 0, 0, "no"});
  json j = json::parse(RenderSarif(r, Options()));
  EXPECT_FALSE(j["runs"][0]["invocations"][0]["executionSuccessful"]);
  EXPECT_FALSE(j["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
                ["locations"][0]["physicalLocation"]
                    .contains("region"));
}

TEST(TextReportTest, OneLinePerFindingAndSummary) {
  CheckResult r = SampleResult();
  std::string out = RenderText(r, Options());
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u + 5u + 1u);
  EXPECT_EQ(lines[0],
            "corpus/broken.txt:4:2: warning: invalid utf-8 replaced "
            "[ingest.invalid-utf8]");
  EXPECT_EQ(lines[1],
            "corpus/alpha.txt:2:41: error: sources disagree on the docking "
            "fee: 25% vs 15% [judge.conflict]");
  EXPECT_TRUE(absl::EndsWith(lines[2], "(suppressed: accepted in baseline)"));
  EXPECT_TRUE(absl::StartsWith(lines.back(), "crosscheck: 3 documents"));
  EXPECT_FALSE(absl::StrContains(out, "\x1b["));  // no color by default
  RenderOptions color = Options();
  color.color = true;
  EXPECT_TRUE(absl::StrContains(RenderText(r, color), "\x1b["));
}

TEST(TextReportTest, NewlinesInMessagesCannotForgeLines) {
  CheckResult r;
  Finding f;
  f.rule_id = "judge.conflict";
  f.kind = "conflict";
  f.message = "a\nfake.txt:1:1: error: forged";
  r.findings.push_back(f);
  std::string out = RenderText(r, Options());
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 2u);
}

TEST(WriteFileAtomicallyTest, WritesAndReplaces) {
  fs::path file = TempDir() / "out.json";
  ASSERT_TRUE(WriteFileAtomically(file.string(), "first").ok());
  EXPECT_EQ(ReadAll(file), "first");
  ASSERT_TRUE(WriteFileAtomically(file.string(), "second, longer").ok());
  EXPECT_EQ(ReadAll(file), "second, longer");
  ASSERT_TRUE(WriteFileAtomically(file.string(), "").ok());
  EXPECT_EQ(ReadAll(file), "");
  struct stat st;
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

// Counts entries in `dir` (to see that no temporary file is left).
size_t Entries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(WriteFileAtomicallyTest, FailuresNameThePathAndLeaveNothing) {
  fs::path dir = TempDir() / "fail";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path not_a_dir = dir / "plain-file";
  ASSERT_TRUE(WriteFileAtomically(not_a_dir.string(), "x").ok());
  struct {
    std::string path;
  } cases[] = {
      {(dir / "missing" / "report.html").string()},  // no such directory
      {(not_a_dir / "report.html").string()},        // parent is a file
      {dir.string()},                                // target is a directory
  };
  for (const auto& tc : cases) {
    absl::Status s = WriteFileAtomically(tc.path, "content");
    ASSERT_FALSE(s.ok()) << tc.path;
    EXPECT_TRUE(absl::StrContains(s.message(), tc.path)) << s.message();
  }
  EXPECT_EQ(Entries(dir), 1u);  // only plain-file
  EXPECT_FALSE(WriteFileAtomically("", "x").ok());
}

TEST(WriteFileAtomicallyTest, UnwritableDirectory) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  fs::path dir = TempDir() / "readonly";
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  std::string path = (dir / "r.json").string();
  absl::Status s = WriteFileAtomically(path, "x");
  fs::permissions(dir, fs::perms::owner_all);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(absl::StrContains(s.message(), path));
  EXPECT_EQ(Entries(dir), 0u);
}

}  // namespace
}  // namespace crosscheck::reports
