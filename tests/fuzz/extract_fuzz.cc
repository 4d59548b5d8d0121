// libFuzzer target: the extractor (Extractor::FindMentionsInText) with the
// shipped rule packs, loaded once from rules/.
//
// The first byte picks the reference date (none, or one of a few days) so
// that date resolution with and without a "now" is covered.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::Extract(data, size);
}
