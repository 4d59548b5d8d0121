// libFuzzer target: the segmenter (segment::SegmentDocument) on documents
// parsed from fuzzed bytes, then the corpus-wide boilerplate pass.
//
// The first byte picks the reader (txt, md, html, jsonl) so the segmenter
// sees every block shape ingestion can produce. Boilerplate rules load once
// from the shipped rules/ directory.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::Segmenter(data, size);
}
