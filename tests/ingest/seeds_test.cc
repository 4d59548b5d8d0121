// Reads the five reference articles in /work/shared/seeds when present.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

const char* const kSeeds = CROSSCHECK_SOURCE_DIR "/../shared/seeds";

TEST(SeedsTest, ReadsFiveDocumentsWithDatelineOn003) {
  if (!std::filesystem::is_directory(kSeeds)) GTEST_SKIP() << "no seeds";
  std::vector<Diagnostic> diags;
  std::vector<Document> docs = ReadCorpus({kSeeds}, IngestOptions{}, &diags);
  ASSERT_EQ(docs.size(), 5u) << testing::Codes(diags);
  for (const Diagnostic& d : diags) {
    EXPECT_NE(d.severity, Severity::kError) << d.code << " " << d.message;
  }
  const Document* d003 = nullptr;
  for (const Document& d : docs) {
    EXPECT_EQ(d.format, "txt");
    EXPECT_FALSE(d.blocks.empty());
    if (absl::StartsWith(d.id, "003_")) d003 = &d;
  }
  ASSERT_NE(d003, nullptr);
  ASSERT_TRUE(d003->reference_date.day.has_value());
  EXPECT_EQ(*d003->reference_date.day, absl::CivilDay(2026, 2, 10));
  EXPECT_EQ(d003->reference_date.provenance, "dateline");
  // Documents are in sorted path order.
  for (size_t i = 1; i < docs.size(); ++i) {
    EXPECT_LT(docs[i - 1].path, docs[i].path);
  }
}

TEST(SeedsTest, OffsetsQuoteTheOriginal) {
  if (!std::filesystem::is_directory(kSeeds)) GTEST_SKIP() << "no seeds";
  std::vector<Diagnostic> diags;
  for (const Document& d : ReadCorpus({kSeeds}, IngestOptions{}, &diags)) {
    for (const Block& b : d.blocks) {
      // Every ASCII letter of the normalized text is the original byte.
      for (size_t i = 0; i < b.text.size(); ++i) {
        const char c = b.text.text()[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          const Span s = b.text.OriginalSpan(i, i + 1);
          ASSERT_EQ(s.end, s.begin + 1);
          ASSERT_EQ(d.original[s.begin], c) << d.id;
        }
      }
    }
  }
}

}  // namespace
}  // namespace crosscheck::ingest
