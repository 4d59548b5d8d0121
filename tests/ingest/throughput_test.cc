// Throughput of the text and HTML paths, reported (MB/s, as test
// properties) but not asserted: Debug builds on a shared machine vary ten
// times over. Linearity is asserted by BadInputTest's 50 MB file.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"

namespace crosscheck::ingest {
namespace {

double MegabytesPerSecond(const std::string& bytes, absl::string_view format,
                          size_t* blocks) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> diags;
  auto docs = ParseDocuments("bench", bytes, format, {}, &diags);
  const double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  *blocks = docs.empty() ? 0 : docs[0].blocks.size();
  return bytes.size() / 1e6 / std::max(s, 1e-9);
}

const std::string& Para() {
  static const std::string* p = new std::string(
      "The council said on Tuesday that tolls would rise by 12% to "
      "\xE2\x82\xAC"
      "4.50 \xE2\x80\x94 the first increase since 2019, "
      "when 1,200 drivers used the bridge each day.");
  return *p;
}

TEST(ThroughputTest, Text) {
  std::string txt;
  while (txt.size() < (4u << 20)) absl::StrAppend(&txt, Para(), "\n\n");
  size_t blocks = 0;
  const double rate = MegabytesPerSecond(txt, "txt", &blocks);
  EXPECT_GT(blocks, 20000u);
  RecordProperty("txt_mb_per_s", static_cast<int>(rate));
  std::printf("txt %.0f MB/s\n", rate);
}

TEST(ThroughputTest, Html) {
  std::string html = "<html><body><article>";
  while (html.size() < (4u << 20)) {
    absl::StrAppend(&html, "<p>", Para(), " <a href=\"/x\">More</a></p>\n");
  }
  size_t blocks = 0;
  const double rate = MegabytesPerSecond(html, "html", &blocks);
  EXPECT_GT(blocks, 20000u);
  RecordProperty("html_mb_per_s", static_cast<int>(rate));
  std::printf("html %.0f MB/s\n", rate);
}

}  // namespace
}  // namespace crosscheck::ingest
