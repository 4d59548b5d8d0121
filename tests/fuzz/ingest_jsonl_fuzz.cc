// libFuzzer target: the JSON Lines reader (records, metadata, HTML bodies).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::IngestJsonl(data, size);
}
