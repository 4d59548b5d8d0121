// Helpers shared by the ingest tests: a scratch directory per test.
#ifndef CROSSCHECK_TESTS_INGEST_TEST_UTIL_H_
#define CROSSCHECK_TESTS_INGEST_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "gtest/gtest.h"

namespace crosscheck::ingest::testing {

// A fresh directory under $TMPDIR, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "ingest_test_XXXXXX")
            .string();
    char* made = ::mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Join(absl::string_view rel) const {
    return (std::filesystem::path(path_) / std::string(rel)).string();
  }
  // Writes `bytes` to `rel` (creating parent directories); returns the path.
  std::string Write(absl::string_view rel, absl::string_view bytes) const {
    const std::string p = Join(rel);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

 private:
  std::string path_;
};

// The diagnostics with `code`.
inline std::vector<Diagnostic> WithCode(const std::vector<Diagnostic>& diags,
                                        absl::string_view code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : diags) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

inline std::string Codes(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags)
    out += d.code + "@" + d.path + ":" + std::to_string(d.line) + " ";
  return out;
}

}  // namespace crosscheck::ingest::testing

#endif  // CROSSCHECK_TESTS_INGEST_TEST_UTIL_H_
