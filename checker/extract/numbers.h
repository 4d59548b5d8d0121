// Number normalization: the text of a figure -> a value.
//
//   ParseNumber("12,000") == 12000
//   ParseNumber("twelve thousand") == 12000
//   ParseNumber("1.2bn") == 1.2e9      ParseNumber("a dozen") == 12
//   ParseNumber("two-thirds") == 2.0/3  ParseNumber("3.5 trillion") == 3.5e12
//   ParseOrdinal("third") == 3          ParseOrdinal("21st") == 21
//
// NormalizeAmount turns a rule match's captures into an Amount:
//   num, num2   figure and range end ("1910-45": the end takes the start's
//               century, 1945; a score such as "3-1", where the end is not
//               above the start, and a phone-shaped 3+4 digit pair are
//               rejected); value = midpoint, low/high = the ends
//   scale       multiplies num (and num2 unless scale2 is given); scale2
//               multiplies num2 (and num when it has no scale: "30 to 40
//               billion")
//   cur         currency -> ISO code, dimension "currency" (no conversion)
//   pct         "%", "percent", "per cent" -> unit "%" dimension "percent";
//               "percentage points", "pp", "points" -> unit "pp" dimension
//               "percentage-points" (bare "points" above 100 is rejected: an
//               index or a score); "basis points" / "bps" -> pp / 100
//   unit        measurement unit -> canonical unit and dimension ("km",
//               "distance"); time units give "duration" and are rejected for
//               kQuantity (durations belong to the date rules)
//   noun        counted noun phrase; the last word, singularized, is the
//               unit ("North Korean soldiers" -> "soldier", dimension
//               "count"); a phrase containing a function word is rejected
//               ("2,000 were killed")
//   ord         rank ("third-largest" -> 3, dimension "rank")
//   qual        approximation word -> bounds, and the qualifier key:
//     about, around, roughly, approximately, some, circa, (an) estimated
//                                           -> "about"      [0.95v, 1.05v]
//     nearly, almost, close to, just under  -> "nearly"     [0.9v, v]
//     just over, slightly more than         -> "just-over"  [v, 1.1v]
//     more than, over, above, upwards of, in excess of
//                                           -> "more-than"  [v, +inf]
//     at least, no fewer/less than, a minimum of
//                                           -> "at-least"   [v, +inf]
//     up to, as many as, as much as, at most, no more than
//                                           -> "up-to"      [0, v]
//     fewer than, less than, under, below   -> "less-than"  [0, v]
// A bare year (1900-2100, four digits, no unit, currency or scale) is a
// date, not a figure: NormalizeAmount returns nullopt for it.
#ifndef CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_
#define CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/extract/extractor.h"

namespace crosscheck::extract {

std::optional<double> ParseNumber(absl::string_view text);
std::optional<int> ParseOrdinal(absl::string_view text);
// "billion", "bn", "m", "k", "trillion", "million" -> multiplier.
std::optional<double> ScaleFactor(absl::string_view word);
// "$", "US$", "USD", "dollars", "€", "euro", "¥", "yen", "won" -> ISO 4217.
std::optional<std::string> CurrencyCode(absl::string_view text);

// "soldiers" -> "soldier", "people" -> "person", "casualties" -> "casualty",
// "fishermen" -> "fisherman"; lowercased. Words that are not plural come
// back lowercased.
std::string Singularize(absl::string_view word);

// True when ParseNumber reads `text` as a fraction or ratio ("two-thirds",
// "one in five", "1/3", "half").
bool IsFraction(absl::string_view text);

// Amount for a numeric rule match (kNumber, kMoney, kPercent, kQuantity,
// kDuration). nullopt when the captures do not form a number.
std::optional<Amount> NormalizeAmount(const Rule& rule, const RuleMatch& m);

// Exposed for tests: hand-written matchers that replaced regular
// expressions on the hot path (RE2 full matches with captures cost a few
// thousand instructions per figure).
namespace internal {

// Length of the figure that starts `s` (sign and fraction allowed, commas
// only between groups of three digits: "-12,000.5"), or npos when `s` does
// not start with one or goes on the way no figure can ("1,23", "1234,5",
// "3."). Equals s.size() exactly when RE2::FullMatch(s,
// "[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?").
size_t FigurePrefix(absl::string_view s);

// RE2::FullMatch(s, "([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) ?"
// "([a-z]+\.?)?", figure, suffix): "1.2bn" -> "1.2", "bn"; "3 m." -> "3",
// "m."; "12" -> "12", "".
bool SplitFigureSuffix(absl::string_view s, absl::string_view* figure,
                       absl::string_view* suffix);

}  // namespace internal

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_
