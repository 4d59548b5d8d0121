// Alignment: which claims are about the same thing.
//
// Two claims can only be judged against each other (agree, conflict,
// superseded, ...) when they are about the same thing. AlignClaims puts every
// claim into at most one ClaimGroup, keyed canonically:
//
//   figure:<head>[<modifiers>]   money / percent / quantity / number claims
//                                (level, change, share, rank, count)
//   date:<head>[<modifiers>]     dates that are not event dates
//   event:<event key>            event dates ("election", "strike")
//   status:<status group>        statuses ("government-majority"), optionally
//                                :<head> when AlignOptions::status_by_subject
//   status:plan:<head>[<mods>]   plans (status group "plan"): the planned
//                                action ("revision") and its object
//                                ("article", "9"), clustered like figures
//
// How figure and date claims are grouped:
//   1. Hash by (class, Subject.head). Different heads never align, whatever
//      their numbers: "15% tariff" and "15% wage rise" stay apart.
//   2. Inside one head bucket, cluster by modifier overlap: a modifier set
//      joins the cluster whose representative set it overlaps best
//      (|A n B| / min(|A|, |B|) >= min_modifier_overlap); otherwise it starts
//      a new cluster. Candidate clusters come from an inverted index over
//      modifiers, capped at max_candidates per modifier, so the work is
//      O(n log n) and never all-pairs.
//   3. Claims without modifiers ("the tariff") join the largest cluster of
//      their bucket: a bare head most likely means the story's main subject
//      (unless the head is one of AlignOptions::vague_heads).
//
// Different measures of one subject (a level, a change, a share of GDP) stay
// in the same group, so judgments can say "not comparable"; judgments never
// compare them numerically. Claims with no usable key (no subject head, no
// event key, no status group) are left out of every group.
//
// Output is deterministic: groups sorted by key, claim indices ascending,
// whatever the hash-map iteration order.
//
// Example:
//   std::vector<Claim> claims = ...;            // from extraction
//   std::vector<align::ClaimGroup> groups =
//       align::AlignClaims(claims, align::AlignOptions());
//   for (const auto& g : groups) {
//     // g.key == "figure:tariff[automobile,korean,south]"
//     // g.subject == "tariffs on South Korean automobiles"
//     // g.claims == {3, 17, 42}
//   }
#ifndef CROSSCHECK_CHECKER_ALIGN_ALIGN_H_
#define CROSSCHECK_CHECKER_ALIGN_ALIGN_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace crosscheck::align {

struct AlignOptions {
  // Overlap coefficient |A n B| / min(|A|, |B|) two modifier sets need to
  // describe the same subject.
  double min_modifier_overlap = 0.5;
  // Cap on the clusters examined per modifier of a new modifier set, which
  // bounds the work in huge head buckets.
  int max_candidates = 32;
  // Status claims are grouped by status group alone (the story's subject is
  // usually implicit: "rules with a minority government"); set this to also
  // require the same subject head.
  bool status_by_subject = false;
  // Heads too vague to stand for the story's main subject when bare: "about
  // 41,000 people" says nothing of which people, so it must not join the
  // cluster of "12,000 people under evacuation orders". Bare claims with
  // these heads form a group of their own instead of joining the largest
  // cluster (step 3 above).
  std::vector<std::string> vague_heads;
};

// What kind of thing a claim states, for alignment.
enum class ClaimClass { kNone, kFigure, kDate, kEvent, kStatus };
absl::string_view ClaimClassName(ClaimClass c);  // "figure", "date", ...

// The class of one claim: kFigure for numeric mentions with a figure measure,
// kEvent for event dates, kStatus for statuses, kDate for other dates, kNone
// for what cannot be aligned (disclaimers, bare events, missing keys).
ClaimClass ClassOf(const Claim& c);

// The name a claim of class `k` is bucketed by before any finer matching:
// its event key for events, its status group for statuses, else its subject
// head. Claims whose (class, bucket name) differ never share a group, so a
// corpus can be judged bucket by bucket (the spilled `check`).
absl::string_view BucketNameOf(const Claim& c, ClaimClass k);

struct ClaimGroup {
  std::string key;       // canonical, see above; unique across groups
  SharedString subject;  // subject text of a representative claim
  ClaimClass klass = ClaimClass::kNone;
  std::vector<int> claims;  // indices into the input, ascending
};

// Groups claims that are about the same thing. Groups sorted by key.
std::vector<ClaimGroup> AlignClaims(const std::vector<Claim>& claims,
                                    const AlignOptions& options);
// The same over claims held elsewhere (indices are into `claims`), so that
// a caller can align in another order without copying the claims.
std::vector<ClaimGroup> AlignClaimPtrs(const std::vector<const Claim*>& claims,
                                       const AlignOptions& options);

// How alike two subjects are, 0..1: 0 when heads differ; 1 for equal heads
// and equal modifiers; else 0.5 + 0.5 * modifier overlap coefficient (0.75
// when one side has no modifiers).
double SubjectSimilarity(const Subject& a, const Subject& b);

// Overlap coefficient of two sorted, duplicate-free modifier lists; 0 when
// either is empty.
double ModifierOverlap(const std::vector<Symbol>& a,
                       const std::vector<Symbol>& b);

}  // namespace crosscheck::align

#endif  // CROSSCHECK_CHECKER_ALIGN_ALIGN_H_
