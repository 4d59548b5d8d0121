// Reference dates from metadata values and from the dateline of an article.
//
// A document's reference date is "now" for the article: relative dates
// ("Monday", "two days later", "next year") are resolved against it, and
// claims dated before it can be superseded. Ingestion reads it from
// metadata first (HTML meta tags, JSON Lines "published"), else from the
// first lines of the text:
//
//   date 2026-02-10                      -> 2026-02-10, "dateline"
//   Published: 2025-03-05                -> 2025-03-05, "dateline"
//   Updated March 5, 2025                -> 2025-03-05, "dateline"
//   By Jane Roe | 5 March 2025           -> 2025-03-05, "dateline"
//   Tuesday, March 4, 2025               -> 2025-03-04, "dateline" (a line
//                                           holding only a date)
//   BRENMOUTH, March 6 (Coastal Times) - -> no day, "dateline-no-year",
//                                           evidence "March 6"; later stages
//                                           infer the year
//
// Example:
//   std::vector<absl::string_view> lines = {"Published: 2025-03-05", "..."};
//   std::optional<ReferenceDate> d = FindDateline(lines);
//   d->day == absl::CivilDay(2025, 3, 5); d->evidence == "Published:
//   2025-03-05"
#ifndef CROSSCHECK_CHECKER_INGEST_DATELINE_H_
#define CROSSCHECK_CHECKER_INGEST_DATELINE_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "checker/core/types.h"

namespace crosscheck::ingest {

// The date part of a timestamp that starts "YYYY-MM-DD" (the rest, e.g.
// "T09:30:00+09:00", is ignored). Nullopt unless it is a real calendar day
// between 1800 and 2200.
std::optional<absl::CivilDay> ParseIsoDatePrefix(absl::string_view s);

// A complete written date: "2025-03-05", "March 5, 2025", "Mar. 5th 2025",
// "5 March 2025", "Wednesday, March 5, 2025", optionally followed by a time.
// Nullopt for anything else, including dates without a year.
std::optional<absl::CivilDay> ParseDateText(absl::string_view s);

// Looks for a dateline in `lines` (normalized text, in document order; only
// the first non-empty ones are examined). Nullopt when none is found.
std::optional<ReferenceDate> FindDateline(
    absl::Span<const absl::string_view> lines);

}  // namespace crosscheck::ingest

#endif  // CROSSCHECK_CHECKER_INGEST_DATELINE_H_
