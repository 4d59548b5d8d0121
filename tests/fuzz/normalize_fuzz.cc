// libFuzzer target: the number, money and date normalizers.
//
// The input is read two ways. Whole, it goes through every string parser
// (ParseNumber, ParseOrdinal, ScaleFactor, CurrencyCode, Singularize,
// IsFraction, ParseIsoDate, ParseMonth, ParseWeekday, DetectTense). Split on
// '|', its fields become the named captures of a date match and of a numeric
// match, which ResolveDate and NormalizeAmount must survive: the rules
// guarantee little about what a capture holds.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::Normalize(data, size);
}
