// Internal to the judge module: the shared analysis every judgment reads,
// the Judgment interface and the registry.
//
// Context runs once per JudgeAll: it indexes documents, computes each
// claim's comparable numbers and aligns the claims. GroupAnalysis then
// takes one aligned group at a time and splits it into partitions (one per
// comparable measure + unit), each partition into scope buckets (claims
// whose time scopes overlap), and each scope bucket into value clusters
// (claims whose values agree). Every judgment sees the group while it is
// built, so the analysis of a million claims never exists all at once:
//
//   group "figure:dockworker"
//     partition "amount|count"
//       scope 2026-02-07..2026-02-13
//         cluster 4,800  {harbor_daily#3, port_wire#5}
//         cluster 8,400  {city_news#2}
//     partition "change|fraction"
//       ...
//
// Findings name their claim evidence by claim index (Findings::Add); JudgeAll
// turns those into Evidence after the analysis is freed.
//
// Adding a judgment: write <kind>.cc with a class deriving from Judgment and
// a New<Kind>Judgment() factory, declare the factory below, add it to the
// table in registry.cc, add "<kind>" to rules/judge.json, and write
// tests/judge/<kind>_test.cc.
#ifndef CROSSCHECK_CHECKER_JUDGE_JUDGMENT_H_
#define CROSSCHECK_CHECKER_JUDGE_JUDGMENT_H_

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "checker/align/align.h"
#include "checker/core/types.h"
#include "checker/judge/judge.h"

namespace crosscheck::judge {

// Claim indices of a handful of claims (evidence, one per document).
using ClaimList = absl::InlinedVector<int, 12>;

// Claims whose values agree (figures) or that share a label (statuses).
struct ValueCluster {
  absl::Span<const int> claims;  // ascending by (value, index) / index
  double value = 0;              // the anchor's comparable value
  double lo = 0, hi = 0;         // hull of the members' widened bounds
  Symbol label;                  // statuses
  absl::Span<const int> docs;    // distinct document slots, ascending
};

// Claims whose time scopes overlap.
struct ScopeBucket {
  bool known = true;  // false: no claim had a usable scope
  // How long a period the claims speak of: 0 a day or a week (or the
  // document's own date), 1 a month, 2 a quarter or half, 3 a year or more.
  // A yearly total and a daily level are different quantities, so buckets
  // never mix span classes, even when the periods overlap.
  int span_class = 0;
  int32_t begin = 0, end = 0;  // days since 1970-01-01, widened
  absl::Span<const ValueCluster> clusters;
};

// The cluster of a scope bucket that most documents support; the first on
// ties. `s.clusters` must not be empty.
const ValueCluster& MainCluster(const ScopeBucket& s);

// Whether two scope buckets hold one quantity at two times whose main
// clusters can be compared: both scopes known, the same span class, and
// clusters on both sides.
bool ComparableTimes(const ScopeBucket& a, const ScopeBucket& b);

// Claims of one group that can be compared with each other.
struct Partition {
  Symbol key;  // "amount|count", "change|fraction", "status", ...
  Measure measure = Measure::kLevel;
  absl::Span<const int> claims;          // ascending
  absl::Span<const ScopeBucket> scopes;  // by (span_class, begin, end)
};

// One aligned group and its partitions (empty for event and date groups).
struct GroupView {
  const align::ClaimGroup* group = nullptr;
  absl::Span<const Partition> partitions;
};

// Findings of a run. Claim evidence is kept as claim indices until the end
// of the run: an Evidence copies quote, sentence, path and value, and a
// million claims can give hundreds of thousands of findings.
class Findings {
 public:
  // Adds `f`; its evidence is f.evidence followed by the claims `evidence`.
  // `fingerprint` is f.fingerprint as a number (the hex digits' value).
  void Add(Finding&& f, uint64_t fingerprint, absl::Span<const int> evidence);
  // Room for about `findings` findings. Reserved pages that are never
  // written cost address space only: an ample guess spares growing the
  // array (moving every finding, touching twice its memory) and costs
  // nothing when it is too large.
  void Reserve(size_t findings);

  size_t size() const { return findings_.size(); }
  std::vector<Finding>& findings() { return findings_; }
  // Claim evidence of finding i.
  absl::Span<const int> evidence(size_t i) const {
    return absl::MakeConstSpan(claims_).subspan(
        ranges_[i].first, ranges_[i].second - ranges_[i].first);
  }
  // Finding i's fingerprint as a number: sorts like the hex string.
  uint64_t fingerprint(size_t i) const { return fingerprints_[i]; }
  // Reorders findings: finding order[k] becomes finding k (fingerprint(i)
  // is then no longer valid).
  void Permute(const std::vector<int>& order);

 private:
  std::vector<Finding> findings_;
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;  // into claims_
  std::vector<int> claims_;
  std::vector<uint64_t> fingerprints_;
};

class Context {
 public:
  Context(const std::vector<const Claim*>& claims,
          const std::vector<DocumentInfo>& docs, const JudgeConfig& config);
  // Documents held elsewhere; they outlive the context.
  Context(const std::vector<const Claim*>& claims,
          const std::vector<const DocumentInfo*>& docs,
          const JudgeConfig& config);

  int num_claims() const { return static_cast<int>(claims_.size()); }
  const Claim& claim(int i) const { return *claims_[i]; }
  const JudgeConfig& config() const { return config_; }
  const std::vector<align::ClaimGroup>& groups() const { return groups_; }

  // Computes the comparable numbers and time scopes of the claims of
  // groups()[g], which Value() ... PartitionCode() below then answer for.
  // Only one group's are held at a time: computed group by group, a
  // million claims' records never exist at once (fresh memory is costly),
  // and the group's claims are read while the analysis reads them anyway.
  void LoadGroup(size_t g);
  // Frees the alignment and the comparable numbers; documents, evidence
  // and value texts stay available.
  void ReleaseAnalysis();

  // Documents: every DocumentInfo plus a stub for each doc_id that claims
  // name but `docs` lacks. A claim's slot is DocOf(claim).
  int num_docs() const { return static_cast<int>(docs_.size()); }
  const DocumentInfo& doc(int slot) const { return *docs_[slot]; }
  int DocOf(int claim) const { return claim_doc_[claim]; }
  // Independence unit of a document: its syndication key, else its id.
  const std::string& SourceUnit(int slot) const;
  // The same as a small integer: equal ids, equal units.
  int SourceUnitId(int slot) const { return source_unit_ids_[slot]; }
  // doc(slot).ai_generated, from a compact table: hot loops ask it per
  // document of a cluster.
  bool AiGenerated(int slot) const { return ai_generated_[slot]; }

  // Comparable numbers of a figure claim of the loaded group (LoadGroup):
  // percent as a fraction, bounds widened by the claim's own tolerance.
  double Value(int claim) const { return NumbersOf(claim).value; }
  double Low(int claim) const { return NumbersOf(claim).lo; }
  double High(int claim) const { return NumbersOf(claim).hi; }
  bool Agree(int a, int b) const;
  bool Overlap(int a, int b) const;
  // Whether one claim states a closed range ("between 9,000 and 10,000")
  // and the other's stated value lies inside it ("9,600"): as stated,
  // before tolerance widening.
  bool InsideStatedRange(int a, int b) const;
  // True when disagreeing values of a and b are plausibly one quantity
  // misreported rather than two different quantities sharing a head word:
  // the same unit (counted noun, currency), values within
  // a factor of kMaxConflictRatio, and within a factor of 2 unless the
  // subjects agree beyond the head (same modifiers, or both bare).
  bool Contradictable(int a, int b) const;
  // Span class of a claim's time scope (see ScopeBucket::span_class).
  int SpanClass(int claim) const { return ScopeFacts(claim).span_class; }
  // Whether the claim's scope is its own stated period rather than one
  // implied by its document's date (or unknown).
  bool ExplicitlyScoped(int claim) const { return ScopeFacts(claim).stated; }
  // Partition class of a figure claim (measure x unit), -1 for others, and
  // its partition's key ("amount|count") and measure (count as level).
  int PartitionCode(int claim) const { return NumbersOf(claim).partition; }
  const Symbol& PartitionKey(int code) const { return partition_keys_[code]; }
  Measure PartitionMeasure(int code) const {
    return static_cast<Measure>(code % 8);
  }

  // Time scope of a claim (widened); false when unknown.
  bool ScopeOf(int claim, absl::CivilDay* begin, absl::CivilDay* end) const;
  // The same as day numbers (days since 1970-01-01), for sorting.
  bool ScopeDays(int claim, int32_t* begin, int32_t* end) const {
    const Scope& s = ScopeFacts(claim);
    *begin = s.begin;
    *end = s.end;
    return s.known;
  }
  // The date a claim states: its mention's date, else its explicit time
  // scope. False for claims without one.
  bool DateOf(int claim, DateValue* out) const;
  // Slack in days for a date of granularity g (tolerances.date_days).
  int DateSlack(Granularity g) const;
  // Reference date of a document as "YYYY-MM-DD", or "".
  const Symbol& ReferenceDay(int slot) const { return ref_days_[slot]; }

  // Evidence for a claim / for a whole document. FillClaimEvidence
  // overwrites the claim fields of `e` in place.
  Evidence ClaimEvidence(int claim) const;
  void FillClaimEvidence(int claim, Evidence* e) const;
  // Cache hints for the analysis of group g, issued a few groups ahead in
  // two stages: first the per-claim records and claim pointers of its
  // first claims, then (once the pointers have arrived) the claims' own
  // lines that messages and values read. A group's claims lie anywhere
  // among a million; without this, each first touch is a miss.
  void PrefetchGroupFacts(size_t g) const;
  void PrefetchGroupClaims(size_t g) const;
  // Cache hints for the quotes of `claims` (a finding's cited claims),
  // before a message quotes them one after the other.
  void PrefetchQuotes(absl::Span<const int> claims) const;
  Evidence DocumentEvidence(int slot) const;
  // Normalized value: "4,800 worker", "15%", "310,000,000 USD",
  // "supermajority", "2026-02-08".
  std::string ValueText(int claim) const;
  // The same, interned.
  Symbol ValueSymbol(int claim) const;
  // As the document said it: the quote, else the normalized value.
  std::string QuoteText(int claim) const;
  // "4,800 (harbor_daily)": the quote and its document, for messages.
  std::string Cite(int claim) const;
  // "4,800 (harbor_daily, port_wire)": a cluster's first quote and its
  // documents (at most limits.max_evidence of them).
  std::string CiteCluster(const ValueCluster& c) const;
  // The same texts appended to `out`: a message built in one string skips
  // a temporary per piece (findings number in the hundreds of thousands).
  void AppendValueText(int claim, std::string* out) const;
  void AppendQuoteText(int claim, std::string* out) const;
  void AppendCite(int claim, std::string* out) const;
  void AppendCiteCluster(const ValueCluster& c, std::string* out) const;
  // An empty buffer to build one text in (a message, a value), then copy
  // with its exact size: appending piece by piece to the final string would
  // reallocate it several times and leave it up to twice too large. Valid
  // until the next call.
  std::string& Scratch() const {
    scratch_.clear();
    return scratch_;
  }
  // When a claim is about: its explicit period ("2024-Q3") or its
  // document's reference date, "" when unknown.
  std::string ScopeText(int claim) const;
  // Finds x in `a`, y in `b` from different documents (and, when
  // `need_overlap`, with overlapping bounds; when `independent`, from
  // different source units, so a syndicated copy never pairs with its
  // original), looking at no more than limits.max_evidence claims of each
  // side. False when there is none.
  bool FindPair(absl::Span<const int> a, absl::Span<const int> b,
                bool need_overlap, int* x, int* y,
                bool independent = false) const;
  // Labels that can hold at once (config.status_compatible).
  bool LabelsCompatible(const Symbol& a, const Symbol& b) const;
  // Whether status claim `standing`, said to hold still as of its
  // document's date (no date of its own, not planned or hedged, a
  // config.status_continuity word: "is still recruiting", "remains open"),
  // contradicts `earlier`, a status of an exclusive label from before then:
  // a transition a past clause dates to a period that ended before that day
  // ("finished recruiting in June"), or a state as of another document's
  // date at most tolerances.continuity_days earlier ("has been closed").
  bool ContinuityContradicts(int earlier, int standing) const;
  // Whether a status claim's words say it held without a break
  // (config.status_continuity).
  bool AssertsContinuity(int claim) const;

  // The clusters that clash with at least one other under `clash(a, b)`,
  // tested over every pair, in the order given; empty when none does.
  template <typename Clash>
  static std::vector<const ValueCluster*> Clashing(
      absl::Span<const ValueCluster* const> clusters, Clash clash) {
    std::vector<bool> involved(clusters.size(), false);
    for (size_t i = 0; i < clusters.size(); ++i) {
      for (size_t j = i + 1; j < clusters.size(); ++j) {
        if (clash(*clusters[i], *clusters[j])) involved[i] = involved[j] = true;
      }
    }
    std::vector<const ValueCluster*> out;
    for (size_t i = 0; i < clusters.size(); ++i) {
      if (involved[i]) out.push_back(clusters[i]);
    }
    return out;
  }
  // The sides of a finding over `clusters`: a citation and `value(c)` per
  // cluster, and one evidence claim per document and cluster, at most
  // limits.max_evidence in all.
  struct Sides {
    std::vector<std::string> cites, values;
    ClaimList evidence;
  };
  template <typename Value>
  Sides CollectSides(absl::Span<const ValueCluster* const> clusters,
                     Value value) const {
    Sides out;
    const size_t max_ev = static_cast<size_t>(config_.limits.max_evidence);
    for (const ValueCluster* c : clusters) {
      out.cites.push_back(CiteCluster(*c));
      out.values.push_back(value(*c));
      for (int e : OnePerDocument(c->claims)) {
        if (out.evidence.size() < max_ev) out.evidence.push_back(e);
      }
    }
    return out;
  }

  // One claim per document from `claims` (the first of each), in the order
  // given, at most config.limits.max_evidence.
  ClaimList OnePerDocument(absl::Span<const int> claims) const;
  // Distinct documents of `claims`, ascending slot.
  std::vector<int> DocsOf(absl::Span<const int> claims) const;

  // Finalizes a finding: fills rule id, kind, severity, confidence and the
  // fingerprint from (kind, key, values, evidence doc ids), and adds it with
  // the claims `evidence` as its evidence. The key is given in pieces that
  // count as their concatenation ({group.key, "|", p.key}), so callers need
  // not build it.
  void Emit(absl::string_view kind, const JudgmentConfig& cfg,
            std::initializer_list<absl::string_view> key,
            absl::Span<const std::string> values, double confidence_factor,
            Finding&& f, absl::Span<const int> evidence, Findings* out) const;

 private:
  friend class GroupAnalysis;
  struct Numbers {
    double value = 0, lo = 0, hi = 0, tol = 0;
    // Partition class (measure x unit) of a figure claim, -1 otherwise.
    int32_t partition = -1;
    // A range or open bound ("30 to 40", "more than 4,000"): its midpoint
    // is not a claim, so it agrees only with the same range (RawBounds).
    bool range = false;
  };
  struct Scope {
    int32_t begin = 0, end = 0;  // days since 1970-01-01, widened
    int8_t span_class = 0;
    bool known = false;
    bool stated = false;  // ExplicitScope(claim)
  };
  struct Facts {
    Numbers numbers;
    Scope scope;
  };
  const Facts& FactsOf(int claim) const { return facts_[fact_slot_[claim]]; }
  const Numbers& NumbersOf(int claim) const { return FactsOf(claim).numbers; }
  const Scope& ScopeFacts(int claim) const { return FactsOf(claim).scope; }
  // Computes the facts of one claim; assigns partition codes as met.
  void ComputeFacts(int claim, Facts* f);
  // The bounds a range claim states, before tolerance widening.
  void RawBounds(int claim, double* lo, double* hi) const;
  bool ExplicitScope(const Claim& c) const;
  bool HasPeriod(const TimeScope& s) const;
  // `stated` is ExplicitScope(claim), computed once per claim.
  int ComputeSpanClass(const Claim& c, bool stated) const;
  bool ComputeScope(int claim, bool stated, int32_t* begin, int32_t* end) const;

  const std::vector<const Claim*>& claims_;
  const JudgeConfig& config_;
  std::vector<const DocumentInfo*> docs_;
  std::deque<DocumentInfo> stubs_;
  std::vector<std::string> source_units_;
  std::vector<int> source_unit_ids_;
  std::vector<uint8_t> ai_generated_;
  // Document facts as evidence carries them, interned once per document.
  std::vector<Symbol> doc_ids_, doc_paths_, doc_sources_, ref_days_;
  // Slot -> rank of its id among all ids, and back: sorting ranks sorts
  // ids without comparing text.
  std::vector<int> doc_rank_, slot_of_rank_;
  std::vector<int> claim_doc_;
  // The loaded group's facts, and each claim's slot among them (valid for
  // the loaded group's claims only).
  std::vector<Facts> facts_;
  std::vector<uint32_t> fact_slot_;
  std::vector<Symbol> partition_keys_;  // by partition code
  // (dimension, unit) of other units -> code, as met.
  absl::flat_hash_map<std::pair<Symbol, Symbol>, int> other_units_;
  std::vector<align::ClaimGroup> groups_;
  absl::flat_hash_map<Symbol, int> label_set_;  // label -> compat set
  // Judgment kind -> rule id, kind and the fingerprint state after the
  // rule id, computed once.
  struct KindSymbols {
    Symbol rule_id, kind;
    uint64_t rule_hash;
  };
  absl::flat_hash_map<absl::string_view, KindSymbols> kind_symbols_;
  mutable std::string scratch_;  // see Scratch()
  // A figure's value text depends only on these fields of its amount.
  // Evidence interns the text of every cited claim, hundreds of thousands
  // of them over a few thousand distinct values: remembered by amount,
  // a value is formatted and looked up in the process-wide table once.
  struct AmountKey {
    Symbol qualifier, unit;
    uint64_t value, low, high;  // bit patterns: equal bits, equal text
    friend bool operator==(const AmountKey&, const AmountKey&) = default;
    template <typename H>
    friend H AbslHashValue(H h, const AmountKey& k) {
      return H::combine(std::move(h), k.qualifier, k.unit, k.value, k.low,
                        k.high);
    }
  };
  mutable absl::flat_hash_map<AmountKey, Symbol> value_symbols_;
  // Interned once: compared by pointer in the per-claim hot paths.
  Symbol reference_date_;
  Symbol explicit_;
  Symbol percent_, ratio_, count_, percentage_points_, percent_sign_;
  Symbol more_than_, at_least_, up_to_, less_than_, at_most_;
};

// Builds the partitions, scope buckets and value clusters of one group at
// a time, reusing its buffers from group to group.
class GroupAnalysis {
 public:
  explicit GroupAnalysis(const Context& ctx) : ctx_(ctx) {}
  // The analysis of ctx.groups()[g]; valid until the next call.
  const GroupView& Analyze(size_t g);

 private:
  struct RawCluster {
    size_t claims_begin, claims_end, docs_begin, docs_end;
    double value, lo, hi;
    Symbol label;
  };
  struct RawScope {
    bool known;
    int span_class;
    int32_t begin, end;  // days, as ScopeBucket
    size_t clusters_begin, clusters_end;
  };
  struct RawPartition {
    Symbol key;
    Measure measure;
    int code;
    size_t claims_begin, claims_end, scopes_begin, scopes_end;
  };
  void BuildScopes(RawPartition* p, bool status);
  void AddCluster(absl::Span<const int> members, double value, double lo,
                  double hi, const Symbol& label);

  const Context& ctx_;
  GroupView view_;
  // Raw offsets while building, turned into spans once the buffers no
  // longer grow.
  std::vector<RawPartition> raw_parts_;
  std::vector<RawScope> raw_scopes_;
  std::vector<RawCluster> raw_clusters_;
  std::vector<int> part_claims_, cluster_claims_, cluster_docs_;
  std::vector<Partition> parts_;
  std::vector<ScopeBucket> scopes_;
  std::vector<ValueCluster> clusters_;
  // Scratch for BuildScopes.
  struct Scoped {
    int32_t begin, end;  // days, as Context::ScopeDays
    int claim;
    int span_class;
  };
  std::vector<Scoped> known_;
  std::vector<int> unknown_, member_claims_, docs_scratch_;
  std::vector<std::pair<size_t, size_t>> members_;
  std::vector<std::pair<double, int>> by_value_;
  std::vector<std::pair<const std::string*, int>> by_label_;
  std::vector<size_t> part_order_;
  std::vector<RawPartition> sorted_parts_;
};

// Syndication keys for a document list (minhash.cc): the smallest id of each
// near-duplicate cluster, "" for documents without a near-duplicate.
std::vector<std::string> SyndicationKeys(
    const JudgeConfig& config, const std::vector<const DocumentInfo*>& docs);

// Joins names as "a, b and c".
std::string JoinNames(const std::vector<std::string>& names);

// "2026-02-08".
std::string DayText(absl::CivilDay d);

class Judgment {
 public:
  virtual ~Judgment() = default;
  virtual absl::string_view kind() const = 0;
  // Once per run, before the groups: judgments over documents or single
  // claims.
  virtual void Run(const Context& ctx, const JudgmentConfig& cfg,
                   Findings* out) const {
    (void)ctx, (void)cfg, (void)out;
  }
  // Once per aligned group, with its analysis.
  virtual void RunGroup(const Context& ctx, const GroupView& g,
                        const JudgmentConfig& cfg, Findings* out) const {
    (void)ctx, (void)g, (void)cfg, (void)out;
  }
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
