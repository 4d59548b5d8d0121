// Baselines and suppressions: the CI gate's memory of accepted findings.
//
// A baseline file records the fingerprints of findings a team has accepted:
//
//   {"version": 1, "tool": "crosscheck",
//    "findings": [{"fingerprint": "9c1f...", "rule_id": "judge.conflict",
//                  "subject": "dockworker", "message": "...",
//                  "reason": "known discrepancy, editor notified"}]}
//
// `crosscheck baseline` writes one; `check --baseline FILE` marks matching
// findings suppressed (they stay in JSON and SARIF, marked, so code scanning
// does not reopen them) and lists baseline entries that no longer occur.
// A suppressions file has the same shape; each entry needs a "reason".
#ifndef CROSSCHECK_CHECKER_PIPELINE_BASELINE_H_
#define CROSSCHECK_CHECKER_PIPELINE_BASELINE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/result.h"

namespace crosscheck::pipeline {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule_id;
  std::string subject;
  std::string message;
  std::string reason;
};

struct Baseline {
  std::vector<BaselineEntry> entries;
};

// Parses a baseline or suppressions file; errors name the path and the
// JSON pointer of the bad entry. With `require_reason`, every entry must
// carry a non-empty "reason" (suppressions).
absl::StatusOr<Baseline> ParseBaseline(const std::string& path,
                                       absl::string_view json,
                                       bool require_reason);
absl::StatusOr<Baseline> LoadBaseline(const std::string& path,
                                      bool require_reason);

// The baseline that accepts every finding of `result` (sorted by
// fingerprint; deterministic).
std::string RenderBaseline(const CheckResult& result);

// Marks findings whose fingerprint is in `baseline` suppressed with
// `default_reason` (or the entry's reason). Records, for `track_gone`,
// entries that matched nothing into result->baseline_gone.
void ApplyBaseline(const Baseline& baseline, const std::string& default_reason,
                   bool track_gone, CheckResult* result);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_BASELINE_H_
