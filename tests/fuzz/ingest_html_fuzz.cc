// libFuzzer target: the HTML reader (gumbo tree -> blocks and metadata).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::IngestHtml(data, size);
}
