// Determinism: the same corpus gives the same report bytes, however it is
// run. Repeated runs, --threads 1/2/8 and the order in which input files are
// named must not change a byte of the JSON, SARIF or HTML report (nor the
// `extract` JSON Lines). A difference here means hash-map order, thread
// scheduling or argument order leaked into an output.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kReports[] = {"crosscheck.json", "crosscheck.sarif",
                                    "crosscheck.html"};

struct Reports {
  int exit_code = -1;
  std::string err;
  std::vector<std::string> files;  // parallel to kReports
};

// Runs `check` with `inputs` and `extra` options into a fresh directory.
Reports RunCheck(const std::vector<std::string>& inputs,
                 const std::vector<std::string>& extra) {
  std::string out = MakeTempDir("determinism");
  std::vector<std::string> args = {"check"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"--out", out, "--format", "json,sarif,html",
                           "--fail-on", "never", "--quiet"});
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunCli(args);
  Reports rep;
  rep.exit_code = r.exit_code;
  rep.err = r.err;
  for (const char* name : kReports) {
    rep.files.push_back(ReadFile(out + "/" + name));
  }
  fs::remove_all(out);
  return rep;
}

// The article files of a corpus directory, sorted by name.
std::vector<std::string> ArticleFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".jsonl") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void ExpectSame(const Reports& want, const Reports& got,
                const std::string& what) {
  ASSERT_EQ(got.exit_code, want.exit_code) << what << "\n" << got.err;
  for (size_t i = 0; i < std::size(kReports); ++i) {
    ASSERT_FALSE(want.files[i].empty()) << kReports[i] << " not written";
    if (got.files[i] == want.files[i]) continue;
    // Point at the first differing byte instead of dumping two reports.
    const std::string& a = want.files[i];
    const std::string& b = got.files[i];
    size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    size_t from = at > 120 ? at - 120 : 0;
    ADD_FAILURE() << what << ": " << kReports[i] << " differs at byte " << at
                  << " (sizes " << a.size() << " vs " << b.size()
                  << ")\nwant: ..." << a.substr(from, 240) << "\ngot:  ..."
                  << b.substr(from, 240);
  }
}

TEST(DeterminismTest, RepeatedRunsAreByteIdentical) {
  const std::vector<std::string> corpus = {SourcePath("fixtures/corpus")};
  Reports first = RunCheck(corpus, {});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  for (int run = 0; run < 2; ++run) {
    ExpectSame(first, RunCheck(corpus, {}), "repeated run");
  }
}

TEST(DeterminismTest, ThreadCountNeverChangesTheReports) {
  // Several corpora at once, so that there is work to split between threads.
  const std::vector<std::string> corpus = {
      SourcePath("fixtures/corpus"), SourcePath("fixtures/corpora/quake"),
      SourcePath("fixtures/corpora/rates"),
      SourcePath("fixtures/corpora/recall"),
      SourcePath("fixtures/corpora/strike")};
  Reports one = RunCheck(corpus, {"--threads", "1"});
  for (const char* threads : {"2", "8"}) {
    ExpectSame(one, RunCheck(corpus, {"--threads", threads}),
               std::string("--threads ") + threads);
  }
}

TEST(DeterminismTest, InputOrderNeverChangesTheReports) {
  std::vector<std::string> files = ArticleFiles(SourcePath("fixtures/corpus"));
  ASSERT_GE(files.size(), 3u);
  std::vector<std::string> reversed(files.rbegin(), files.rend());
  // A rotation as well: not every bug shows under a plain reversal.
  std::vector<std::string> rotated = files;
  std::rotate(rotated.begin(), rotated.begin() + 2, rotated.end());
  Reports sorted = RunCheck(files, {"--threads", "2"});
  ASSERT_EQ(sorted.exit_code, 0) << sorted.err;
  ExpectSame(sorted, RunCheck(reversed, {"--threads", "2"}),
             "files named in reverse order");
  ExpectSame(sorted, RunCheck(rotated, {"--threads", "2"}),
             "files named in rotated order");
}

TEST(DeterminismTest, ExtractOutputIgnoresThreads) {
  const std::string corpus = SourcePath("fixtures/corpus");
  RunResult one = RunCli({"extract", corpus, "--mentions", "--threads", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_FALSE(one.out.empty());
  RunResult eight = RunCli({"extract", corpus, "--mentions", "--threads", "8"});
  EXPECT_EQ(eight.exit_code, 0) << eight.err;
  EXPECT_TRUE(one.out == eight.out) << "extract output differs with threads";
}

}  // namespace
}  // namespace crosscheck::testing
