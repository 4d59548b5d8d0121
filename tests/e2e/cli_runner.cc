#include "tests/e2e/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace crosscheck::testing {

namespace fs = std::filesystem;

namespace {

std::string Quote(const std::string& s) {
  return absl::StrCat("'", absl::StrReplaceAll(s, {{"'", "'\\''"}}), "'");
}

}  // namespace

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

namespace {

// Directories MakeTempDir made, removed when the test binary exits (a test
// that fails halfway must not leave its corpus behind in /tmp). Set
// CROSSCHECK_KEEP_TEMP=1 to keep them for debugging.
class TempDirs {
 public:
  void Add(const fs::path& dir) {
    std::lock_guard<std::mutex> lock(mu_);
    dirs_.push_back(dir);
  }
  ~TempDirs() {
    if (std::getenv("CROSSCHECK_KEEP_TEMP") != nullptr) return;
    for (const fs::path& d : dirs_) {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  }

 private:
  std::mutex mu_;
  std::vector<fs::path> dirs_;
};

TempDirs& MadeDirs() {
  static TempDirs dirs;
  return dirs;
}

}  // namespace

std::string MakeTempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base ? base : fs::temp_directory_path().string()) /
                 absl::StrCat("crosscheck-", name, "-", getpid(), "-",
                              counter.fetch_add(1));
  fs::remove_all(dir);
  fs::create_directories(dir);
  MadeDirs().Add(dir);
  return dir.string();
}

std::string SourcePath(const std::string& rel) {
  return (fs::path(CROSSCHECK_SOURCE_DIR) / rel).string();
}

std::string SeedsDir() {
  fs::path p = fs::path(CROSSCHECK_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::error_code ec;
  if (fs::is_directory(p, ec)) return fs::canonical(p, ec).string();
  return "";
}

RunResult RunCli(const std::vector<std::string>& args,
                 const std::string& stdin_text) {
  std::string dir = MakeTempDir("run");
  std::string out_path = dir + "/stdout", err_path = dir + "/stderr";
  std::string in_path = dir + "/stdin";
  WriteFile(in_path, stdin_text);
  std::string cmd = absl::StrCat("cd ", Quote(CROSSCHECK_SOURCE_DIR), " && ",
                                 Quote(CROSSCHECK_BINARY));
  for (const auto& a : args) absl::StrAppend(&cmd, " ", Quote(a));
  absl::StrAppend(&cmd, " <", Quote(in_path), " >", Quote(out_path), " 2>",
                  Quote(err_path));
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  fs::remove_all(dir);
  return r;
}

}  // namespace crosscheck::testing
