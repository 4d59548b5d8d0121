// Judgments: what aligned claims say about each other.
//
// JudgeAll aligns claims (align.h) and runs every enabled judgment over the
// groups. Each judgment is one class in one file, registered once in
// registry.cc; its id `judge.<kind>`, its file `<kind>.cc`, its test
// `tests/judge/<kind>_test.cc` and its entry in rules/judge.json share the
// kind's name:
//
//   agreement            values equal within tolerance across documents;
//                        lists independent corroborating sources (info)
//   compatible           bounds overlap but points differ: "between 30 and
//                        40" vs "36" (info)
//   conflict             same subject, measure, unit and time scope,
//                        incompatible bounds: "4,800" vs "8,400" (error)
//   not-comparable       same subject, different measures or units: a +15%
//                        change vs a 2%-of-GDP share (info)
//   superseded           same subject and measure at different times: a
//                        2024 status vs its 2026 successor (info)
//   event-date-conflict  one event resolved to non-overlapping dates by
//                        different documents (warning/error)
//   anachronism          inside one document: a plan dated before the
//                        document's own date, or a past fact dated after it
//   status-conflict      mutually exclusive statuses, same group and time
//                        (error)
//   ai-generated         one per document flagged as AI-generated (info)
//   uncorroborated       a figure stated by one source only (info)
//   duplicate            near-duplicate (syndicated) documents (info)
//
// Judgments read only Claim and DocumentInfo fields, never document text, so
// `crosscheck align CLAIMS.jsonl` reproduces `crosscheck check`. They never
// compare a claim with itself or two claims of one document (anachronism is
// per document by design). Time scopes: a claim's scope is its explicit
// period, or its document's reference date widened by
// tolerances.present_scope_days; claims whose scopes do not overlap are never
// in conflict (superseded instead).
//
// Independence: documents with the same DocumentInfo::syndication_key count
// as one source; AI-generated documents do not count as independent
// corroboration at all.
//
// Fingerprints are FNV-1a 64 over rule id, canonical group key, normalized
// values and sorted document ids: stable across edits that move text around.
// Findings are sorted by (severity desc, rule id, subject, fingerprint).
//
// Example:
//   absl::StatusOr<judge::JudgeConfig> config =
//       judge::JudgeConfig::Load("rules/judge.json");
//   if (!config.ok()) return config.status();  // names file + JSON pointer
//   for (auto& d : docs) d.minhash = judge::MinHashSignature(body, *config);
//   judge::AssignSyndicationKeys(*config, &docs);
//   std::vector<Finding> findings = judge::JudgeAll(claims, docs, *config);
#ifndef CROSSCHECK_CHECKER_JUDGE_JUDGE_H_
#define CROSSCHECK_CHECKER_JUDGE_JUDGE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/align/align.h"
#include "checker/core/types.h"

namespace crosscheck::judge {

// Per-judgment switches, from rules/judge.json "judgments".
struct JudgmentConfig {
  bool enabled = true;
  Severity severity = Severity::kInfo;
  // event-date-conflict: severity when either date was resolved from a
  // relative expression ("two days later", "Sunday").
  Severity severity_if_relative = Severity::kWarning;
  double confidence = 0.8;  // base confidence of its findings
};

class JudgeConfig {
 public:
  // Reads and validates a judge.json. Errors name the file and the JSON
  // pointer of the offending value ("rules/judge.json: /tolerances/relative:
  // expected a number in [0, 1]"). Keys left out keep their defaults.
  static absl::StatusOr<JudgeConfig> Load(const std::string& path);
  static absl::StatusOr<JudgeConfig> Parse(const std::string& path,
                                           absl::string_view json);
  // The built-in configuration; equals the shipped rules/judge.json.
  static JudgeConfig Defaults();

  // The settings of judgment `kind` ("conflict"); a disabled default for an
  // unknown kind.
  const JudgmentConfig& judgment(absl::string_view kind) const;
  JudgmentConfig* mutable_judgment(absl::string_view kind);

  // The kinds this configuration knows, in registry order.
  static const std::vector<std::string>& Kinds();

  struct Tolerances {
    double relative = 0.01;     // exact figures agree within 1%
    double approximate = 0.05;  // "about"/ranges/rounded figures: 5%
    // Rounded figures ("4,800") get their rounding half-unit as tolerance,
    // capped by `approximate`, when they have at least this many
    // significant digits (one-digit figures like "1,000" are too coarse).
    int rounding_min_digits = 2;
    // A "present" claim (scope from the reference date) covers the
    // reference day +- this many days.
    int present_scope_days = 3;
    // Slack added to each side of a date range when deciding overlap, by
    // granularity: day, week, month, quarter, half, year, decade.
    std::vector<int> date_days = {0, 0, 0, 0, 0, 0, 0};
    // Two dates for one event further apart than this are taken to be
    // different occurrences (last year's election vs this one).
    int event_instance_days = 14;
    // Anachronism: the date must lie at least this many days on the wrong
    // side of the reference date.
    int anachronism_min_days = 1;
    // A status said to hold still ("remains open") contradicts another
    // source's exclusive status stated as of writing ("has been closed") at
    // most this many days before.
    int continuity_days = 14;
  } tolerances;

  struct MinHash {
    int num_hashes = 64;    // signature length; bands * rows must equal it
    int shingle_words = 5;  // words per shingle
    // 32 bands of 2 rows: pairs at Jaccard 0.5 become LSH candidates with
    // probability ~1 - 0.75^32.
    int bands = 32;
    int rows = 2;
    // Estimated Jaccard of 5-word shingles for "duplicate". Independently
    // written articles share almost no 5-word runs; a syndicated copy that
    // drops or adds a few paragraphs (a trimmed wire story) still shares
    // well over half of them.
    double threshold = 0.5;
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
  } minhash;

  align::AlignOptions align;

  struct Limits {
    int max_evidence = 12;        // evidence entries per finding
    int max_value_clusters = 16;  // value clusters compared per scope
    int max_partitions = 8;       // measures compared for not-comparable
  } limits;

  // Status labels that do not exclude each other although they share a
  // group ("majority", "supermajority", "landslide"). Each inner list is one
  // set of mutually compatible labels.
  std::vector<std::vector<std::string>> status_compatible;

  // Words by which a status claims to have held without a break up to its
  // document's date ("is still recruiting", "remains open"): such a claim
  // contradicts another source's dated earlier transition to an exclusive
  // status ("finished recruiting in June").
  std::vector<std::string> status_continuity;

  JudgeConfig();

 private:
  std::vector<std::pair<std::string, JudgmentConfig>> judgments_;
};

// Runs alignment and every enabled judgment. Findings sorted by (severity
// desc, rule id, subject, fingerprint), fingerprints filled.
std::vector<Finding> JudgeAll(const std::vector<Claim>& claims,
                              const std::vector<DocumentInfo>& docs,
                              const JudgeConfig& config);
// The same over claims held elsewhere, judged in the order given: a caller
// can put claims in canonical order without copying them.
std::vector<Finding> JudgeClaimPtrs(const std::vector<const Claim*>& claims,
                                    const std::vector<DocumentInfo>& docs,
                                    const JudgeConfig& config);
// The same over documents held elsewhere (one table shared by many runs).
std::vector<Finding> JudgeClaimPtrs(
    const std::vector<const Claim*>& claims,
    const std::vector<const DocumentInfo*>& docs, const JudgeConfig& config);

// MinHash signature of a text over word shingles (config.minhash): lowercase
// ASCII words, any non-ASCII byte part of a word. Empty for a text without
// words. Same text -> same signature, on every build.
std::vector<uint64_t> MinHashSignature(absl::string_view text,
                                       const JudgeConfig& config);

// Estimated Jaccard similarity of two signatures (fraction of equal slots);
// 0 when their lengths differ or either is empty.
double EstimateJaccard(const std::vector<uint64_t>& a,
                       const std::vector<uint64_t>& b);

// Sets docs[i].syndication_key to the smallest document id of its
// near-duplicate cluster (LSH banding over docs[i].minhash, then estimated
// Jaccard >= minhash.threshold, transitively), "" for documents with no
// near-duplicate.
void AssignSyndicationKeys(const JudgeConfig& config,
                           std::vector<DocumentInfo>* docs);

// Near-duplicate detection without every signature in memory (a spilled
// check): LSH band keys are kept per document, and only documents sharing a
// band key with another need their signatures.
//
// Bands used: config.minhash.bands, as far as num_hashes has rows for them.
size_t NumBands(const JudgeConfig& config);
// A signature's key in each band; empty for a signature of another length
// than num_hashes (a document without words), which is in no band.
std::vector<uint64_t> BandKeys(const std::vector<uint64_t>& sig,
                               const JudgeConfig& config);
// One band's keys: (key, document index), any order.
using BandPairs = std::vector<std::pair<uint64_t, uint32_t>>;
// The documents, ascending, that share a key with another in some band;
// band(b, pairs) appends band b's keys.
std::vector<uint32_t> BandCandidates(
    const JudgeConfig& config, size_t n,
    const std::function<void(size_t, BandPairs*)>& band);
// Syndication keys (as AssignSyndicationKeys) of documents with these ids,
// in this order, from their band keys; signature(d) is asked only for
// BandCandidates.
std::vector<std::string> SyndicationKeysFromBands(
    const JudgeConfig& config, const std::vector<absl::string_view>& ids,
    const std::function<void(size_t, BandPairs*)>& band,
    const std::function<const std::vector<uint64_t>&(size_t)>& signature);

// Stable fingerprint: FNV-1a 64 over the parts, separated, as 16 hex digits.
std::string Fingerprint(const std::vector<std::string>& parts);

}  // namespace crosscheck::judge

#endif  // CROSSCHECK_CHECKER_JUDGE_JUDGE_H_
