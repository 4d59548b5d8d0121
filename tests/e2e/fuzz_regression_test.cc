// Replays every fuzz seed (tests/fuzz/corpus/<target>/) and every minimized
// crash input (tests/fuzz/regressions/<target>/) through the fuzz target's
// own function (tests/fuzz/fuzz_targets.h), so the ordinary gcc and ASan
// builds keep each fixed crash fixed without clang or libFuzzer.
//
// A regression file is named after what it broke, e.g.
// tests/fuzz/regressions/ingest_html_fuzz/deep-table-nesting; the function
// aborts on a crash or a broken invariant, which fails the test binary.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/e2e/cli_runner.h"
#include "tests/fuzz/fuzz_targets.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FuzzRegressionTest
    : public ::testing::TestWithParam<crosscheck::fuzz::Target> {};

TEST_P(FuzzRegressionTest, SeedsAndCrashInputsRunClean) {
  const crosscheck::fuzz::Target& t = GetParam();
  std::vector<std::string> files =
      FilesIn(SourcePath(std::string("tests/fuzz/corpus/") + t.name));
  EXPECT_FALSE(files.empty()) << "no seed corpus for " << t.name;
  for (const auto& f :
       FilesIn(SourcePath(std::string("tests/fuzz/regressions/") + t.name))) {
    files.push_back(f);
  }
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    std::string bytes = ReadFile(f);
    EXPECT_EQ(
        t.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
  }
  // The degenerate inputs every target must take.
  EXPECT_EQ(t.run(nullptr, 0), 0);
  const uint8_t one = 0;
  EXPECT_EQ(t.run(&one, 1), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Targets, FuzzRegressionTest,
    ::testing::ValuesIn(crosscheck::fuzz::kTargets),
    [](const ::testing::TestParamInfo<crosscheck::fuzz::Target>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace crosscheck::testing
