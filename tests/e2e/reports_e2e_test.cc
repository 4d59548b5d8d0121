// End-to-end: the report files `crosscheck check` writes, as users and tools
// read them. Asserts the contract (which files, schemas, line formats,
// escaping, exit codes, determinism), not today's findings: those are scored
// against expected.json in corpora_test.cc.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "re2/re2.h"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool HaveJsonschema() {
  static const bool have =
      std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0;
  return have;
}

std::string SarifSchema() {
  if (const char* env = std::getenv("CROSSCHECK_SARIF_SCHEMA")) return env;
  return SourcePath(
      "tests/browser/node_modules/@microsoft/jest-sarif/lib/schemas/"
      "sarif-2.1.0-rtm.5.json");
}

// tests/reports/validate_json.py's exit status (0 = valid).
int Validate(const std::string& schema, const std::string& instance) {
  std::string cmd =
      absl::StrCat("python3 '", SourcePath("tests/reports/validate_json.py"),
                   "' '", schema, "' '", instance, "'");
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

json ParseOrFail(const std::string& text, const std::string& what) {
  json j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded())
      << what << " is not JSON: " << text.substr(0, 300);
  return j;
}

// Runs `check CORPUS --out DIR` once per corpus and caches the directory.
class ReportsE2eTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() {
    for (const auto& d : Dirs()) fs::remove_all(d);
    Dirs().clear();
    Cache().clear();
  }
  static std::map<std::string, std::string>& Cache() {
    static auto* cache = new std::map<std::string, std::string>();
    return *cache;
  }
  // A fresh directory, removed after the suite.
  static std::string TempDir(const std::string& name) {
    Dirs().push_back(MakeTempDir(name));
    return Dirs().back();
  }
  static std::vector<std::string>& Dirs() {
    static auto* dirs = new std::vector<std::string>();
    return *dirs;
  }
  static std::string OutFor(const std::string& corpus) {
    auto it = Cache().find(corpus);
    if (it != Cache().end()) return it->second;
    std::string dir = TempDir("reports-e2e");
    RunResult r = RunCli({"check", corpus, "--out", dir, "--fail-on", "never"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Cache()[corpus] = dir;
    return dir;
  }
  static json Report(const std::string& corpus) {
    return ParseOrFail(ReadFile(OutFor(corpus) + "/crosscheck.json"),
                       corpus + " crosscheck.json");
  }
};

TEST_F(ReportsE2eTest, OutWritesExactlyTheFiveFormats) {
  std::string dir = OutFor("fixtures/corpus");
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    names.insert(e.path().filename().string());
    EXPECT_GT(fs::file_size(e.path()), 0u) << e.path();
  }
  EXPECT_EQ(names, (std::set<std::string>{"crosscheck.json", "crosscheck.html",
                                          "crosscheck.sarif", "crosscheck.md",
                                          "crosscheck.txt"}));
}

TEST_F(ReportsE2eTest, FormatSubsetWritesOnlyThose) {
  std::string dir = TempDir("reports-subset");
  RunResult r = RunCli({"check", "fixtures/corpus", "--out", dir, "--format",
                        "md,txt", "--fail-on", "never", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    names.insert(e.path().filename().string());
  }
  EXPECT_EQ(names, (std::set<std::string>{"crosscheck.md", "crosscheck.txt"}));
}

TEST_F(ReportsE2eTest, JsonIsConsistentWithItself) {
  json j = Report("fixtures/corpus");
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["schema_version"], "1.0");
  ASSERT_TRUE(j["documents"].is_array());
  ASSERT_TRUE(j["findings"].is_array());
  EXPECT_EQ(j["documents"].size(), 5u) << "fixtures/corpus has five articles";
  EXPECT_EQ(j["summary"]["documents"], j["documents"].size());
  EXPECT_EQ(j["summary"]["claims"], j["claims"].size());
  EXPECT_EQ(j["summary"]["findings"], j["findings"].size());
  std::set<std::string> ids;
  for (const auto& d : j["documents"]) ids.insert(d.value("id", ""));
  for (const auto& f : j["findings"]) {
    EXPECT_FALSE(f.value("fingerprint", "").empty()) << f.dump();
    EXPECT_FALSE(f["evidence"].empty()) << f.dump();
    for (const auto& e : f["evidence"]) {
      EXPECT_TRUE(ids.count(e.value("doc_id", ""))) << e.dump();
      EXPECT_GT(e.value("line", 0), 0) << e.dump();
      EXPECT_GT(e.value("column", 0), 0) << e.dump();
    }
  }
}

TEST_F(ReportsE2eTest, JsonMatchesSchema) {
  if (!HaveJsonschema()) GTEST_SKIP() << "python3-jsonschema not installed";
  for (const std::string corpus : {"fixtures/corpus", "fixtures/xss"}) {
    EXPECT_EQ(Validate(SourcePath("reports/schema/report.schema.json"),
                       OutFor(corpus) + "/crosscheck.json"),
              0)
        << corpus;
  }
}

TEST_F(ReportsE2eTest, SarifMatchesOfficialSchema) {
  std::string dir = OutFor("fixtures/corpus");
  json sarif = ParseOrFail(ReadFile(dir + "/crosscheck.sarif"), "SARIF");
  EXPECT_EQ(sarif["version"], "2.1.0");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  EXPECT_EQ(sarif["runs"][0]["results"].size(),
            Report("fixtures/corpus")["findings"].size());
  if (!HaveJsonschema() || !fs::exists(SarifSchema())) {
    GTEST_SKIP() << "python3-jsonschema or the SARIF schema (" << SarifSchema()
                 << ") is missing";
  }
  EXPECT_EQ(Validate(SarifSchema(), dir + "/crosscheck.sarif"), 0);
  EXPECT_EQ(
      Validate(SarifSchema(), OutFor("fixtures/xss") + "/crosscheck.sarif"), 0);
}

// One `path:line:col: severity: message [rule]` line per finding, one per
// diagnostic, then the summary line.
TEST_F(ReportsE2eTest, TextIsOneLinePerFinding) {
  for (const std::string corpus : {"fixtures/corpus", "fixtures/xss"}) {
    json j = Report(corpus);
    std::string text = ReadFile(OutFor(corpus) + "/crosscheck.txt");
    ASSERT_TRUE(absl::EndsWith(text, "\n")) << corpus;
    std::vector<std::string> lines =
        absl::StrSplit(text.substr(0, text.size() - 1), '\n');
    ASSERT_EQ(lines.size(), j["findings"].size() + j["diagnostics"].size() + 1)
        << corpus << "\n"
        << text;
    static const RE2 kLine(
        R"(([^:\n]+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9._-]+)\])"
        R"(( \(suppressed.*\))?)");
    std::vector<std::string> rules_in_text;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      std::string path, line, col, severity, message, rule;
      ASSERT_TRUE(RE2::FullMatch(lines[i], kLine, &path, &line, &col, &severity,
                                 &message, &rule))
          << corpus << ": " << lines[i];
      if (i >= j["diagnostics"].size()) rules_in_text.push_back(rule);
    }
    std::vector<std::string> rules_in_json;
    for (const auto& f : j["findings"]) {
      rules_in_json.push_back(f.value("rule_id", ""));
    }
    EXPECT_EQ(rules_in_text, rules_in_json) << corpus;
    EXPECT_TRUE(absl::StartsWith(lines.back(), "crosscheck: ")) << lines.back();
    // No raw control bytes from article text reach a terminal.
    for (char c : text) {
      EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n')
          << corpus << ": control byte " << int(c);
    }
  }
}

TEST_F(ReportsE2eTest, MarkdownHasCountsAndNoRawHtml) {
  std::string md = ReadFile(OutFor("fixtures/xss") + "/crosscheck.md");
  EXPECT_FALSE(md.empty());
  EXPECT_FALSE(absl::StrContains(md, "<script")) << md;
  EXPECT_FALSE(absl::StrContains(md, "<img")) << md;
}

// The hostile corpus's payloads are text in the HTML report: no article
// script, no event-handler attribute, no javascript: link.
TEST_F(ReportsE2eTest, HtmlOfHostileCorpusIsEscaped) {
  json j = Report("fixtures/xss");
  ASSERT_GE(j["documents"].size(), 3u);
  std::string html = ReadFile(OutFor("fixtures/xss") + "/crosscheck.html");
  ASSERT_FALSE(html.empty());
  EXPECT_FALSE(absl::StrContains(html, "<script>alert"));
  EXPECT_FALSE(absl::StrContains(html, "</textarea>"));
  // The report's own <script> is the only one.
  int scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos;
       p = html.find("<script", p + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 1);
  // Inside tags: no on*= handler, no javascript: URL.
  static const RE2 kTag(R"((<[A-Za-z][^>]*>))");
  static const RE2 kHandler(R"((?i)\son[a-z]+\s*=)");
  static const RE2 kJsUrl(R"((?i)(href|src|action)\s*=\s*["']?\s*javascript:)");
  re2::StringPiece in(html);
  std::string tag;
  int tags = 0;
  while (RE2::FindAndConsume(&in, kTag, &tag)) {
    ++tags;
    EXPECT_FALSE(RE2::PartialMatch(tag, kHandler)) << tag;
    EXPECT_FALSE(RE2::PartialMatch(tag, kJsUrl)) << tag;
    EXPECT_FALSE(absl::StartsWithIgnoreCase(tag, "<img")) << tag;
    EXPECT_FALSE(absl::StartsWithIgnoreCase(tag, "<iframe")) << tag;
  }
  EXPECT_GT(tags, 20);
  // The payload is still shown, escaped.
  EXPECT_TRUE(absl::StrContains(html, "&lt;script&gt;") ||
              absl::StrContains(html, "&lt;img"))
      << "hostile text should be visible as text";
}

TEST_F(ReportsE2eTest, FormatErrorsAreUsageErrors) {
  std::string dir = TempDir("format-errors");
  struct {
    std::vector<std::string> args;
  } cases[] = {
      {{"check", "fixtures/corpus", "--format", "pdf"}},
      {{"check", "fixtures/corpus", "--format", "json,yaml", "--out", dir}},
      {{"check", "fixtures/corpus", "--format", "json,html"}},  // no --out
      {{"check", "fixtures/corpus", "--format", ""}},
      {{"check", "fixtures/corpus", "--fail-on", "sometimes"}},
      {{"check", "fixtures/corpus", "--threads", "0"}},
      {{"check", "fixtures/corpus", "--reference-date", "2026-13-40"}},
      {{"check", "fixtures/corpus", "--no-such-flag"}},
      {{"check"}},
      {{"no-such-command"}},
  };
  for (const auto& c : cases) {
    RunResult r = RunCli(c.args);
    EXPECT_EQ(r.exit_code, 2) << absl::StrJoin(c.args, " ") << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << absl::StrJoin(c.args, " ");
  }
}

// --fail-on LEVEL: exit 1 exactly when an unsuppressed finding is at least
// LEVEL; never -> 0.
TEST_F(ReportsE2eTest, FailOnSemantics) {
  json j = Report("fixtures/corpus");
  ASSERT_FALSE(j["findings"].empty()) << "the sample corpus has findings";
  auto any_at_least = [&](int rank) {
    static const std::map<std::string, int> kRank = {
        {"info", 0}, {"warning", 1}, {"error", 2}};
    for (const auto& f : j["findings"]) {
      if (!f.value("suppressed", false) &&
          kRank.at(f.value("severity", "info")) >= rank) {
        return true;
      }
    }
    return false;
  };
  struct {
    const char* level;
    int expected;
  } cases[] = {
      {"never", 0},
      {"info", 1},
      {"warning", any_at_least(1) ? 1 : 0},
      {"error", any_at_least(2) ? 1 : 0},
  };
  for (const auto& c : cases) {
    RunResult r = RunCli({"check", "fixtures/corpus", "--format", "json",
                          "--fail-on", c.level, "--quiet"});
    EXPECT_EQ(r.exit_code, c.expected) << c.level << "\n" << r.err;
    // The report is written whatever the exit code.
    EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded()) << c.level;
  }
  // Default is error.
  RunResult r = RunCli({"check", "fixtures/corpus", "--format", "json"});
  EXPECT_EQ(r.exit_code, any_at_least(2) ? 1 : 0);
}

TEST_F(ReportsE2eTest, StdoutDefaultsToJsonWhenPiped) {
  RunResult r = RunCli({"check", "fixtures/corpus", "--fail-on", "never"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = ParseOrFail(r.out, "stdout");
  EXPECT_EQ(j.value("schema_version", ""), "1.0");
}

// Same input, same bytes: across runs and thread counts.
TEST_F(ReportsE2eTest, OutputIsDeterministic) {
  std::string a = TempDir("det-a"), b = TempDir("det-b");
  ASSERT_EQ(RunCli({"check", "fixtures/corpus", "--out", a, "--threads", "1",
                    "--fail-on", "never", "--quiet"})
                .exit_code,
            0);
  ASSERT_EQ(RunCli({"check", "fixtures/corpus", "--out", b, "--threads", "4",
                    "--fail-on", "never", "--quiet"})
                .exit_code,
            0);
  for (const char* f :
       {"crosscheck.json", "crosscheck.html", "crosscheck.sarif",
        "crosscheck.md", "crosscheck.txt"}) {
    EXPECT_EQ(ReadFile(a + "/" + f), ReadFile(b + "/" + f)) << f;
  }
}

// Progress goes to stderr only on a terminal and never with --quiet; with
// stderr redirected, --out prints the summary line and nothing else.
TEST_F(ReportsE2eTest, NoProgressWhenStderrIsNotATerminal) {
  std::string dir = TempDir("progress");
  RunResult r =
      RunCli({"check", "fixtures/corpus", "--out", dir, "--fail-on", "never"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_FALSE(absl::StrContains(r.err, "\r")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.err, "\x1b")) << r.err;
  std::vector<std::string> lines =
      absl::StrSplit(r.err, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_TRUE(absl::StartsWith(lines[0], "crosscheck: 5 documents, "))
      << lines[0];
  EXPECT_TRUE(absl::StrContains(lines[0], dir)) << lines[0];
  EXPECT_TRUE(r.out.empty()) << r.out;

  RunResult quiet = RunCli({"check", "fixtures/corpus", "--out", dir,
                            "--fail-on", "never", "--quiet"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

// With a terminal on stderr (script(1) gives one), progress appears there.
TEST_F(ReportsE2eTest, ProgressOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) not installed";
  }
  std::string dir = TempDir("progress-tty");
  std::string log = dir + "/typescript";
  std::string inner = absl::StrCat("'", CROSSCHECK_BINARY, "' check '",
                                   SourcePath("fixtures/corpus"), "' --out '",
                                   dir, "/out' --fail-on never");
  std::string cmd = absl::StrCat("script -qec \"", inner, "\" '", log,
                                 "' >/dev/null 2>&1 </dev/null");
  int rc = std::system(cmd.c_str());
  if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
    GTEST_SKIP() << "script(1) could not run the command (" << rc << ")";
  }
  std::string seen = ReadFile(log);
  EXPECT_TRUE(absl::StrContains(seen, "MB/s")) << seen;
  EXPECT_TRUE(absl::StrContains(seen, "reports in")) << seen;
}

}  // namespace
}  // namespace crosscheck::testing
