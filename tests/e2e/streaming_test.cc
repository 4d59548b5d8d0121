// Bounded memory: a corpus over --memory-budget is streamed in two passes
// (pipeline.h). Streaming must never change a byte of `extract` or `check`
// output, the corpus-wide facts (shared boilerplate, the corpus date,
// unique ids) must hold across batches, and --segments must only drop the
// per-document listings. Also the resource-limit options' messages.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kReports[] = {"crosscheck.json", "crosscheck.sarif",
                                    "crosscheck.html", "crosscheck.md",
                                    "crosscheck.txt"};

// The fixture corpora, one by one and all together.
std::vector<std::vector<std::string>> FixtureInputs() {
  std::vector<std::vector<std::string>> out = {{"fixtures/corpus"}};
  std::vector<std::string> all = {"fixtures/corpus"};
  std::vector<std::string> stories;
  for (const auto& e : fs::directory_iterator(SourcePath("fixtures/corpora"))) {
    if (e.is_directory()) stories.push_back(e.path().string());
  }
  std::sort(stories.begin(), stories.end());
  for (const auto& s : stories) {
    out.push_back({s});
    all.push_back(s);
  }
  out.push_back(all);
  return out;
}

std::vector<std::string> Concat(std::vector<std::string> a,
                                const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + " ";
  return out;
}

struct Reports {
  RunResult run;
  std::vector<std::string> files;  // parallel to kReports
};

Reports Check(const std::vector<std::string>& inputs,
              const std::vector<std::string>& extra) {
  std::string out = MakeTempDir("streaming");
  Reports r;
  r.run = RunCli(
      Concat(Concat({"check"}, inputs),
             Concat({"--out", out, "--fail-on", "never", "--quiet"}, extra)));
  for (const char* name : kReports) {
    r.files.push_back(ReadFile(out + "/" + name));
  }
  fs::remove_all(out);
  return r;
}

TEST(StreamingTest, ExtractIsByteIdenticalWhenStreamed) {
  for (const auto& inputs : FixtureInputs()) {
    RunResult whole =
        RunCli(Concat(Concat({"extract"}, inputs), {"--mentions"}));
    ASSERT_FALSE(whole.out.empty()) << Join(inputs);
    // A budget of one byte: every file is its own batch.
    for (const std::vector<std::string>& budget :
         {std::vector<std::string>{"--memory-budget", "1"},
          std::vector<std::string>{"--memory-budget", "4K", "--threads",
                                   "2"}}) {
      RunResult streamed = RunCli(
          Concat(Concat(Concat({"extract"}, inputs), {"--mentions"}), budget));
      EXPECT_EQ(streamed.exit_code, whole.exit_code) << Join(inputs);
      EXPECT_TRUE(streamed.out == whole.out)
          << Join(inputs) << Join(budget) << ": extract output differs";
      EXPECT_EQ(streamed.err, whole.err) << Join(inputs) << Join(budget);
    }
  }
}

// With --segments all a streamed check holds its documents in memory;
// without segments (auto) it keeps them in the spill until the reports.
TEST(StreamingTest, CheckReportsAreByteIdenticalWhenStreamed) {
  for (const auto& inputs : FixtureInputs()) {
    for (const char* segments : {"all", "none"}) {
      Reports whole = Check(inputs, {"--segments", segments});
      Reports streamed =
          Check(inputs, {"--memory-budget", "1", "--segments",
                         std::string(segments) == "all" ? "all" : "auto"});
      ASSERT_EQ(streamed.run.exit_code, whole.run.exit_code)
          << Join(inputs) << streamed.run.err;
      for (size_t i = 0; i < std::size(kReports); ++i) {
        ASSERT_FALSE(whole.files[i].empty()) << kReports[i];
        EXPECT_TRUE(streamed.files[i] == whole.files[i])
            << Join(inputs) << ": " << kReports[i] << " differs when streamed"
            << " (segments " << segments << ")";
      }
    }
  }
}

// Three articles of our own: a and b share a short footer carrying a
// figure, c has no date of its own, and d.txt / d.md share the id "d".
std::string CorpusWithCorpusWideFacts() {
  std::string dir = MakeTempDir("streaming-facts");
  const std::string footer =
      "Readers can reach the news desk on 4 phone lines every weekday.\n";
  WriteFile(dir + "/a.txt",
            "Canal Repairs Start\n\nPublished: 2024-05-02\n\n"
            "Crews began repairing the old canal lock on Thursday, and the "
            "county expects the work to cost $3.5 million over two years.\n\n" +
                footer);
  WriteFile(dir + "/b.txt",
            "Ferry Fares Rise\n\nPublished: 2024-05-06\n\n"
            "The ferry operator raised the single fare by 12 percent, the "
            "first increase since the service reopened after the storm.\n\n" +
                footer);
  WriteFile(dir + "/c.txt",
            "Library Hours Extended\n\n"
            "The town library will open until 9 pm on weekdays, adding "
            "about 15 hours of service each week for students.\n");
  WriteFile(dir + "/d.txt",
            "Market Moves\n\nPublished: 2024-05-04\n\n"
            "Stall rents at the covered market fell by 8 percent after the "
            "council cut its maintenance charge.\n");
  WriteFile(dir + "/d.md",
            "# Market Moves Again\n\nPublished: 2024-05-05\n\n"
            "Vendors said that 40 stalls stood empty in the covered market "
            "before the council cut its charge.\n");
  return dir;
}

TEST(StreamingTest, CorpusWideFactsHoldAcrossBatches) {
  const std::string dir = CorpusWithCorpusWideFacts();
  Reports whole = Check({dir}, {"--format", "json"});
  Reports streamed = Check(
      {dir}, {"--format", "json", "--memory-budget", "1", "--segments", "all"});
  ASSERT_EQ(whole.run.exit_code, 0) << whole.run.err;
  EXPECT_TRUE(streamed.files[0] == whole.files[0]);
  json report = json::parse(streamed.files[0]);
  int footers = 0;
  for (const json& d : report["documents"]) {
    for (const json& s : d["segments"]) {
      if (absl::StartsWith(s["text"].get<std::string>(), "Readers can")) {
        ++footers;
        EXPECT_EQ(s["boilerplate_reason"], "structure.shared-across-documents");
      }
    }
    if (d["id"] == "c") {
      EXPECT_EQ(d["reference_date"]["provenance"], "corpus");
    }
  }
  EXPECT_EQ(footers, 2);
  for (const json& c : report["claims"]) {
    EXPECT_FALSE(absl::StrContains(c["quote"].get<std::string>(), "4 phone"));
  }
  std::vector<std::string> ids;
  for (const json& d : report["documents"]) ids.push_back(d["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "d~2"), ids.end());
  fs::remove_all(dir);
}

TEST(StreamingTest, SegmentsNoneDropsOnlyTheListings) {
  const std::vector<std::string> inputs = {"fixtures/corpus"};
  Reports all = Check(inputs, {"--format", "json,sarif"});
  Reports none = Check(inputs, {"--format", "json", "--segments", "none"});
  // Auto: a streamed corpus keeps no segments.
  Reports streamed =
      Check(inputs, {"--format", "json", "--memory-budget", "1"});
  ASSERT_EQ(none.run.exit_code, all.run.exit_code) << none.run.err;
  EXPECT_TRUE(streamed.files[0] == none.files[0]);
  json a = json::parse(all.files[0]);
  json n = json::parse(none.files[0]);
  EXPECT_EQ(n["findings"], a["findings"]);
  EXPECT_EQ(n["claims"], a["claims"]);
  ASSERT_EQ(n["documents"].size(), a["documents"].size());
  size_t listed = 0;
  for (size_t i = 0; i < a["documents"].size(); ++i) {
    json da = a["documents"][i];
    json dn = n["documents"][i];
    listed += da["segments"].size();
    EXPECT_TRUE(dn["segments"].empty());
    EXPECT_EQ(dn["bytes"], da["bytes"]);
    EXPECT_GT(dn["bytes"].get<uint64_t>(), 0u);
    da.erase("segments");
    dn.erase("segments");
    EXPECT_EQ(dn, da);
  }
  EXPECT_GT(listed, 0u);
}

// Reports are streamed to their destination (reports/report.h): a file
// under --out and standard output get the same bytes, for every format.
TEST(StreamingTest, StdoutAndFileReportsAreTheSameBytes) {
  const std::vector<std::string> inputs = {"fixtures/corpus"};
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{},
        std::vector<std::string>{"--memory-budget", "1", "--segments",
                                 "none"}}) {
    Reports files = Check(inputs, extra);
    const char* formats[] = {"json", "sarif", "html", "md", "text"};
    for (size_t i = 0; i < std::size(kReports); ++i) {
      RunResult out = RunCli(Concat(
          Concat(Concat({"check"}, inputs),
                 {"--format", formats[i], "--fail-on", "never", "--quiet"}),
          extra));
      EXPECT_EQ(out.exit_code, files.run.exit_code) << out.err;
      ASSERT_FALSE(files.files[i].empty()) << kReports[i];
      EXPECT_TRUE(out.out == files.files[i])
          << Join(extra) << ": " << kReports[i] << " differs on stdout";
    }
  }
}

TEST(StreamingTest, BadOptionValuesAreUsageErrors) {
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"--memory-budget", "lots"},
        std::vector<std::string>{"--memory-budget", "0"},
        std::vector<std::string>{"--memory-budget", "12X"},
        std::vector<std::string>{"--segments", "some"}}) {
    RunResult r = RunCli(Concat({"check", "fixtures/corpus"}, bad));
    EXPECT_EQ(r.exit_code, 2) << Join(bad);
    EXPECT_TRUE(absl::StrContains(r.err, bad[0])) << r.err;
  }
  // --segments is for reports; extract has none.
  EXPECT_EQ(
      RunCli({"extract", "fixtures/corpus", "--segments", "none"}).exit_code,
      2);
  EXPECT_EQ(RunCli({"extract", "fixtures/corpus", "--memory-budget", "64M"})
                .exit_code,
            0);
}

TEST(StreamingTest, ResourceLimitsAreDocumentedAndReported) {
  RunResult help = RunCli({"check", "--help"});
  for (const char* flag : {"--max-file-size", "--max-line-length",
                           "--memory-budget", "--segments"}) {
    EXPECT_TRUE(absl::StrContains(help.out, flag)) << flag;
  }
  const std::string readme = ReadFile(SourcePath("README.md"));
  for (const char* flag : {"--max-file-size", "--max-line-length",
                           "--memory-budget", "--segments"}) {
    EXPECT_TRUE(absl::StrContains(readme, flag)) << flag << " not in README";
  }

  std::string dir = MakeTempDir("streaming-limits");
  WriteFile(dir + "/long.txt",
            "Toll Plan\n\nThe bridge toll will rise to $4 in June, the "
            "authority said in a statement on its website.\n");
  RunResult big =
      RunCli({"extract", dir + "/long.txt", "--max-file-size", "50"});
  EXPECT_EQ(big.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(big.err, "over the limit of 50 bytes"))
      << big.err;
  EXPECT_TRUE(absl::StrContains(big.err, "[ingest.file-too-large]"));
  RunResult cut =
      RunCli({"extract", dir + "/long.txt", "--max-line-length", "40"});
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_TRUE(absl::StrContains(cut.err, "[ingest.line-too-long]")) << cut.err;
  for (const char* flag : {"--max-file-size", "--max-line-length"}) {
    RunResult r = RunCli({"extract", dir, flag, "none"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(absl::StrContains(r.err, flag)) << r.err;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::testing
