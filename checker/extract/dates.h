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
#ifndef CROSSCHECK_CHECKER_EXTRACT_DATES_H_
#define CROSSCHECK_CHECKER_EXTRACT_DATES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/core/types.h"
#include "checker/extract/extractor.h"

namespace crosscheck::extract {

struct DateContext {
  std::optional<absl::CivilDay> reference;  // document "now"
  std::optional<DateValue> anchor;          // last date mentioned
};

// Resolves a kDate match. `sentence` is the sentence containing the match
// (for tense). Updates ctx->anchor when the result is an explicit date.
std::optional<DateValue> ResolveDate(const Rule& rule, const RuleMatch& m,
                                     absl::string_view sentence,
                                     DateContext* ctx);

// Month name or abbreviation ("Jan.", "September") -> 1..12.
std::optional<int> ParseMonth(absl::string_view text);
// Weekday name -> absl::Weekday.
std::optional<absl::Weekday> ParseWeekday(absl::string_view text);

// Formats a DateValue's ISO-like label from its range and granularity.
std::string FormatDate(const DateValue& d);

// Parses an ISO-like label ("2026-02-08", "2026-02", "2024-Q3", "2025-H1",
// "2025", "201X") back into a DateValue (claim JSON, expectations).
std::optional<DateValue> ParseIsoDate(absl::string_view iso);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_DATES_H_
