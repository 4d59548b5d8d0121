// libFuzzer target: the rule-pack loader (RuleSet::LoadPack) on arbitrary
// JSON, then linting and matching with whatever loaded.
//
// Patterns come from users (--rules DIR), so a pack may hold anything:
// wrong types, huge repetition counts, unknown kinds. The loader must report
// problems, never crash, and what it accepts must be usable.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return crosscheck::fuzz::RulePack(data, size);
}
