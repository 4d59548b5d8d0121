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

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

DateValue Dated(int y, int m, int d) {
  return Dates(Day(y, m, d), Day(y, m, d), Granularity::kDay,
               absl::StrFormat("%04d-%02d-%02d", y, m, d), true);
}

// A 6 March article cannot report, as past, a meeting held on 11 March:
// the two articles speak of two meetings.
TEST(EventDateConflictTest, LaterOccurrenceUnknownToEarlierDocument) {
  std::vector<Claim> claims = {
      C("early", 1)
          .Date(Dated(2025, 3, 4), "Tuesday")
          .Event("meeting")
          .Modality(Modality::kPast),
      C("late", 1)
          .Date(Dated(2025, 3, 11), "March 11")
          .Event("meeting")
          .Modality(Modality::kPast),
  };
  auto all = Judge(
      claims, {Doc("early", Day(2025, 3, 6)), Doc("late", Day(2025, 3, 17))});
  EXPECT_TRUE(OfKind(all, "event-date-conflict").empty());
}

// Later dates in one story are follow-ups; the earliest stands for the
// event. Every document on either side is evidence.
TEST(EventDateConflictTest, EarliestDatePerDocument) {
  std::vector<Claim> claims = {
      C("relief", 1).Date(Dated(2026, 4, 9), "Thursday").Event("earthquake"),
      C("relief", 2).Date(Dated(2026, 4, 4), "Saturday's").Event("earthquake"),
      C("valley", 1).Date(Dated(2026, 4, 6), "Monday").Event("earthquake"),
      C("valley", 2).Date(Dated(2026, 4, 5), "Sunday").Event("earthquake"),
      C("explainer", 1).Date(Dated(2026, 4, 5), "April 5").Event("earthquake"),
      C("explainer", 2)
          .Date(Dates(Day(1987, 1, 1), Day(1987, 12, 31), Granularity::kYear,
                      "1987"),
                "1987")
          .Event("earthquake"),
  };
  auto found = OfKind(Judge(claims, {Doc("relief", Day(2026, 4, 9)),
                                     Doc("valley", Day(2026, 4, 7)),
                                     Doc("explainer", Day(2026, 4, 10))}),
                      "event-date-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]),
            (std::vector<std::string>{"explainer", "relief", "valley"}));
  EXPECT_EQ(found[0].message,
            "sources disagree on the date of earthquake: 2026-04-04 "
            "(\"Saturday's\", relief) vs 2026-04-05 (\"Sunday\", valley)");
}

// A document that dates the event both coarsely ("this week") and exactly
// ("on Thursday") stands by the exact day: the week around it does not
// make it agree with another source's Wednesday.
TEST(EventDateConflictTest, NarrowestDateInsideTheEarliestStandsForIt) {
  std::vector<Claim> claims = {
      C("preview", 1)
          .Date(Dates(Day(2025, 11, 10), Day(2025, 11, 16), Granularity::kWeek,
                      "2025-W46"),
                "this week")
          .Event("decision"),
      C("preview", 2).Date(Dated(2025, 11, 13), "Thursday").Event("decision"),
      C("explainer", 1)
          .Date(Dated(2025, 11, 12), "Wednesday, November 12")
          .Event("decision"),
  };
  auto found = OfKind(Judge(claims, {Doc("preview", Day(2025, 11, 10)),
                                     Doc("explainer", Day(2025, 11, 14))}),
                      "event-date-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]),
            (std::vector<std::string>{"explainer", "preview"}));
  EXPECT_EQ(found[0].message,
            "sources disagree on the date of decision: 2025-11-12 "
            "(\"Wednesday, November 12\", explainer) vs 2025-11-13 "
            "(\"Thursday\", preview)");
}

// Two documents that both give the same day for the event do not
// contradict each other, whatever else they tag with it: one story's
// "last month" (an earlier ballot tagged with the strike) beside its
// "Monday", another's "this year" beside its "March 3".
TEST(EventDateConflictTest, DocumentsSharingADayDoNotConflict) {
  std::vector<Claim> claims = {
      C("wire", 1)
          .Date(Dates(Day(2025, 2, 1), Day(2025, 2, 28), Granularity::kMonth,
                      "2025-02"),
                "last month")
          .Event("strike"),
      C("wire", 2).Date(Dated(2025, 3, 3), "Monday").Event("strike"),
      C("gazette", 1)
          .Date(Dates(Day(2025, 1, 1), Day(2025, 12, 31), Granularity::kYear,
                      "2025"),
                "this year")
          .Event("strike"),
      C("gazette", 2).Date(Dated(2025, 3, 3), "March 3").Event("strike"),
  };
  auto all = Judge(
      claims, {Doc("wire", Day(2025, 3, 6)), Doc("gazette", Day(2025, 3, 14))});
  EXPECT_TRUE(OfKind(all, "event-date-conflict").empty());
}

}  // namespace
}  // namespace crosscheck::judge
