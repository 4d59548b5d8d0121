// The seed articles (/work/shared/seeds) as text ingestion would give them:
// one kLine block per physical line, bytes untouched. Skipped when absent.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

const char* const kSeeds[] = {
    "000_fbada2545df0fb05.txt", "001_71d93d24bdf0b820.txt",
    "002_96360fc8d8ba7c22.txt", "003_e4042cb40448aa60.txt",
    "004_005a04db57d134a5.txt",
};

std::string SeedDir() {
  return std::string(CROSSCHECK_SOURCE_DIR) + "/../shared/seeds";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kSeeds) {
      std::string text;
      if (!ReadFile(SeedDir() + "/" + name, &text)) {
        GTEST_SKIP() << "seeds not available at " << SeedDir();
      }
      docs_.push_back(testing::MakeTextDoc(text, std::string(name, 3)));
    }
    for (const Document& d : docs_) {
      segmented_.push_back(SegmentDocument(d, testing::ShippedRules()));
    }
    MarkCorpusBoilerplate(absl::MakeSpan(segmented_));
    if (std::getenv("CROSSCHECK_SEGMENT_DUMP") != nullptr) Dump();
  }

  void Dump() const {
    for (const SegmentedDocument& sd : segmented_) {
      std::cerr << "=== " << sd.doc->id << "\n";
      for (const Segment& s : sd.segments) {
        std::cerr << s.index << " " << SegmentKindName(s.kind) << " "
                  << (s.boilerplate ? s.boilerplate_reason : "-") << " |"
                  << s.text.text().substr(0, 70)
                  << "| sentences=" << s.sentences.size()
                  << " heading=" << s.heading << "\n";
      }
    }
  }

  // Segments of document `d` whose text starts with `prefix`.
  std::vector<const Segment*> Find(int d, absl::string_view prefix) const {
    std::vector<const Segment*> out;
    for (const Segment& s : segmented_[d].segments) {
      if (absl::StartsWith(s.text.text(), prefix)) out.push_back(&s);
    }
    return out;
  }

  void ExpectBoilerplate(int d, absl::string_view prefix) const {
    auto found = Find(d, prefix);
    ASSERT_FALSE(found.empty()) << "doc " << d << ": no segment " << prefix;
    for (const Segment* s : found) {
      EXPECT_TRUE(s->boilerplate)
          << "doc " << d << ": should be boilerplate: " << s->text.text();
    }
  }

  void ExpectBody(int d, absl::string_view prefix) const {
    auto found = Find(d, prefix);
    ASSERT_FALSE(found.empty()) << "doc " << d << ": no segment " << prefix;
    for (const Segment* s : found) {
      EXPECT_FALSE(s->boilerplate)
          << "doc " << d << ": body marked " << s->boilerplate_reason << ": "
          << s->text.text().substr(0, 80);
    }
  }

  std::vector<Document> docs_;
  std::vector<SegmentedDocument> segmented_;
};

TEST_F(SeedsTest, BoilerplateBlocksAreMarked) {
  // 001: the related block, the comment footer.
  ExpectBoilerplate(1, "Related Articles");
  ExpectBoilerplate(1, "Hours after Supreme Court");
  ExpectBoilerplate(1, "The US Supreme Court struck down");
  ExpectBoilerplate(1, "Trump announces 10% global tariff");
  ExpectBoilerplate(1, "Inside the surreal Mar-a-Lago");
  ExpectBoilerplate(1, "Thoughts");
  ExpectBoilerplate(1, "Share your thoughts");
  ExpectBoilerplate(1, "Sign in to join");
  // 002: site chrome and the teaser list.
  ExpectBoilerplate(2, "With support from Russia");
  ExpectBoilerplate(2, "Vous n");
  ExpectBoilerplate(2, "By Dr. Ranjit");
  ExpectBoilerplate(2, "A North Korean soldier who was captured");
  ExpectBoilerplate(2, "North Korea on Monday fired a ballistic missile");
  ExpectBoilerplate(2, "In 2024, North Korea underwent");
  // 004: ad chrome and labels.
  ExpectBoilerplate(4, "Liabooks Home|PRISM News");
  ExpectBoilerplate(4, "PoliticsAI Analysis");
  ExpectBoilerplate(4, "3 min readSource");
  ExpectBoilerplate(4, "PRISM");
  ExpectBoilerplate(4, "Advertise with Us");
  ExpectBoilerplate(4, "[email");
  ExpectBoilerplate(4, "}");
  ExpectBoilerplate(4, "Thoughts");
  ExpectBoilerplate(4, "Related Articles");
}

TEST_F(SeedsTest, ArticleTextIsBody) {
  ExpectBody(0, "Japan\xE2\x80\x99s recent election");
  ExpectBody(0, "Defense Spending | Increase by 15%");
  ExpectBody(0, "Joint naval drills |");
  ExpectBody(0, "In Conclusion");
  ExpectBody(0, "Takaichi\xE2\x80\x99s decisive triumph");
  ExpectBody(0, "Increased surveillance");
  ExpectBody(1, "Takaichi's Landslide Victory");
  ExpectBody(1, "When Japanese Prime Minister");
  ExpectBody(1, "The $640 billion");
  ExpectBody(1, "This content is AI-generated");
  ExpectBody(2, "By Ben Sando In November 2024");
  ExpectBody(3, "date 2026-02-10");
  ExpectBody(3, "At a post-election press conference Monday");
  ExpectBody(3, "In a Truth Social post on Jan. 26");
  ExpectBody(3, "Harder choice for Seoul");
  ExpectBody(4, "With Japan committed to reaching 2% of GDP");
  ExpectBody(4, "This content is AI-generated");
  ExpectBody(4, "Prime Minister Sanae Takaichi's Liberal Democratic Party");
}

TEST_F(SeedsTest, Structure) {
  // 000: tables with a header, list items without markers, headings.
  auto rows = Find(0, "Defense Spending |");
  ASSERT_EQ(rows.size(), 1u);
  const Segment& row = *rows[0];
  EXPECT_EQ(row.kind, SegmentKind::kTableRow);
  ASSERT_EQ(row.cells.size(), 3u);
  ASSERT_EQ(row.column_headers.size(), 3u);
  EXPECT_EQ(row.column_headers[1], "Expected Change");
  EXPECT_EQ(row.text.text().substr(row.cells[1].begin,
                                   row.cells[1].end - row.cells[1].begin),
            "Increase by 15% over next 2 years");
  auto headers = Find(0, "Policy Area |");
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_TRUE(IsTableHeader(*headers[0]));
  EXPECT_FALSE(IsTableHeader(row));
  for (const Segment& s : segmented_[0].segments) {
    EXPECT_FALSE(absl::StrContains(s.text.text(), "---")) << s.text.text();
  }
  auto items = Find(0, "Increased surveillance");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]->kind, SegmentKind::kListItem);
  auto conclusion = Find(0, "In Conclusion");
  ASSERT_EQ(conclusion.size(), 1u);
  EXPECT_EQ(conclusion[0]->kind, SegmentKind::kHeading);
  auto last = Find(0, "Takaichi\xE2\x80\x99s decisive triumph");
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0]->heading, "In Conclusion");
  // 001: title and headings; 003: standalone sentence-case headings.
  ASSERT_FALSE(Find(1, "Takaichi's Landslide").empty());
  EXPECT_EQ(Find(1, "Takaichi's Landslide")[0]->kind, SegmentKind::kTitle);
  EXPECT_EQ(Find(1, "The Russia Reset")[0]->kind, SegmentKind::kHeading);
  EXPECT_EQ(Find(3, "Harder choice for Seoul")[0]->kind, SegmentKind::kHeading);
  EXPECT_EQ(Find(4, "Why North Korea Really Fears")[0]->kind,
            SegmentKind::kTitle);
  // Spans point back at the file's bytes.
  for (size_t d = 0; d < segmented_.size(); ++d) {
    for (const Segment& s : segmented_[d].segments) {
      if (s.kind == SegmentKind::kTableRow || s.text.empty()) continue;
      Span span = s.text.OriginalSpan(0, s.text.size());
      EXPECT_EQ(docs_[d].Quote(span), s.text.text());
    }
  }
}

}  // namespace
}  // namespace crosscheck::segment
