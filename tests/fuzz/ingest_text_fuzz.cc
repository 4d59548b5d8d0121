// libFuzzer target: the .txt and .md readers (ingest::ParseDocuments).
//
// The first byte picks the format and the line limit, so that one corpus
// covers both readers and the line-cutting path; the rest is the file.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::IngestText(data, size);
}
