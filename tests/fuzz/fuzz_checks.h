// Invariants shared by the libFuzzer targets in tests/fuzz/.
//
// A fuzz target that only calls a function finds crashes; these checks also
// catch silent corruption: every offset a stage hands on must point into the
// document's original bytes (reports quote from there). A broken invariant
// aborts, so libFuzzer records the input as a crash.
//
//   auto docs = ingest::ParseDocuments(...);
//   for (const auto& d : docs) fuzz::CheckDocument(d);
#ifndef CROSSCHECK_TESTS_FUZZ_FUZZ_CHECKS_H_
#define CROSSCHECK_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstdio>
#include <cstdlib>

#include "checker/core/mapped_text.h"
#include "checker/core/types.h"

namespace crosscheck::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void CheckSpan(Span s, size_t limit, const char* what) {
  if (s.begin > s.end || s.end > limit) Fail(what);
}

inline void CheckMapped(const MappedText& t, size_t limit, const char* what) {
  if (t.empty()) return;
  CheckSpan(t.OriginalSpan(0, t.size()), limit, what);
}

inline void CheckDocument(const Document& d) {
  for (const auto& b : d.blocks) {
    CheckMapped(b.text, d.original.size(), "block span outside original");
    for (const auto& c : b.cells) {
      CheckMapped(c, d.original.size(), "cell span outside original");
    }
  }
}

}  // namespace crosscheck::fuzz

#endif  // CROSSCHECK_TESTS_FUZZ_FUZZ_CHECKS_H_
