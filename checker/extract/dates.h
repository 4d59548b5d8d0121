// Date normalization: a date rule match -> a DateValue with granularity.
//
// Everything resolves against a DateContext: the document's reference date
// ("now" for the article) and the anchor (the last explicit date mentioned,
// for "two days later" / "the previous week"). Weekdays follow tense:
// "Sunday's election" in a report dated Tuesday 2026-02-10 is 2026-02-08 (the
// most recent Sunday), "on Monday" likewise in a past-tense sentence; "next
// Monday" or a future-tense sentence looks ahead. A month without a year
// takes the reference year, moved back a year when that would put a
// past-tense mention in the future (Duckling #29's pitfall).
//
//   DateContext ctx{.reference = absl::CivilDay(2026, 2, 10)};
//   ResolveDate(rule, match, sentence, &ctx)->iso == "2026-02-08"
//
// Captures read by ResolveDate (all optional, matched case-insensitively):
//   year     "2026", "'24", "24" (two digits: 20yy below 50, else 19yy)
//   year2    end of a year range: "1945", or "45" in "1910-45"
//   month    "February", "Feb.", "Sept", "2"
//   day      "8", "08", "8th"
//   weekday  "Sunday", "Sunday's", "Tues."
//   quarter  "Q3", "3Q", "third", "3rd", "final"
//   half     "H1", "1H", "first", "second", "latter"
//   part     "early"/"beginning"/"start", "mid"/"middle", "late"/"end":
//            narrows the range to a third, keeps granularity and iso label
//   decade   "1990s", "'90s", "nineties", "noughties"
//   rel      "yesterday", "today", "tomorrow", "the day before yesterday",
//            or a modifier of unit/weekday/month: "last", "next", "this",
//            "this coming", "this past", "the following", "the previous"...
//   count    "two", "a", "3" (with unit and dir: "two days later")
//   dir      later/after/on, earlier/before/prior, ago, from now/hence
//   unit     day, week, fortnight, month, quarter, year, decade (plural ok)
//
// ISO-like labels (DateValue::iso) by granularity:
//   day 2026-02-08 · week 2026-W06 (ISO week) · month 2026-02 ·
//   quarter 2024-Q3 · half 2025-H1 · year 2025 · year range 1910/1945 ·
//   decade 199X
// "early 2025" keeps iso "2025" and granularity year, with the range
// narrowed to 2025-01-01..2025-04-30 (thirds: by months for quarters,
// halves and years; by days for months and weeks; 0-3/4-6/7-9 for decades).
//
// Resolution rules:
// * Tense is read from the sentence (DetectTense): the tense word nearest
//   before the date, else the nearest after it, within the date's clause
//   (a semicolon ends one). "will", "plans", "scheduled", "is set to",
//   "ahead of", "would" read future; "was", "said", "met", irregular past
//   forms, other -ed verbs and "ago" read past; a participle after "be"
//   ("will be signed") takes the auxiliary's tense.
// * A month, month-day, quarter or half without a year takes the reference
//   year. In a past-tense sentence it is the latest such period that has
//   begun by the reference date (so it moves back a year when it would lie
//   ahead); in a future-tense sentence, the earliest that has not ended.
//   With no tense cue, the candidate (reference year -1, 0, +1) nearest the
//   reference date. "last December" is the latest December before the
//   reference month, "next March" the first after it, "this June" the
//   reference year's.
// * Weekdays: "last Tuesday" / "this past Tuesday" is the most recent
//   Tuesday strictly before the reference date; "next Friday" the first
//   strictly after it; "this Friday" / "this coming Friday" on or after it.
//   Without a modifier, a future-tense sentence takes the first such day on
//   or after the reference date; otherwise (past, possessive "Sunday's",
//   or no cue: news reports mostly look back) the most recent on or before
//   it. The same day counts: "on Tuesday" in a Tuesday report is that day.
//   "the following Monday" / "the previous Monday" count from the anchor.
//   A weekday beside a full date ("Tuesday, Feb. 10, 2026") is ignored.
// * Offsets from the anchor: "two days later", "a week earlier", "the next
//   day", "the day before", "the following week", "the previous month" use
//   ctx->anchor when set, else the reference date. Offsets from now: "two
//   days ago", "in three weeks", "yesterday", "last year", "next month",
//   "this week" use the reference date. A counted offset is a point: days
//   and weeks give a day, months a month, years a year (never finer than
//   the base). An uncounted one ("the following week") is the adjacent
//   period of that unit.
// * A year, month-day or quarter needed but unknown (no reference date for
//   "February 8th", no anchor or reference for "two days later") gives
//   nullopt: the claims stage re-runs extraction once it has inferred a
//   reference date.
// * Validation, against numbers misread as dates (chrono #562): a year
//   alone must lie in 1800..2100 (1000..2999 with a month), written as
//   digits without separators ("2,026" is not a year); months 1..12; the
//   day must exist in its month (Feb 29 only in leap years); year ranges
//   must ascend and span at most 200 years ("1-0" is a score); results
//   outside years 1000..9999 are dropped. Which bare numbers are years at
//   all is the rules' business (rules/date.json requires context: "in
//   2014").
// * Anchor: an explicit (non-relative) date of day or month granularity
//   becomes ctx->anchor ("February 8th" with its inferred year, "November
//   2024"). Relative ones (weekdays, "two days later") and coarse ones
//   ("by 2027", "Q3 2024": usually scopes, not events) leave it unchanged.
// * Quarters and halves with "this/last/next year" move the year, not the
//   period: "the second half of next year" is H2 of reference year + 1.
#ifndef CROSSCHECK_CHECKER_EXTRACT_DATES_H_
#define CROSSCHECK_CHECKER_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/core/types.h"
#include "checker/extract/extractor.h"

namespace crosscheck::extract {

struct DateContext {
  std::optional<absl::CivilDay> reference;  // document "now"
  std::optional<DateValue> anchor;          // last explicit date mentioned
};

// Resolves a kDate match. `sentence` is the sentence containing the match
// (for tense). Updates ctx->anchor when the result is an explicit date.
// `ctx` may be null (no reference, no anchor).
std::optional<DateValue> ResolveDate(const Rule& rule, const RuleMatch& m,
                                     absl::string_view sentence,
                                     DateContext* ctx);

// Month name or abbreviation ("Jan.", "September", "sept") or number
// ("2", "02") -> 1..12.
std::optional<int> ParseMonth(absl::string_view text);
// Weekday name or abbreviation ("Monday", "Mon.", "Sunday's") ->
// absl::Weekday.
std::optional<absl::Weekday> ParseWeekday(absl::string_view text);

enum class Tense { kUnknown, kPast, kFuture };
// The tense governing byte offset `pos` of `sentence`: the nearest tense
// word before `pos`, else the nearest after it (see the rules above).
//   DetectTense("She met reporters on Monday", 20) == Tense::kPast
//   DetectTense("They will vote on Friday", 17) == Tense::kFuture
Tense DetectTense(absl::string_view sentence, size_t pos);

// The period of granularity `g` containing `day` (week: ISO, Monday to
// Sunday), with its iso label.
DateValue PeriodOf(absl::CivilDay day, Granularity g);

// Formats a DateValue's ISO-like label from its range and granularity.
std::string FormatDate(const DateValue& d);

// Parses an ISO-like label ("2026-02-08", "2026-W06", "2026-02", "2024-Q3",
// "2025-H1", "2025", "1910/1945", "201X") back into a DateValue (claim JSON,
// expectations). FormatDate(*ParseIsoDate(s)) == s for every valid label.
std::optional<DateValue> ParseIsoDate(absl::string_view iso);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_DATES_H_
