// Helpers for end-to-end tests: run the crosscheck binary and read files.
#ifndef CROSSCHECK_TESTS_E2E_CLI_RUNNER_H_
#define CROSSCHECK_TESTS_E2E_CLI_RUNNER_H_

#include <string>
#include <vector>

namespace crosscheck::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `crosscheck <args>` (CROSSCHECK_BINARY) with the source tree as the
// working directory. Arguments are shell-quoted.
RunResult RunCli(const std::vector<std::string>& args,
                 const std::string& stdin_text = "");

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// A fresh empty directory under the test temp dir ($TEST_TMPDIR or the
// system one), removed when the test binary exits.
std::string MakeTempDir(const std::string& name);

// Absolute path of a source-tree path ("fixtures/corpus").
std::string SourcePath(const std::string& rel);

// ../shared/seeds beside the checkout, or "" when absent.
std::string SeedsDir();

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_E2E_CLI_RUNNER_H_
