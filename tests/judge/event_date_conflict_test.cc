// judge.event-date-conflict: one event, dates that cannot both be right.
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

DateValue OnDay(int y, int m, int d, bool relative) {
  return Dates(Day(y, m, d), Day(y, m, d), Granularity::kDay,
               absl::StrFormat("%04d-%02d-%02d", y, m, d), relative);
}

TEST(EventDateConflictTest, TwoDaysLaterVersusSunday) {
  std::vector<Claim> claims = {
      C("commentary", 1)
          .Date(OnDay(2026, 2, 10, true), "two days later")
          .Event("election"),
      C("herald", 1)
          .Date(OnDay(2026, 2, 8, true), "Sunday's")
          .Event("election"),
      C("herald", 2)
          .Date(OnDay(2026, 2, 9, true), "Monday")
          .Event("press conference"),
  };
  auto all = Judge(claims, {Doc("commentary", Day(2026, 2, 10), true),
                            Doc("herald", Day(2026, 2, 10))});
  auto found = OfKind(all, "event-date-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);  // relative dates
  EXPECT_EQ(found[0].subject, "election");
  EXPECT_EQ(DocsOf(found[0]),
            (std::vector<std::string>{"commentary", "herald"}));
  EXPECT_EQ(found[0].message,
            "sources disagree on the date of election: 2026-02-08 "
            "(\"Sunday's\", herald) vs 2026-02-10 (\"two days later\", "
            "commentary)");
}

TEST(EventDateConflictTest, ExplicitDatesAreErrors) {
  std::vector<Claim> claims = {
      C("a", 1).Date(OnDay(2025, 6, 3, false), "June 3").Event("strike"),
      C("b", 1).Date(OnDay(2025, 6, 5, false), "June 5").Event("strike"),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2025, 6, 6)), Doc("b", Day(2025, 6, 6))}),
      "event-date-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kError);
}

TEST(EventDateConflictTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {"same date",
       {C("a", 1).Date(OnDay(2026, 2, 8, false), "Feb. 8").Event("election"),
        C("b", 1).Date(OnDay(2026, 2, 8, true), "Sunday").Event("election")}},
      {"month contains the day",
       {C("a", 1)
            .Date(Dates(Day(2026, 2, 1), Day(2026, 2, 28), Granularity::kMonth,
                        "2026-02"),
                  "February")
            .Event("election"),
        C("b", 1).Date(OnDay(2026, 2, 8, true), "Sunday").Event("election")}},
      {"another occurrence of the event",
       {C("a", 1)
            .Date(OnDay(2024, 10, 27, false), "October 27")
            .Event("election"),
        C("b", 1).Date(OnDay(2026, 2, 8, true), "Sunday").Event("election")}},
      {"different events",
       {C("a", 1)
            .Date(OnDay(2026, 2, 9, false), "Feb. 9")
            .Event("press conference"),
        C("b", 1).Date(OnDay(2026, 2, 8, true), "Sunday").Event("election")}},
      {"one document",
       {C("a", 1).Date(OnDay(2026, 2, 9, false), "Feb. 9").Event("election"),
        C("a", 2).Date(OnDay(2026, 2, 8, true), "Sunday").Event("election")}},
  };
  for (const auto& tc : cases) {
    auto all = Judge(tc.claims,
                     {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))});
    EXPECT_TRUE(OfKind(all, "event-date-conflict").empty()) << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
