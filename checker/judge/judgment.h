// Internal to the judge module: the shared analysis every judgment reads,
// the Judgment interface and the registry.
//
// Context runs once per JudgeAll: it aligns the claims, then splits each
// figure/status group into partitions (one per comparable measure + unit),
// each partition into scope buckets (claims whose time scopes overlap), and
// each scope bucket into value clusters (claims whose values agree). The
// judgments then only walk these structures:
//
//   group "figure:dockworker"
//     partition "amount|count"
//       scope 2026-02-07..2026-02-13
//         cluster 4,800  {harbor_daily#3, port_wire#5}
//         cluster 8,400  {city_news#2}
//     partition "change|fraction"
//       ...
//
// Adding a judgment: write <kind>.cc with a class deriving from Judgment and
// a New<Kind>Judgment() factory, declare the factory below, add it to the
// table in registry.cc, add "<kind>" to rules/judge.json, and write
// tests/judge/<kind>_test.cc.
#ifndef CROSSCHECK_CHECKER_JUDGE_JUDGMENT_H_
#define CROSSCHECK_CHECKER_JUDGE_JUDGMENT_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/align/align.h"
#include "checker/core/types.h"
#include "checker/judge/judge.h"

namespace crosscheck::judge {

// Claims whose values agree (figures) or that share a label (statuses).
struct ValueCluster {
  std::vector<int> claims;  // ascending by (value, index) / index
  double value = 0;         // the anchor's comparable value
  double lo = 0, hi = 0;    // hull of the members' widened bounds
  std::string label;        // statuses
  std::vector<int> docs;    // distinct document slots, ascending
};

// Claims whose time scopes overlap.
struct ScopeBucket {
  bool known = true;  // false: no claim had a usable scope
  // How long a period the claims speak of: 0 a day or a week (or the
  // document's own date), 1 a month, 2 a quarter or half, 3 a year or more.
  // A yearly total and a daily level are different quantities, so buckets
  // never mix span classes, even when the periods overlap.
  int span_class = 0;
  absl::CivilDay begin, end;
  std::vector<ValueCluster> clusters;
};

// Claims of one group that can be compared with each other.
struct Partition {
  std::string key;  // "amount|count", "change|fraction", "status", ...
  Measure measure = Measure::kLevel;
  std::vector<int> claims;          // ascending
  std::vector<ScopeBucket> scopes;  // by (span_class, begin, end)
};

class Context {
 public:
  Context(const std::vector<Claim>& claims,
          const std::vector<DocumentInfo>& docs, const JudgeConfig& config);

  const std::vector<Claim>& claims() const { return claims_; }
  const JudgeConfig& config() const { return config_; }
  const std::vector<align::ClaimGroup>& groups() const { return groups_; }
  // Partitions of groups()[g]; empty for event and date groups.
  const std::vector<Partition>& partitions(size_t g) const {
    return partitions_[g];
  }

  // Documents: every DocumentInfo plus a stub for each doc_id that claims
  // name but `docs` lacks. A claim's slot is DocOf(claim).
  int num_docs() const { return static_cast<int>(docs_.size()); }
  const DocumentInfo& doc(int slot) const { return *docs_[slot]; }
  int DocOf(int claim) const { return claim_doc_[claim]; }
  // Independence unit of a document: its syndication key, else its id.
  const std::string& SourceUnit(int slot) const;
  // The same as a small integer: equal ids, equal units.
  int SourceUnitId(int slot) const { return source_unit_ids_[slot]; }

  // Comparable numbers of a figure claim: percent as a fraction, bounds
  // widened by the claim's own tolerance.
  double Value(int claim) const { return values_[claim].value; }
  double Low(int claim) const { return values_[claim].lo; }
  double High(int claim) const { return values_[claim].hi; }
  bool Agree(int a, int b) const;
  bool Overlap(int a, int b) const;
  // True when disagreeing values of a and b are plausibly one quantity
  // misreported rather than two different quantities sharing a head word:
  // the same unit (counted noun, currency), values within
  // a factor of kMaxConflictRatio, and within a factor of 2 unless the
  // subjects agree beyond the head (same modifiers, or both bare).
  bool Contradictable(int a, int b) const;
  // Span class of a claim's time scope (see ScopeBucket::span_class).
  int SpanClass(int claim) const;

  // Time scope of a claim (widened); false when unknown.
  bool ScopeOf(int claim, absl::CivilDay* begin, absl::CivilDay* end) const;
  // The date a claim states: its mention's date, else its explicit time
  // scope. False for claims without one.
  bool DateOf(int claim, DateValue* out) const;
  // Slack in days for a date of granularity g (tolerances.date_days).
  int DateSlack(Granularity g) const;
  // Reference date of a document as "YYYY-MM-DD", or "".
  std::string ReferenceDay(int slot) const;

  // Evidence for a claim / for a whole document.
  Evidence ClaimEvidence(int claim) const;
  Evidence DocumentEvidence(int slot) const;
  // Normalized value: "4800", "0.15 fraction", "640000000000 USD",
  // "supermajority", "2026-02-08".
  std::string ValueText(int claim) const;
  // As the document said it: the quote, else the normalized value.
  std::string QuoteText(int claim) const;
  // "4,800 (harbor_daily)": the quote and its document, for messages.
  std::string Cite(int claim) const;
  // "4,800 (harbor_daily, port_wire)": a cluster's first quote and its
  // documents (at most limits.max_evidence of them).
  std::string CiteCluster(const ValueCluster& c) const;
  // When a claim is about: its explicit period ("2024-Q3") or its
  // document's reference date, "" when unknown.
  std::string ScopeText(int claim) const;
  // Finds x in `a`, y in `b` from different documents (and, when
  // `need_overlap`, with overlapping bounds), looking at no more than
  // limits.max_evidence claims of each side. False when there is none.
  bool FindPair(const std::vector<int>& a, const std::vector<int>& b,
                bool need_overlap, int* x, int* y) const;
  // Labels that can hold at once (config.status_compatible).
  bool LabelsCompatible(absl::string_view a, absl::string_view b) const;

  // One claim per document from `claims` (the first of each), in the order
  // given, at most config.limits.max_evidence.
  std::vector<int> OnePerDocument(const std::vector<int>& claims) const;
  // Distinct documents of `claims`, ascending slot.
  std::vector<int> DocsOf(const std::vector<int>& claims) const;
  // True when some claim of `a` and some claim of `b` come from different
  // documents.
  bool CrossDocument(const std::vector<int>& a_docs,
                     const std::vector<int>& b_docs) const;

  // Finalizes a finding: fills rule id, kind, severity, confidence and the
  // fingerprint from (kind, key, values, evidence doc ids).
  void Emit(absl::string_view kind, const JudgmentConfig& cfg,
            absl::string_view key, std::vector<std::string> values,
            double confidence_factor, Finding f,
            std::vector<Finding>* out) const;

 private:
  struct Numbers {
    double value = 0, lo = 0, hi = 0, tol = 0;
    // A range or open bound ("30 to 40", "more than 4,000"): its midpoint
    // is not a claim, so it agrees only with the same range.
    bool range = false;
    double raw_lo = 0, raw_hi = 0;
  };
  void BuildPartitions(size_t g);
  void BuildScopes(Partition* p, bool status) const;

  const std::vector<Claim>& claims_;
  const JudgeConfig& config_;
  std::vector<const DocumentInfo*> docs_;
  std::deque<DocumentInfo> stubs_;
  std::vector<std::string> source_units_;
  std::vector<int> source_unit_ids_;
  std::vector<int> partition_code_;  // figure claims: measure x unit class
  std::vector<int> claim_doc_;
  std::vector<Numbers> values_;
  std::vector<align::ClaimGroup> groups_;
  std::vector<std::vector<Partition>> partitions_;
  absl::flat_hash_map<std::string, int> label_set_;  // label -> compat set
};

// Syndication keys for a document list (minhash.cc): the smallest id of each
// near-duplicate cluster, "" for documents without a near-duplicate.
std::vector<std::string> SyndicationKeys(
    const JudgeConfig& config, const std::vector<const DocumentInfo*>& docs);

// Joins names as "a, b and c".
std::string JoinNames(const std::vector<std::string>& names);

class Judgment {
 public:
  virtual ~Judgment() = default;
  virtual absl::string_view kind() const = 0;
  virtual void Run(const Context& ctx, const JudgmentConfig& cfg,
                   std::vector<Finding>* out) const = 0;
};

std::unique_ptr<Judgment> NewAgreementJudgment();
std::unique_ptr<Judgment> NewCompatibleJudgment();
std::unique_ptr<Judgment> NewConflictJudgment();
std::unique_ptr<Judgment> NewNotComparableJudgment();
std::unique_ptr<Judgment> NewSupersededJudgment();
std::unique_ptr<Judgment> NewEventDateConflictJudgment();
std::unique_ptr<Judgment> NewAnachronismJudgment();
std::unique_ptr<Judgment> NewStatusConflictJudgment();
std::unique_ptr<Judgment> NewAiGeneratedJudgment();
std::unique_ptr<Judgment> NewUncorroboratedJudgment();
std::unique_ptr<Judgment> NewDuplicateJudgment();

struct RegistryEntry {
  const char* kind;
  std::unique_ptr<Judgment> (*make)();
  Severity default_severity;
  const char* description;
};
// Every judgment, in the order they run (the order does not affect output).
const std::vector<RegistryEntry>& Registry();

}  // namespace crosscheck::judge

#endif  // CROSSCHECK_CHECKER_JUDGE_JUDGMENT_H_
