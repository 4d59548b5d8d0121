// InferReferenceDate and FlagDocument over hand-made documents.
#include <string>
#include <vector>

#include "checker/extract/claims.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::DocBuilder;

TEST(InferReferenceDateTest, DatelineWithoutYearTakesTheTextYear) {
  DocBuilder b;
  b.doc().reference_date.provenance = "dateline-no-year";
  b.doc().reference_date.evidence = "March 6";
  int p = b.Paragraph({"The accord was signed in January 2025."});
  b.Date(p, "January 2025", testing::Month(2025, 1));
  ReferenceDate r =
      InferReferenceDate(b.Build(), b.mentions(), testing::TestLexicon());
  ASSERT_TRUE(r.day.has_value());
  EXPECT_EQ(*r.day, absl::CivilDay(2025, 3, 6));
  EXPECT_EQ(r.provenance, "dateline+text-year");
  EXPECT_DOUBLE_EQ(r.confidence, 0.6);
}

TEST(InferReferenceDateTest, DatelineEarlierThanTheLatestDateMovesAYear) {
  DocBuilder b;
  b.doc().reference_date.provenance = "dateline-no-year";
  b.doc().reference_date.evidence = "Jan. 4";
  int p = b.Paragraph({"Talks collapsed on December 12, 2024."});
  b.Date(p, "December 12, 2024", testing::Day(2024, 12, 12));
  ReferenceDate r =
      InferReferenceDate(b.Build(), b.mentions(), testing::TestLexicon());
  ASSERT_TRUE(r.day.has_value());
  EXPECT_EQ(*r.day, absl::CivilDay(2025, 1, 4));
}

TEST(InferReferenceDateTest, LatestPastDateIgnoresPlansAndRelativeDates) {
  DocBuilder b;
  int p1 =
      b.Paragraph({"In November 2024, the president-elect named a "
                   "cabinet."});
  int p2 = b.Paragraph({"A summit is scheduled for March 2025."});
  int p3 = b.Paragraph({"The deal was struck in 2016."});
  int p4 = b.Paragraph({"It ended two days later."});
  int chrome = b.Paragraph({"Posted December 2030."}, /*boilerplate=*/true);
  b.Date(p1, "November 2024", testing::Month(2024, 11));
  b.Date(p2, "March 2025", testing::Month(2025, 3));
  b.Date(p3, "2016", testing::Year(2016));
  b.Date(p4, "two days later", testing::Day(2026, 1, 3, /*relative=*/true));
  b.Date(chrome, "December 2030", testing::Month(2030, 12));
  ReferenceDate r =
      InferReferenceDate(b.Build(), b.mentions(), testing::TestLexicon());
  ASSERT_TRUE(r.day.has_value());
  EXPECT_EQ(*r.day, absl::CivilDay(2024, 11, 30));
  EXPECT_EQ(r.provenance, "latest-past-date");
  EXPECT_EQ(r.evidence, "November 2024");
  EXPECT_DOUBLE_EQ(r.confidence, 0.6);
}

TEST(InferReferenceDateTest, YearOnlyIsWeaker) {
  DocBuilder b;
  int p = b.Paragraph({"The treaty dates from 2014."});
  b.Date(p, "2014", testing::Year(2014));
  ReferenceDate r =
      InferReferenceDate(b.Build(), b.mentions(), testing::TestLexicon());
  ASSERT_TRUE(r.day.has_value());
  EXPECT_EQ(*r.day, absl::CivilDay(2014, 12, 31));
  EXPECT_LT(r.confidence, 0.6);
}

TEST(InferReferenceDateTest, NothingToGoOn) {
  DocBuilder b;
  int p = b.Paragraph({"Drills are planned for Q3 2024."});
  b.Date(p, "Q3 2024", testing::Quarter(2024, 3));
  ReferenceDate r =
      InferReferenceDate(b.Build(), b.mentions(), testing::TestLexicon());
  EXPECT_FALSE(r.day.has_value());
  SegmentedDocument empty;
  EXPECT_FALSE(
      InferReferenceDate(empty, {}, testing::TestLexicon()).day.has_value());
}

TEST(FlagDocumentTest, FirstDisclaimerWins) {
  DocBuilder b;
  b.Paragraph({"Sales rose."});
  int label = b.Paragraph({"Markets AI Analysis"}, /*boilerplate=*/true);
  int tail = b.Paragraph({"This text was produced by a language model."});
  Mention& m2 =
      b.Add(tail, "produced by a language model", MentionKind::kDisclaimer);
  m2.label = "ai-generated";
  Mention& m1 = b.Add(label, "AI Analysis", MentionKind::kDisclaimer);
  m1.label = "ai-generated";
  const SegmentedDocument& sd = b.Build();
  DocumentInfo info;
  FlagDocument(sd, b.mentions(), &info);
  EXPECT_TRUE(info.ai_generated);
  EXPECT_EQ(info.ai_evidence, "AI Analysis");
  EXPECT_EQ(info.ai_line, 3);
  EXPECT_EQ(info.ai_column, 9);
  EXPECT_EQ(b.doc().Quote(Span{static_cast<uint32_t>(info.ai_span_begin),
                               static_cast<uint32_t>(info.ai_span_end)}),
            "AI Analysis");
}

TEST(FlagDocumentTest, NoDisclaimerNoFlag) {
  DocBuilder b;
  int p = b.Paragraph({"Sales rose 5%."});
  b.Percent(p, "5%", 5);
  DocumentInfo info;
  FlagDocument(b.Build(), b.mentions(), &info);
  EXPECT_FALSE(info.ai_generated);
  FlagDocument(b.Build(), b.mentions(), nullptr);  // tolerated
}

}  // namespace
}  // namespace crosscheck::extract
