// Untrusted input: every bad file is diagnosed, nothing crashes, and the
// huge cases stay linear.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

using testing::TempDir;
using testing::WithCode;

const std::string kBadDir = CROSSCHECK_SOURCE_DIR "/fixtures/bad";

TEST(BadInputTest, FixturesEachDiagnosed) {
  struct {
    const char* file;
    const char* code;
    Severity severity;
    size_t documents;
  } cases[] = {
      {"invalid-utf8.txt", "ingest.invalid-utf8", Severity::kWarning, 1},
      {"utf16le-bom.txt", "ingest.utf16", Severity::kWarning, 1},
      {"utf16be-bom.txt", "ingest.utf16", Severity::kWarning, 1},
      {"nul-bytes.txt", "ingest.binary", Severity::kError, 0},
      {"control-bytes.txt", "ingest.binary", Severity::kError, 0},
      {"empty.txt", "ingest.empty-file", Severity::kWarning, 0},
      {"whitespace-only.md", "ingest.empty-file", Severity::kWarning, 0},
      {"malformed.jsonl", "ingest.jsonl-malformed", Severity::kError, 2},
      {"truncated.jsonl", "ingest.jsonl-malformed", Severity::kError, 1},
      {"duplicate-id.jsonl", "ingest.jsonl-duplicate-id", Severity::kWarning,
       2},
      {"missing-body.jsonl", "ingest.jsonl-missing-body", Severity::kError, 0},
      {"bad-date.html", "ingest.bad-date", Severity::kWarning, 1},
  };
  for (const auto& c : cases) {
    const std::string path = kBadDir + "/" + c.file;
    std::vector<Diagnostic> diags;
    std::vector<Document> docs = ReadDocumentFile(path, {}, &diags);
    EXPECT_EQ(docs.size(), c.documents) << c.file;
    auto hits = WithCode(diags, c.code);
    ASSERT_EQ(hits.size(), 1u) << c.file << ": " << testing::Codes(diags);
    EXPECT_EQ(hits[0].severity, c.severity) << c.file;
    EXPECT_EQ(hits[0].path, path) << c.file;
    EXPECT_FALSE(hits[0].message.empty());
  }
}

TEST(BadInputTest, InvalidUtf8PointsAtFirstBadByte) {
  std::vector<Diagnostic> diags;
  auto docs = ReadDocumentFile(kBadDir + "/invalid-utf8.txt", {}, &diags);
  ASSERT_EQ(docs.size(), 1u);
  auto bad = WithCode(diags, "ingest.invalid-utf8");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].line, 2);
  EXPECT_EQ(bad[0].column, 16);
  EXPECT_NE(bad[0].message.find("0xff"), std::string::npos);
  EXPECT_EQ(docs[0].blocks[1].text.text(),
            "Tolls rose to 4\xEF\xBF\xBD euros per car.");
}

TEST(BadInputTest, Utf16OffsetsPointIntoTheUtf16Bytes) {
  for (const char* file : {"utf16le-bom.txt", "utf16be-bom.txt"}) {
    std::vector<Diagnostic> diags;
    auto docs = ReadDocumentFile(kBadDir + "/" + file, {}, &diags);
    ASSERT_EQ(docs.size(), 1u) << file;
    const Document& d = docs[0];
    ASSERT_FALSE(d.blocks.empty());
    EXPECT_EQ(d.blocks[0].text.text(), "Ferry fares rose 12% in May.");
    // "12%" is UTF-16 code units 17..19 after the 2-byte BOM.
    EXPECT_EQ(d.blocks[0].text.OriginalSpan(17, 20), (Span{36, 42})) << file;
  }
}

TEST(BadInputTest, FileTooLarge) {
  TempDir dir;
  const std::string path = dir.Write("big.txt", std::string(2000, 'a'));
  IngestOptions options;
  options.max_file_bytes = 1000;
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(ReadDocumentFile(path, options, &diags).empty());
  auto big = WithCode(diags, "ingest.file-too-large");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].severity, Severity::kError);
}

TEST(BadInputTest, FiftyMegabyteSingleLineIsLinear) {
  TempDir dir;
  std::string line;
  line.reserve(50u << 20);
  const std::string word = "harbour 12% \xE2\x80\x94 tolls ";
  while (line.size() + word.size() < (50u << 20)) line += word;
  const std::string path = dir.Write("huge.txt", line);
  line.clear();
  line.shrink_to_fit();
  const auto start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> diags;
  auto docs = ReadDocumentFile(path, {}, &diags);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].blocks.size(), 1u);
  EXPECT_LE(docs[0].blocks[0].text.size(), IngestOptions{}.max_line_bytes);
  EXPECT_EQ(docs[0].original.size(), std::filesystem::file_size(path));
  auto cut = WithCode(diags, "ingest.line-too-long");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].line, 1);
  // Throughput is bench/ingest_bench.cc's business; print, do not assert.
  std::cerr << "50 MB single line read in " << seconds << " s\n";
}

TEST(BadInputTest, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const char* formats[] = {"txt", "md", "html", "jsonl"};
  const std::string alphabet =
      "<>/&;#x\"'{}:,\n\r\t pabdivtrl\xE2\x80\x94\xC3\xFF\x00";
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    const size_t n = rng() % 400;
    for (size_t i = 0; i < n; ++i) {
      bytes.push_back(round % 2 == 0 ? static_cast<char>(rng() & 0xFF)
                                     : alphabet[rng() % alphabet.size()]);
    }
    for (const char* format : formats) {
      std::vector<Diagnostic> diags;
      std::vector<Document> docs =
          ParseDocuments("fuzz", bytes, format, {}, &diags);
      for (const Document& d : docs) {
        for (const Block& b : d.blocks) {
          for (size_t i = 0; i < b.text.size(); ++i) {
            ASSERT_LE(b.text.OriginalSpan(i, i + 1).end, d.original.size());
          }
        }
      }
    }
  }
}

TEST(BadInputTest, DeterministicOutput) {
  const std::string html =
      "<meta name=author content=X><p>One &amp; two</p><ul><li>a<li>b</ul>";
  std::vector<Diagnostic> d1, d2;
  auto a = ParseDocuments("p.html", html, "", {}, &d1);
  auto b = ParseDocuments("p.html", html, "", {}, &d2);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a[0].blocks.size(), b[0].blocks.size());
  for (size_t i = 0; i < a[0].blocks.size(); ++i) {
    EXPECT_EQ(a[0].blocks[i].text.text(), b[0].blocks[i].text.text());
  }
}

}  // namespace
}  // namespace crosscheck::ingest
