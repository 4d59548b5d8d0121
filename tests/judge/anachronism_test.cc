// judge.anachronism: dates on the wrong side of the document's own date.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

DateValue Q3of2024() {
  return Dates(Day(2024, 7, 1), Day(2024, 9, 30), Granularity::kQuarter,
               "2024-Q3");
}

TEST(AnachronismTest, PlanDatedBeforeTheDocument) {
  std::vector<Claim> claims = {
      C("analysis", 1)
          .Date(Q3of2024(), "Scheduled Q3 2024")
          .Modality(Modality::kFuture)
          .Subject("drill", {"naval"}),
  };
  auto found =
      OfKind(Judge(claims, {Doc("analysis", Day(2026, 2, 12))}), "anachronism");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].message,
            "\"Scheduled Q3 2024\" in analysis is planned or expected for "
            "2024-Q3, before the document's own date 2026-02-12");
  ASSERT_EQ(found[0].evidence.size(), 1u);
  EXPECT_EQ(found[0].evidence[0].value, "2024-Q3");
}

TEST(AnachronismTest, PastEventDatedAfterTheDocument) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Date(Dates(Day(2027, 3, 1), Day(2027, 3, 31), Granularity::kMonth,
                      "2027-03"),
                "March 2027")
          .Modality(Modality::kPast),
  };
  EXPECT_EQ(
      OfKind(Judge(claims, {Doc("a", Day(2026, 2, 12))}), "anachronism").size(),
      1u);
}

TEST(AnachronismTest, MustNotTrigger) {
  struct Case {
    const char* name;
    Claim claim;
    std::optional<absl::CivilDay> ref;
  } cases[] = {
      {"future still ahead",
       C("a", 1)
           .Date(Dates(Day(2027, 1, 1), Day(2027, 12, 31), Granularity::kYear,
                       "2027"),
                 "by 2027")
           .Modality(Modality::kFuture),
       Day(2026, 2, 12)},
      {"past date in the past",
       C("a", 1)
           .Date(Dates(Day(2022, 10, 1), Day(2022, 10, 31), Granularity::kMonth,
                       "2022-10"),
                 "October 2022")
           .Modality(Modality::kPast),
       Day(2026, 2, 12)},
      {"historical range",
       C("a", 1)
           .Date(Dates(Day(1910, 1, 1), Day(1945, 12, 31), Granularity::kYear,
                       "1910/1945"),
                 "1910-45")
           .Modality(Modality::kPast),
       Day(2026, 2, 12)},
      {"present modality", C("a", 1).Date(Q3of2024(), "Q3 2024"),
       Day(2026, 2, 12)},
      {"unknown reference date",
       C("a", 1).Date(Q3of2024(), "Q3 2024").Modality(Modality::kFuture),
       std::nullopt},
      {"figure whose clause is dated earlier",
       C("a", 1)
           .Percent(25, "25 percent")
           .Subject("tariff")
           .Modality(Modality::kFuture)
           .Scope(Dates(Day(2026, 1, 26), Day(2026, 1, 26), Granularity::kDay,
                        "2026-01-26")),
       Day(2026, 2, 10)},
      {"plan for the quarter the document is in",
       C("a", 1).Date(Q3of2024(), "Q3 2024").Modality(Modality::kFuture),
       Day(2024, 8, 1)},
  };
  for (const auto& tc : cases) {
    EXPECT_TRUE(
        OfKind(Judge({tc.claim}, {Doc("a", tc.ref)}), "anachronism").empty())
        << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
