#include "checker/ingest/dateline.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck::ingest {
namespace {

TEST(DatelineTest, FindsDatelines) {
  struct {
    std::vector<absl::string_view> lines;
    std::optional<absl::CivilDay> day;
    const char* provenance;
    const char* evidence;
  } cases[] = {
      {{" date 2026-02-10 The harbour reopened on schedule."},
       absl::CivilDay(2026, 2, 10),
       "dateline",
       "date 2026-02-10"},
      {{"Published: 2025-03-05"},
       absl::CivilDay(2025, 3, 5),
       "dateline",
       "Published: 2025-03-05"},
      {{"Headline here", "Updated March 5, 2025"},
       absl::CivilDay(2025, 3, 5),
       "dateline",
       "Updated March 5, 2025"},
      {{"By Jane Roe | March 5, 2025"},
       absl::CivilDay(2025, 3, 5),
       "dateline",
       "March 5, 2025"},
      {{"By Jane Roe, 5 March 2025"},
       absl::CivilDay(2025, 3, 5),
       "dateline",
       "5 March 2025"},
      {{"Wednesday, Sept. 3rd, 2025"},
       absl::CivilDay(2025, 9, 3),
       "dateline",
       "Wednesday, Sept. 3rd, 2025"},
      {{"March 5, 2025 at 10:30 a.m. CET"},
       absl::CivilDay(2025, 3, 5),
       "dateline",
       "March 5, 2025"},
      {{"BRENMOUTH, March 6 (Coastal Times) - The port said..."},
       std::nullopt,
       "dateline-no-year",
       "March 6"},
      {{"OSLO, Jan. 9, 2024 (Wire) - Talks resumed."},
       absl::CivilDay(2024, 1, 9),
       "dateline",
       "Jan. 9, 2024"},
  };
  for (const auto& c : cases) {
    std::optional<ReferenceDate> got = FindDateline(c.lines);
    ASSERT_TRUE(got.has_value()) << c.lines[0];
    EXPECT_EQ(got->day, c.day) << c.lines[0];
    EXPECT_EQ(got->provenance, c.provenance) << c.lines[0];
    EXPECT_EQ(got->evidence, c.evidence) << c.lines[0];
  }
}

TEST(DatelineTest, IgnoresNonDatelines) {
  const std::vector<std::vector<absl::string_view>> cases = {
      {"In November 2024, the minister travelled to the capital."},
      {"On March 5, 2025, the ministry said it would act."},
      {"Published: 2025-02-30"},  // not a real day
      {"The plan was scheduled for Q3 2024."},
      {""},
      {},
  };
  for (const auto& lines : cases) {
    EXPECT_FALSE(FindDateline(lines).has_value())
        << (lines.empty() ? "" : lines[0]);
  }
}

TEST(DatelineTest, OnlyTheFirstLines) {
  std::vector<absl::string_view> lines(20, "Some body text without a date.");
  lines.push_back("Published: 2025-03-05");
  EXPECT_FALSE(FindDateline(lines).has_value());
}

TEST(DatelineTest, ParseDates) {
  struct {
    const char* in;
    std::optional<absl::CivilDay> want;
  } cases[] = {
      {"2025-03-05", absl::CivilDay(2025, 3, 5)},
      {"2025-03-05T09:30:00Z", absl::CivilDay(2025, 3, 5)},
      {"March 5, 2025", absl::CivilDay(2025, 3, 5)},
      {"5 Mar 2025", absl::CivilDay(2025, 3, 5)},
      {"2024-02-29", absl::CivilDay(2024, 2, 29)},
      {"2023-02-29", std::nullopt},
      {"2025-13-01", std::nullopt},
      {"March 5", std::nullopt},
      {"yesterday", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) {
    std::optional<absl::CivilDay> got = ParseIsoDatePrefix(c.in);
    if (!got) got = ParseDateText(c.in);
    EXPECT_EQ(got, c.want) << c.in;
  }
  EXPECT_FALSE(ParseIsoDatePrefix("20250-03-05").has_value());
  EXPECT_FALSE(ParseIsoDatePrefix("2025-03-051").has_value());
}

}  // namespace
}  // namespace crosscheck::ingest
