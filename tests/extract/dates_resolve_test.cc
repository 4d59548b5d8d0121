// ResolveDate on hand-built matches: no dependence on the rule engine or the
// shipped packs, so each reading rule is tested on its own.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "checker/extract/dates.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

using Caps = std::vector<std::pair<std::string, std::string>>;

struct Case {
  const char* name;
  Caps caps;
  const char* sentence;
  const char* reference;  // "" = none
  const char* anchor;     // iso label, "" = none
  const char* iso;        // "" = expect nullopt
  const char* granularity;
  const char* begin = "";  // checked when set
  const char* end = "";
};

Rule DateRule() {
  Rule r;
  r.id = "date.test";
  r.family = "date";
  r.kind = MentionKind::kDate;
  return r;
}

std::optional<DateValue> ResolveCase(const Case& c, DateContext* ctx) {
  static const Rule rule = DateRule();
  RuleMatch m;
  m.rule = &rule;
  m.captures = c.caps;
  return ResolveDate(rule, m, c.sentence, ctx);
}

DateContext MakeContext(const Case& c) {
  DateContext ctx;
  if (*c.reference != '\0') {
    absl::CivilDay d;
    EXPECT_TRUE(absl::ParseCivilTime(c.reference, &d)) << c.reference;
    ctx.reference = d;
  }
  if (*c.anchor != '\0') {
    ctx.anchor = ParseIsoDate(c.anchor);
    EXPECT_TRUE(ctx.anchor.has_value()) << c.anchor;
  }
  return ctx;
}

// Reference 2026-02-10 is a Tuesday throughout.
const Case kCases[] = {
    // --- Weekdays by tense.
    {"possessive-sunday",
     {{"weekday", "Sunday's"}},
     "He called the win in Sunday's lower-house election a turning point.",
     "2026-02-10",
     "",
     "2026-02-08",
     "day"},
    {"past-monday",
     {{"weekday", "Monday"}},
     "At a news conference Monday, the minister said little.",
     "2026-02-10",
     "",
     "2026-02-09",
     "day"},
    {"future-friday",
     {{"weekday", "Friday"}},
     "The two leaders will meet on Friday in Geneva.",
     "2026-02-10",
     "",
     "2026-02-13",
     "day"},
    {"past-friday",
     {{"weekday", "Friday"}},
     "The two leaders met on Friday in Geneva.",
     "2026-02-10",
     "",
     "2026-02-06",
     "day"},
    {"same-day-past",
     {{"weekday", "Tuesday"}},
     "The bank announced the cut on Tuesday.",
     "2026-02-10",
     "",
     "2026-02-10",
     "day"},
    {"same-day-future",
     {{"weekday", "Tuesday"}},
     "Results are expected on Tuesday evening.",
     "2026-02-10",
     "",
     "2026-02-10",
     "day"},
    {"last-tuesday",
     {{"rel", "last"}, {"weekday", "Tuesday"}},
     "Talks broke down last Tuesday.",
     "2026-02-10",
     "",
     "2026-02-03",
     "day"},
    {"next-monday",
     {{"rel", "next"}, {"weekday", "Monday"}},
     "Schools reopen next Monday.",
     "2026-02-10",
     "",
     "2026-02-16",
     "day"},
    {"this-sunday",
     {{"rel", "this"}, {"weekday", "Sunday"}},
     "Polls open this Sunday.",
     "2026-02-10",
     "",
     "2026-02-15",
     "day"},
    {"this-coming-friday",
     {{"rel", "this coming"}, {"weekday", "Friday"}},
     "The union walks out this coming Friday.",
     "2026-02-13",
     "",
     "2026-02-13",
     "day"},
    {"ahead-of-possessive",
     {{"weekday", "Sunday's"}},
     "Parties rallied supporters ahead of Sunday's runoff.",
     "2026-02-10",
     "",
     "2026-02-15",
     "day"},
    {"following-monday-anchor",
     {{"rel", "the following"}, {"weekday", "Monday"}},
     "Parliament convened the following Monday.",
     "2026-02-10",
     "2026-01-15",
     "2026-01-19",
     "day"},
    {"weekday-no-reference",
     {{"weekday", "Monday"}},
     "They met Monday.",
     "",
     "",
     "",
     ""},
    {"weekday-abbrev",
     {{"weekday", "Wed."}},
     "Markets fell sharply on Wed. after the report.",
     "2026-02-10",
     "",
     "2026-02-04",
     "day"},

    // --- Month-day and month without a year.
    {"month-day-past",
     {{"month", "February"}, {"day", "8th"}},
     "She met reporters on February 8th.",
     "2026-02-10",
     "",
     "2026-02-08",
     "day"},
    {"month-day-past-moves-back",
     {{"month", "March"}, {"day", "6"}},
     "The ceasefire was signed on March 6.",
     "2026-02-10",
     "",
     "2025-03-06",
     "day"},
    {"month-day-future",
     {{"month", "March"}, {"day", "6"}},
     "The ceasefire will be signed on March 6.",
     "2026-02-10",
     "",
     "2026-03-06",
     "day"},
    {"month-day-future-moves-ahead",
     {{"month", "Jan."}, {"day", "5"}},
     "The new tariff takes effect Jan. 5 and will apply to steel.",
     "2026-02-10",
     "",
     "2027-01-05",
     "day"},
    {"month-day-abbrev-past",
     {{"month", "Jan."}, {"day", "26"}},
     "In a post on Jan. 26, the president said he would act.",
     "2026-02-10",
     "",
     "2026-01-26",
     "day"},
    {"month-day-no-cue-nearest",
     {{"month", "Dec."}, {"day", "30"}},
     "Dec. 30: a storm front over the coast.",
     "2026-01-03",
     "",
     "2025-12-30",
     "day"},
    {"month-day-no-reference",
     {{"month", "February"}, {"day", "8"}},
     "She met reporters on February 8.",
     "",
     "",
     "",
     ""},
    {"month-past",
     {{"month", "October"}},
     "Inflation peaked in October.",
     "2026-02-10",
     "",
     "2025-10",
     "month"},
    {"month-future",
     {{"month", "October"}},
     "An election is scheduled for October.",
     "2026-02-10",
     "",
     "2026-10",
     "month"},
    {"month-current-past",
     {{"month", "February"}},
     "Exports slowed in February.",
     "2026-02-10",
     "",
     "2026-02",
     "month"},
    {"last-december-year-boundary",
     {{"rel", "last"}, {"month", "December"}},
     "Prices jumped last December.",
     "2026-01-03",
     "",
     "2025-12",
     "month"},
    {"next-march",
     {{"rel", "next"}, {"month", "March"}},
     "Hearings resume next March.",
     "2026-02-10",
     "",
     "2026-03",
     "month"},
    {"early-march",
     {{"part", "early"}, {"month", "March"}, {"year", "2026"}},
     "in early March 2026",
     "",
     "",
     "2026-03",
     "month",
     "2026-03-01",
     "2026-03-10"},
    {"late-feb-leap",
     {{"part", "late"}, {"month", "Feb"}, {"year", "2024"}},
     "in late Feb 2024",
     "",
     "",
     "2024-02",
     "month",
     "2024-02-19",
     "2024-02-29"},

    // --- Full dates and validation.
    {"full-date",
     {{"month", "February"}, {"day", "10"}, {"year", "2026"}},
     "",
     "",
     "",
     "2026-02-10",
     "day"},
    {"full-date-numeric-month",
     {{"year", "2026"}, {"month", "02"}, {"day", "10"}},
     "",
     "",
     "",
     "2026-02-10",
     "day"},
    {"leap-day-ok",
     {{"month", "February"}, {"day", "29"}, {"year", "2024"}},
     "",
     "",
     "",
     "2024-02-29",
     "day"},
    {"leap-day-bad",
     {{"month", "February"}, {"day", "29"}, {"year", "2025"}},
     "",
     "",
     "",
     "",
     ""},
    {"leap-day-past-no-year",
     {{"month", "Feb."}, {"day", "29"}},
     "The law passed on Feb. 29.",
     "2025-06-01",
     "",
     "2024-02-29",
     "day"},
    {"day-32",
     {{"month", "March"}, {"day", "32"}},
     "",
     "2026-02-10",
     "",
     "",
     ""},
    {"april-31",
     {{"month", "April"}, {"day", "31"}, {"year", "2026"}},
     "",
     "",
     "",
     "",
     ""},
    {"month-13",
     {{"month", "13"}, {"day", "1"}, {"year", "2026"}},
     "",
     "",
     "",
     "",
     ""},
    {"month-year",
     {{"month", "October"}, {"year", "2022"}},
     "",
     "",
     "",
     "2022-10",
     "month"},

    // --- Years, ranges, parts.
    {"year", {{"year", "2014"}}, "since 2014", "", "", "2014", "year"},
    {"year-comma-not-year", {{"year", "2,026"}}, "", "", "", "", ""},
    {"year-too-late", {{"year", "3000"}}, "", "", "", "", ""},
    {"year-too-early", {{"year", "1200"}}, "", "", "", "", ""},
    {"year-range-short",
     {{"year", "1910"}, {"year2", "45"}},
     "",
     "",
     "",
     "1910/1945",
     "year",
     "1910-01-01",
     "1945-12-31"},
    {"year-range-full",
     {{"year", "1939"}, {"year2", "1945"}},
     "",
     "",
     "",
     "1939/1945",
     "year"},
    {"year-range-rollover",
     {{"year", "1998"}, {"year2", "02"}},
     "",
     "",
     "",
     "1998/2002",
     "year"},
    {"year-range-descending",
     {{"year", "2024"}, {"year2", "2020"}},
     "",
     "",
     "",
     "",
     ""},
    {"early-2025",
     {{"part", "early"}, {"year", "2025"}},
     "",
     "",
     "",
     "2025",
     "year",
     "2025-01-01",
     "2025-04-30"},
    {"mid-2025",
     {{"part", "mid-"}, {"year", "2025"}},
     "",
     "",
     "",
     "2025",
     "year",
     "2025-05-01",
     "2025-08-31"},
    {"end-of-2025",
     {{"part", "the end of"}, {"year", "2025"}},
     "",
     "",
     "",
     "2025",
     "year",
     "2025-09-01",
     "2025-12-31"},

    // --- Quarters and halves.
    {"q3-2024",
     {{"quarter", "Q3"}, {"year", "2024"}},
     "",
     "",
     "",
     "2024-Q3",
     "quarter",
     "2024-07-01",
     "2024-09-30"},
    {"third-quarter-of",
     {{"quarter", "third"}, {"year", "2024"}},
     "",
     "",
     "",
     "2024-Q3",
     "quarter"},
    {"3q24",
     {{"quarter", "3Q"}, {"year", "24"}},
     "",
     "",
     "",
     "2024-Q3",
     "quarter"},
    {"q5-bad", {{"quarter", "Q5"}, {"year", "2024"}}, "", "", "", "", ""},
    {"quarter-no-year",
     {{"quarter", "fourth"}},
     "fourth-quarter profit",
     "2026-02-10",
     "",
     "2026-Q4",
     "quarter"},
    {"quarter-past-moves-back",
     {{"quarter", "fourth"}},
     "Profit fell in the fourth quarter.",
     "2026-02-10",
     "",
     "2025-Q4",
     "quarter"},
    {"h1-2025",
     {{"half", "H1"}, {"year", "2025"}},
     "",
     "",
     "",
     "2025-H1",
     "half",
     "2025-01-01",
     "2025-06-30"},
    {"second-half",
     {{"half", "second"}, {"year", "2025"}},
     "",
     "",
     "",
     "2025-H2",
     "half"},
    {"first-half-no-year-future",
     {{"half", "first"}},
     "Deliveries will start in the first half.",
     "2026-02-10",
     "",
     "2026-H1",
     "half"},

    // --- Decades.
    {"decade-1990s",
     {{"decade", "1990s"}},
     "",
     "",
     "",
     "199X",
     "decade",
     "1990-01-01",
     "1999-12-31"},
    {"decade-apostrophe",
     {{"decade", "'90s"}},
     "",
     "2026-02-10",
     "",
     "199X",
     "decade"},
    {"decade-word", {{"decade", "nineties"}}, "", "", "", "199X", "decade"},
    {"decade-2020s", {{"decade", "2020s"}}, "", "", "", "202X", "decade"},
    {"decade-early",
     {{"part", "early"}, {"decade", "1980s"}},
     "",
     "",
     "",
     "198X",
     "decade",
     "1980-01-01",
     "1983-12-31"},
    {"decade-century-skipped", {{"decade", "1800s"}}, "", "", "", "", ""},

    // --- Relative to the anchor.
    {"two-days-later",
     {{"count", "two"}, {"unit", "days"}, {"dir", "later"}},
     "what would unfold two days later",
     "",
     "2026-02-08",
     "2026-02-10",
     "day"},
    {"three-weeks-earlier",
     {{"count", "three"}, {"unit", "weeks"}, {"dir", "earlier"}},
     "",
     "2026-02-10",
     "2026-03-01",
     "2026-02-08",
     "day"},
    {"a-month-later",
     {{"count", "a"}, {"unit", "month"}, {"dir", "later"}},
     "",
     "",
     "2026-01-31",
     "2026-02",
     "month"},
    {"later-from-month-anchor",
     {{"count", "two"}, {"unit", "months"}, {"dir", "later"}},
     "",
     "",
     "2024-11",
     "2025-01",
     "month"},
    {"later-no-anchor-uses-reference",
     {{"count", "2"}, {"unit", "days"}, {"dir", "later"}},
     "",
     "2026-02-10",
     "",
     "2026-02-12",
     "day"},
    {"later-nothing",
     {{"count", "2"}, {"unit", "days"}, {"dir", "later"}},
     "",
     "",
     "",
     "",
     ""},
    {"the-next-day",
     {{"rel", "the next"}, {"unit", "day"}},
     "",
     "2026-02-10",
     "2025-12-31",
     "2026-01-01",
     "day"},
    {"the-day-before",
     {{"unit", "day"}, {"dir", "before"}},
     "",
     "",
     "2026-03-01",
     "2026-02-28",
     "day"},
    {"the-following-week",
     {{"rel", "the following"}, {"unit", "week"}},
     "",
     "",
     "2026-02-08",
     "2026-W07",
     "week",
     "2026-02-09",
     "2026-02-15"},
    {"the-previous-week",
     {{"rel", "the previous"}, {"unit", "week"}},
     "",
     "2026-02-10",
     "",
     "2026-W06",
     "week"},

    // --- Relative to now.
    {"yesterday",
     {{"rel", "yesterday"}},
     "",
     "2026-03-01",
     "",
     "2026-02-28",
     "day"},
    {"tomorrow-year-end",
     {{"rel", "Tomorrow"}},
     "",
     "2025-12-31",
     "",
     "2026-01-01",
     "day"},
    {"today-ignores-anchor",
     {{"rel", "today"}},
     "",
     "2026-02-10",
     "2020-05-05",
     "2026-02-10",
     "day"},
    {"last-year",
     {{"rel", "last"}, {"unit", "year"}},
     "",
     "2026-02-10",
     "2020-05-05",
     "2025",
     "year"},
    {"next-month",
     {{"rel", "next"}, {"unit", "month"}},
     "",
     "2026-12-15",
     "",
     "2027-01",
     "month"},
    {"this-week",
     {{"rel", "this"}, {"unit", "week"}},
     "",
     "2026-02-10",
     "",
     "2026-W07",
     "week",
     "2026-02-09",
     "2026-02-15"},
    {"this-week-iso-year",
     {{"rel", "this"}, {"unit", "week"}},
     "",
     "2027-01-01",
     "",
     "2026-W53",
     "week"},
    {"a-year-ago",
     {{"count", "a"}, {"unit", "year"}, {"dir", "ago"}},
     "",
     "2026-02-10",
     "2026-01-01",
     "2025",
     "year"},
    {"two-days-ago",
     {{"count", "two"}, {"unit", "days"}, {"dir", "ago"}},
     "",
     "2026-03-01",
     "",
     "2026-02-27",
     "day"},
    {"late-last-year",
     {{"part", "late"}, {"rel", "last"}, {"unit", "year"}},
     "",
     "2026-02-10",
     "",
     "2025",
     "year",
     "2025-09-01",
     "2025-12-31"},
    {"last-quarter",
     {{"rel", "last"}, {"unit", "quarter"}},
     "",
     "2026-02-10",
     "",
     "2025-Q4",
     "quarter"},
    {"bad-count",
     {{"count", "several"}, {"unit", "days"}, {"dir", "later"}},
     "",
     "2026-02-10",
     "",
     "",
     ""},
    {"offset-out-of-range",
     {{"count", "10000"}, {"unit", "decades"}, {"dir", "later"}},
     "",
     "2026-02-10",
     "",
     "",
     ""},
    {"bad-unit",
     {{"count", "two"}, {"unit", "innings"}, {"dir", "later"}},
     "",
     "2026-02-10",
     "",
     "",
     ""},

    // --- Nothing to read.
    {"empty", {}, "", "2026-02-10", "", "", ""},
    {"garbage",
     {{"month", "\xff\xfe"}, {"day", "\x01"}},
     "\xff",
     "2026-02-10",
     "",
     "",
     ""},
};

class ResolveDateTest : public testing::TestWithParam<Case> {};

TEST_P(ResolveDateTest, Resolves) {
  const Case& c = GetParam();
  DateContext ctx = MakeContext(c);
  std::optional<DateValue> v = ResolveCase(c, &ctx);
  if (*c.iso == '\0') {
    EXPECT_FALSE(v.has_value()) << "got " << (v ? v->iso : "");
    return;
  }
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->iso, c.iso);
  EXPECT_EQ(GranularityName(v->granularity), c.granularity);
  if (*c.begin != '\0') {
    EXPECT_EQ(absl::FormatCivilTime(v->begin), c.begin);
  }
  if (*c.end != '\0') {
    EXPECT_EQ(absl::FormatCivilTime(v->end), c.end);
  }
  EXPECT_LE(v->begin, v->end);
}

INSTANTIATE_TEST_SUITE_P(Cases, ResolveDateTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) {
                           std::string n = info.param.name;
                           for (char& ch : n) {
                             if (!isalnum(static_cast<unsigned char>(ch))) {
                               ch = '_';
                             }
                           }
                           return n;
                         });

TEST(ResolveDateAnchor, ExplicitDatesMoveTheAnchorRelativeOnesDoNot) {
  static const Rule rule = DateRule();
  DateContext ctx;
  ctx.reference = absl::CivilDay(2026, 2, 10);
  RuleMatch explicit_day;
  explicit_day.rule = &rule;
  explicit_day.captures = {{"month", "February"}, {"day", "8th"}};
  ASSERT_TRUE(
      ResolveDate(rule, explicit_day, "She met them on February 8th.", &ctx));
  ASSERT_TRUE(ctx.anchor.has_value());
  EXPECT_EQ(ctx.anchor->iso, "2026-02-08");

  RuleMatch later;
  later.rule = &rule;
  later.captures = {{"count", "two"}, {"unit", "days"}, {"dir", "later"}};
  std::optional<DateValue> v = ResolveDate(rule, later, "", &ctx);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->iso, "2026-02-10");
  EXPECT_TRUE(v->relative);
  EXPECT_EQ(ctx.anchor->iso, "2026-02-08");  // unchanged

  RuleMatch weekday;
  weekday.rule = &rule;
  weekday.captures = {{"weekday", "Monday"}};
  ASSERT_TRUE(ResolveDate(rule, weekday, "They met Monday.", &ctx));
  EXPECT_EQ(ctx.anchor->iso, "2026-02-08");

  RuleMatch year;
  year.rule = &rule;
  year.captures = {{"year", "2027"}};
  ASSERT_TRUE(ResolveDate(rule, year, "by 2027", &ctx));
  EXPECT_EQ(ctx.anchor->iso, "2026-02-08");  // coarse dates are scopes

  RuleMatch month_year;
  month_year.rule = &rule;
  month_year.captures = {{"month", "November"}, {"year", "2024"}};
  ASSERT_TRUE(ResolveDate(rule, month_year, "In November 2024", &ctx));
  EXPECT_EQ(ctx.anchor->iso, "2024-11");
}

TEST(ResolveDateAnchor, NullContextIsSafe) {
  static const Rule rule = DateRule();
  RuleMatch m;
  m.rule = &rule;
  m.captures = {{"month", "May"}, {"day", "1"}, {"year", "2026"}};
  std::optional<DateValue> v = ResolveDate(rule, m, "", nullptr);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->iso, "2026-05-01");
  m.captures = {{"rel", "yesterday"}};
  EXPECT_FALSE(ResolveDate(rule, m, "", nullptr));
}

TEST(ResolveDateHostile, NeverCrashesAndRangesStayOrdered) {
  // Every capture name with values that are empty, huge, binary, invalid
  // UTF-8, out of range or merely odd; resolution must fail cleanly or give
  // an ordered range with a label that parses back.
  static const Rule rule = DateRule();
  const std::string names[] = {"year",    "year2", "month", "day",    "weekday",
                               "quarter", "half",  "part",  "decade", "rel",
                               "count",   "dir",   "unit"};
  const std::string values[] = {"",
                                "0",
                                "-1",
                                "99999999999999999999",
                                "2026",
                                "24",
                                "'90s",
                                "1800s",
                                "Q9",
                                "H0",
                                "last",
                                "the next",
                                "10000",
                                "9999",
                                "decades",
                                "\xff\xfe",
                                std::string(1, '\0'),
                                std::string(100000, '9'),
                                "February",
                                "31st",
                                "early",
                                "ago",
                                "later",
                                "Sunday's",
                                "1e308",
                                "nan",
                                "inf",
                                "a couple of"};
  DateContext ctx;
  ctx.reference = absl::CivilDay(2026, 2, 10);
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  for (int i = 0; i < 4000; ++i) {
    RuleMatch m;
    m.rule = &rule;
    int k = 1 + static_cast<int>(next() % 4);
    for (int j = 0; j < k; ++j) {
      m.captures.emplace_back(names[next() % std::size(names)],
                              values[next() % std::size(values)]);
    }
    if (next() % 3 == 0) ctx.anchor.reset();
    std::optional<DateValue> v =
        ResolveDate(rule, m, values[next() % std::size(values)], &ctx);
    if (v) {
      ASSERT_LE(v->begin, v->end);
      ASSERT_TRUE(ParseIsoDate(v->iso).has_value()) << v->iso;
    }
  }
}

}  // namespace
}  // namespace crosscheck::extract
