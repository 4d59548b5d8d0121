// The outcome of a run: what every report renders.
#ifndef CROSSCHECK_CHECKER_CORE_RESULT_H_
#define CROSSCHECK_CHECKER_CORE_RESULT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
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

// Documents, claims and findings held outside memory. A check of a corpus
// over the memory budget spills them to temporary files
// (pipeline::RunCheck), and reports read them back, in report order, as
// often as they need: their memory then does not grow with the corpus.
class ResultStore {
 public:
  virtual ~ResultStore() = default;
  virtual uint64_t num_documents() const = 0;
  virtual uint64_t num_claims() const = 0;
  virtual uint64_t num_findings() const = 0;
  // Each document with its info, in report order. A document that kept its
  // text (doc.original not empty) is held in memory, and the reference
  // stays valid while the store lives; any other is read into a buffer
  // that the next one reuses.
  virtual void ForEachDocument(
      const std::function<void(const DocumentResult&)>& fn) const = 0;
  // Each claim as the JSON report writes it (compact JSON), in claim order.
  virtual void ForEachClaimJson(
      const std::function<void(absl::string_view)>& fn) const = 0;
  // Each finding in report order, with every Adjust() applied in turn.
  virtual void ForEachFinding(
      const std::function<void(const Finding&)>& fn) const = 0;
  // Adds a change made to every finding as it is read (baselines).
  virtual void Adjust(std::function<void(Finding*)> fn) = 0;
  // The first error met while reading the files back (OK if none); a
  // report written meanwhile is incomplete.
  virtual absl::Status status() const = 0;
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
  // When set, `documents`, `claims` and `findings` are empty and live here
  // instead; use the helpers below rather than the vectors.
  std::shared_ptr<ResultStore> store;
};

inline uint64_t DocumentCount(const CheckResult& r) {
  return r.store ? r.store->num_documents() : r.documents.size();
}
inline uint64_t ClaimCount(const CheckResult& r) {
  return r.store ? r.store->num_claims() : r.claims.size();
}
inline uint64_t FindingCount(const CheckResult& r) {
  return r.store ? r.store->num_findings() : r.findings.size();
}
// Every finding in report order, from memory or from the store.
inline void ForEachFinding(const CheckResult& r,
                           const std::function<void(const Finding&)>& fn) {
  if (r.store) {
    r.store->ForEachFinding(fn);
  } else {
    for (const Finding& f : r.findings) fn(f);
  }
}

// Every document in report order, from memory or from the store (see
// ResultStore::ForEachDocument for how long a reference stays valid).
inline void ForEachDocument(
    const CheckResult& r,
    const std::function<void(const DocumentResult&)>& fn) {
  if (r.store) {
    r.store->ForEachDocument(fn);
  } else {
    for (const DocumentResult& d : r.documents) fn(d);
  }
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_RESULT_H_
