// libFuzzer target: the JSON codec's claim reader (ClaimFromJson), the path
// every `crosscheck align` input line takes.
//
// A claim that reads must write and read back: ClaimToJson(ClaimFromJson(j))
// is itself readable, and stable after one round.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::ClaimJson(data, size);
}
