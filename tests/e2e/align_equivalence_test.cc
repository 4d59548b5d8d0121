// End-to-end: `extract` as a map over shards and `align` as the reduce give
// the findings of `check` on the original corpus, byte for byte.
//
// For fixtures/corpus, fixtures/xss and every fixtures/corpora/*: extract to
// JSON Lines; align that file, and align two shards of its lines shuffled
// (given in either order); each run's `findings` array, dumped, must equal
// check's.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> Corpora() {
  std::vector<std::string> out = {"fixtures/corpus", "fixtures/xss"};
  std::vector<std::string> more;
  std::error_code ec;
  for (const auto& e :
       fs::directory_iterator(SourcePath("fixtures/corpora"), ec)) {
    if (e.is_directory()) {
      more.push_back("fixtures/corpora/" + e.path().filename().string());
    }
  }
  std::sort(more.begin(), more.end());
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

// The findings array of a JSON report on stdout, dumped; "" on failure.
std::string Findings(const RunResult& r, const std::string& what) {
  EXPECT_EQ(r.exit_code, 0) << what << "\n" << r.err;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << what << ": " << r.out.substr(0, 300);
  if (j.is_discarded() || !j.contains("findings")) return "";
  return j["findings"].dump(1);
}

// The first differing finding, for the failure message.
std::string FirstDifference(const std::string& a, const std::string& b) {
  json ja = json::parse(a, nullptr, false), jb = json::parse(b, nullptr, false);
  if (ja.is_discarded() || jb.is_discarded()) return "(unparsable)";
  if (ja.size() != jb.size()) {
    return absl::StrCat(ja.size(), " vs ", jb.size(), " findings");
  }
  for (size_t i = 0; i < ja.size(); ++i) {
    if (ja[i] != jb[i]) {
      return absl::StrCat("finding ", i, ":\n  check: ", ja[i].dump(),
                          "\n  align: ", jb[i].dump());
    }
  }
  return "(equal)";
}

class AlignEquivalenceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AlignEquivalenceTest, AlignEqualsCheck) {
  const std::string corpus = GetParam();
  const std::string dir = MakeTempDir("align-eq");
  const std::vector<std::string> report = {"--format", "json", "--fail-on",
                                           "never", "--quiet"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), report.begin(), report.end());
    return args;
  };
  std::string want = Findings(RunCli(with({"check", corpus})), "check");
  ASSERT_FALSE(want.empty());

  RunResult ex = RunCli({"extract", corpus, "--quiet"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  ASSERT_FALSE(ex.out.empty());
  const std::string all = dir + "/claims.jsonl";
  WriteFile(all, ex.out);
  std::string got = Findings(RunCli(with({"align", all})), "align");
  EXPECT_EQ(got, want) << corpus << ": " << FirstDifference(want, got);

  // Two shards of shuffled lines, in both orders.
  std::vector<std::string> lines =
      absl::StrSplit(ex.out, '\n', absl::SkipEmpty());
  std::mt19937 rng(20260210);
  std::shuffle(lines.begin(), lines.end(), rng);
  const size_t half = lines.size() / 2;
  const std::string a = dir + "/shard-a.jsonl", b = dir + "/shard-b.jsonl";
  WriteFile(
      a, absl::StrCat(absl::StrJoin(lines.begin(), lines.begin() + half, "\n"),
                      "\n"));
  WriteFile(b,
            absl::StrCat(absl::StrJoin(lines.begin() + half, lines.end(), "\n"),
                         "\n"));
  for (const auto& order :
       {std::vector<std::string>{a, b}, std::vector<std::string>{b, a}}) {
    std::vector<std::string> args = {"align"};
    args.insert(args.end(), order.begin(), order.end());
    std::string sharded = Findings(RunCli(with(args)), "align shards");
    EXPECT_EQ(sharded, want) << corpus << " (shards)\n"
                             << FirstDifference(want, sharded);
  }

  // Mention records are ignored by align; a shard given twice is read once.
  RunResult mentions = RunCli({"extract", corpus, "--mentions", "--quiet"});
  ASSERT_EQ(mentions.exit_code, 0) << mentions.err;
  const std::string with_mentions = dir + "/mentions.jsonl";
  WriteFile(with_mentions, mentions.out);
  EXPECT_EQ(Findings(RunCli(with({"align", with_mentions})), "mentions"), want)
      << corpus << " (with mentions)";
  EXPECT_EQ(Findings(RunCli(with({"align", a, b, a})), "overlap"), want)
      << corpus << " (overlapping shards)";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Corpora, AlignEquivalenceTest,
                         ::testing::ValuesIn(Corpora()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

// extract's output does not depend on --threads.
TEST(AlignEquivalence, ExtractIsDeterministic) {
  RunResult one = RunCli({"extract", "fixtures/corpus", "--threads", "1"});
  RunResult many = RunCli({"extract", "fixtures/corpus", "--threads", "4"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, many.out);
}

// A malformed claim line is a diagnostic naming path:line; the rest is read.
TEST(AlignEquivalence, MalformedLinesAreDiagnostics) {
  RunResult ex = RunCli({"extract", "fixtures/corpus"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  const std::string dir = MakeTempDir("align-bad");
  const std::string path = dir + "/claims.jsonl";
  WriteFile(path, absl::StrCat("{not json\n", ex.out, "[1,2]\n\xff\xfe\n"));
  RunResult r =
      RunCli({"align", path, "--format", "json", "--fail-on", "never"});
  EXPECT_EQ(r.exit_code, 2) << "unreadable input lines are input errors";
  json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out.substr(0, 200);
  std::vector<int> lines;
  for (const auto& d : j["diagnostics"]) {
    if (d.value("path", "") == path) lines.push_back(d.value("line", 0));
  }
  EXPECT_EQ(lines.size(), 3u) << j["diagnostics"].dump();
  if (!lines.empty()) {
    EXPECT_EQ(lines.front(), 1);
  }
  EXPECT_FALSE(j["findings"].empty()) << "the good lines were judged";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::testing
