// ISO labels, month/weekday names and tense cues: the small pieces that
// ResolveDate is built from, each tested on its own.
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "checker/extract/dates.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

TEST(IsoDate, RoundTripsEveryGranularity) {
  struct {
    const char* iso;
    Granularity g;
    const char* begin;
    const char* end;
  } cases[] = {
      {"2026-02-08", Granularity::kDay, "2026-02-08", "2026-02-08"},
      {"2024-02-29", Granularity::kDay, "2024-02-29", "2024-02-29"},
      {"2026-W06", Granularity::kWeek, "2026-02-02", "2026-02-08"},
      {"2026-W01", Granularity::kWeek, "2025-12-29", "2026-01-04"},
      {"2026-W53", Granularity::kWeek, "2026-12-28", "2027-01-03"},
      {"2021-W01", Granularity::kWeek, "2021-01-04", "2021-01-10"},
      {"2026-02", Granularity::kMonth, "2026-02-01", "2026-02-28"},
      {"2024-02", Granularity::kMonth, "2024-02-01", "2024-02-29"},
      {"2024-Q3", Granularity::kQuarter, "2024-07-01", "2024-09-30"},
      {"2024-Q4", Granularity::kQuarter, "2024-10-01", "2024-12-31"},
      {"2025-H1", Granularity::kHalf, "2025-01-01", "2025-06-30"},
      {"2025-H2", Granularity::kHalf, "2025-07-01", "2025-12-31"},
      {"2025", Granularity::kYear, "2025-01-01", "2025-12-31"},
      {"1910/1945", Granularity::kYear, "1910-01-01", "1945-12-31"},
      {"199X", Granularity::kDecade, "1990-01-01", "1999-12-31"},
      {"201X", Granularity::kDecade, "2010-01-01", "2019-12-31"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.iso);
    std::optional<DateValue> v = ParseIsoDate(c.iso);
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->granularity, c.g);
    EXPECT_EQ(absl::FormatCivilTime(v->begin), c.begin);
    EXPECT_EQ(absl::FormatCivilTime(v->end), c.end);
    EXPECT_EQ(v->iso, c.iso);
    EXPECT_EQ(FormatDate(*v), c.iso);
  }
}

TEST(IsoDate, RejectsMalformedLabels) {
  for (const char* bad :
       {"", "2026-13", "2026-02-30", "2025-02-29", "2026-Q5", "2026-Q0",
        "2026-H3", "2025-W53", "2026-W00", "2026/2020", "20X", "2026-2-8",
        "26-02-08", "2026-02-08x", "abcd", "2026-", "1990s",
        "\xff\xfe\xfd\xfc"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseIsoDate(bad).has_value());
  }
}

TEST(IsoDate, PeriodOfEveryDayRoundTrips) {
  // Two full years around a 53-week ISO year and a leap year.
  for (absl::CivilDay d(2024, 1, 1); d <= absl::CivilDay(2027, 1, 10); ++d) {
    for (Granularity g :
         {Granularity::kDay, Granularity::kWeek, Granularity::kMonth,
          Granularity::kQuarter, Granularity::kHalf, Granularity::kYear,
          Granularity::kDecade}) {
      DateValue v = PeriodOf(d, g);
      ASSERT_LE(v.begin, d);
      ASSERT_GE(v.end, d);
      std::optional<DateValue> back = ParseIsoDate(v.iso);
      ASSERT_TRUE(back.has_value()) << v.iso;
      ASSERT_EQ(back->begin, v.begin) << v.iso;
      ASSERT_EQ(back->end, v.end) << v.iso;
    }
  }
}

TEST(Names, Months) {
  struct {
    const char* text;
    int month;  // 0 = none
  } cases[] = {{"January", 1}, {"jan.", 1},       {"Feb", 2}, {"Sept.", 9},
               {"sep", 9},     {"MAY", 5},        {"12", 12}, {"02", 2},
               {"13", 0},      {"0", 0},          {"Ma", 0},  {"Marc", 0},
               {"", 0},        {"Juneteenth", 0}, {"\xff", 0}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<int> m = ParseMonth(c.text);
    if (c.month == 0) {
      EXPECT_FALSE(m.has_value());
    } else {
      ASSERT_TRUE(m.has_value());
      EXPECT_EQ(*m, c.month);
    }
  }
}

TEST(Names, Weekdays) {
  EXPECT_EQ(ParseWeekday("Sunday's"), absl::Weekday::sunday);
  EXPECT_EQ(ParseWeekday("tues."), absl::Weekday::tuesday);
  EXPECT_EQ(ParseWeekday("THURSDAY"), absl::Weekday::thursday);
  EXPECT_EQ(ParseWeekday("Sat"), absl::Weekday::saturday);
  EXPECT_FALSE(ParseWeekday("Sundays").has_value());
  EXPECT_FALSE(ParseWeekday("").has_value());
  EXPECT_FALSE(ParseWeekday("Funday").has_value());
}

TEST(Tense, NearestCueGoverns) {
  struct {
    const char* sentence;
    const char* at;  // the date's text, located in the sentence
    Tense want;
  } cases[] = {
      {"She met reporters on Monday.", "Monday", Tense::kPast},
      {"They will vote on Friday.", "Friday", Tense::kFuture},
      {"The deal will be signed on March 6.", "March", Tense::kFuture},
      {"The deal was signed on March 6.", "March", Tense::kPast},
      // The future perfect: "been" after "will have" is a "be".
      {"All cars will have been inspected by the end of March.", "March",
       Tense::kFuture},
      {"The line had been closed since March.", "March", Tense::kPast},
      {"On Friday, ministers will meet.", "Friday", Tense::kFuture},
      {"On Friday, ministers met.", "Friday", Tense::kPast},
      {"She said they would vote on Friday.", "Friday", Tense::kFuture},
      {"Crowds gathered ahead of Sunday's vote.", "Sunday", Tense::kFuture},
      {"Talks are set to resume in May.", "May", Tense::kFuture},
      {"Exports peaked in October.", "October", Tense::kPast},
      {"The vote is on Sunday.", "Sunday", Tense::kUnknown},
      {"Friday: a storm front.", "Friday", Tense::kUnknown},
      {"The United Nations meets Friday.", "Friday", Tense::kUnknown},
      {"The team won; the series resumes May 5.", "May", Tense::kUnknown},
      {"It passed; it will take effect on July 1.", "July", Tense::kFuture},
      {"The plant, which closed in 2020, reopened in June.", "June",
       Tense::kPast},
      {"", "", Tense::kUnknown},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sentence);
    std::string s = c.sentence;
    size_t pos = s.find(c.at);
    EXPECT_EQ(DetectTense(s, pos), c.want);
  }
}

TEST(Tense, SurvivesHostileInput) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(i * 37));
  junk += std::string(100000, 'e') + "d will";
  EXPECT_EQ(DetectTense(junk, junk.size()), Tense::kFuture);
  EXPECT_EQ(DetectTense(junk, junk.size() + 100), Tense::kFuture);
  EXPECT_EQ(DetectTense("", 5), Tense::kUnknown);
}

}  // namespace
}  // namespace crosscheck::extract
