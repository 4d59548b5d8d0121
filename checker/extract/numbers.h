// Number normalization: the text of a figure -> a value.
//
//   ParseNumber("12,000") == 12000
//   ParseNumber("twelve thousand") == 12000
//   ParseNumber("1.2bn") == 1.2e9      ParseNumber("a dozen") == 12
//   ParseNumber("two-thirds") == 2.0/3  ParseNumber("3.5 trillion") == 3.5e12
//   ParseOrdinal("third") == 3          ParseOrdinal("21st") == 21
//
// NormalizeAmount turns a rule match's captures into an Amount: num/num2
// (range), scale, cur (currency -> ISO code), unit/noun (counted noun,
// singularized), qual (approximation -> bounds), pct ("percent",
// "percentage points").
#ifndef CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_
#define CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_

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

// Amount for a numeric rule match (kNumber, kMoney, kPercent, kQuantity,
// kDuration). nullopt when the captures do not form a number.
std::optional<Amount> NormalizeAmount(const Rule& rule, const RuleMatch& m);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_NUMBERS_H_
