// The outcome of a run: what every report renders.
#ifndef CROSSCHECK_CHECKER_CORE_RESULT_H_
#define CROSSCHECK_CHECKER_CORE_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "checker/core/types.h"

namespace crosscheck {

// One document as reports see it.
struct DocumentResult {
  Document doc;
  DocumentInfo info;
  std::vector<Segment> segments;
  // Size of doc.original, which `check --segments none` drops to save
  // memory (0 when unknown; reports then use doc.original.size()).
  uint64_t original_bytes = 0;
};

struct CheckResult {
  std::string tool_version;               // CROSSCHECK_VERSION
  std::vector<std::string> inputs;        // paths as given
  std::vector<DocumentResult> documents;  // sorted by (path, record_line)
  std::vector<Claim> claims;              // sorted by (doc order, span)
  std::vector<Finding> findings;          // sorted by (severity desc, rule,
                                          // fingerprint)
  std::vector<Diagnostic> diagnostics;    // sorted by (path, line, code)
  // Baseline bookkeeping (check --baseline): fingerprints recorded in the
  // baseline that no finding of this run matched.
  std::vector<std::string> baseline_gone;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_RESULT_H_
