#include "checker/align/align.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"

namespace crosscheck::align {

absl::string_view ClaimClassName(ClaimClass c) {
  switch (c) {
    case ClaimClass::kFigure:
      return "figure";
    case ClaimClass::kDate:
      return "date";
    case ClaimClass::kEvent:
      return "event";
    case ClaimClass::kStatus:
      return "status";
    case ClaimClass::kNone:
      break;
  }
  return "none";
}

namespace {

constexpr absl::string_view kPlanGroup = "plan";

using Claims = std::vector<const Claim*>;
using Mods = std::vector<Symbol>;

bool IsNumericKind(MentionKind k) {
  return k == MentionKind::kNumber || k == MentionKind::kMoney ||
         k == MentionKind::kPercent || k == MentionKind::kQuantity ||
         k == MentionKind::kDuration;
}

bool IsFigureMeasure(Measure m) {
  return m == Measure::kLevel || m == Measure::kChange ||
         m == Measure::kShare || m == Measure::kRank || m == Measure::kCount;
}

// The string a claim is bucketed by within its class.
const Symbol& BucketName(const Claim& c, ClaimClass k) {
  switch (k) {
    case ClaimClass::kEvent:
      return c.event.empty() ? c.subject.head : c.event;
    case ClaimClass::kStatus:
      return c.mention.group.empty() ? c.mention.label : c.mention.group;
    default:
      return c.subject.head;
  }
}

size_t OverlapCount(const Mods& a, const Mods& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {  // interned: a pointer comparison
      ++n, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

// FNV-1a 64 over a modifier list: fixed across builds, so run order (and
// with it cluster representatives) never depends on the process.
uint64_t SetHash(const Mods& mods) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const Symbol& m : mods) {
    for (unsigned char c : m) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0x1f) * 0x100000001b3ULL;
  }
  return h;
}

struct Cluster {
  const Mods* rep = nullptr;  // representative modifiers
  int rep_claim = -1;         // lowest index with `rep`
  std::vector<int> claims;
};

// Clusters one head bucket by modifier overlap; appends groups to `out`.
void ClusterBucket(const Claims& claims, ClaimClass klass,
                   absl::string_view head, std::vector<int>* bucket,
                   const AlignOptions& options, std::vector<ClaimGroup>* out) {
  auto mods = [&](int i) -> const Mods& {
    return claims[i]->subject.modifiers;
  };
  if (bucket->size() == 1) {  // most buckets: what the general case gives
    const Claim& c = *claims[bucket->front()];
    ClaimGroup g;
    g.klass = klass;
    g.key = absl::StrCat(ClaimClassName(klass), ":", head);
    if (!c.subject.modifiers.empty()) {
      absl::StrAppend(&g.key, "[", absl::StrJoin(c.subject.modifiers, ","),
                      "]");
    }
    g.subject = c.subject.text.empty() ? std::string(head) : c.subject.text;
    g.claims = std::move(*bucket);
    out->push_back(std::move(g));
    return;
  }
  // Identical modifier sets become adjacent runs. Sorting by a fixed hash
  // first keeps set comparisons to hash ties (same set, or a collision).
  std::vector<std::pair<uint64_t, int>> keyed;
  keyed.reserve(bucket->size());
  for (int i : *bucket) keyed.emplace_back(SetHash(mods(i)), i);
  std::sort(keyed.begin(), keyed.end(),
            [&](const std::pair<uint64_t, int>& a,
                const std::pair<uint64_t, int>& b) {
              if (a.first != b.first) return a.first < b.first;
              if (a.second == b.second) return false;
              const Mods& ma = mods(a.second);
              const Mods& mb = mods(b.second);
              if (ma != mb) return ma < mb;
              return a.second < b.second;
            });
  for (size_t i = 0; i < keyed.size(); ++i) (*bucket)[i] = keyed[i].second;
  struct Run {
    size_t begin, end;
  };
  std::vector<Run> runs;
  std::vector<int> bare;  // claims without modifiers
  for (size_t i = 0; i < bucket->size();) {
    size_t j = i + 1;
    while (j < bucket->size() && mods((*bucket)[j]) == mods((*bucket)[i])) ++j;
    if (mods((*bucket)[i]).empty()) {
      bare.insert(bare.end(), bucket->begin() + i, bucket->begin() + j);
    } else {
      runs.push_back({i, j});
    }
    i = j;
  }
  // Most frequent sets first, so they become the representatives.
  std::stable_sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<Cluster> clusters;
  absl::flat_hash_map<Symbol, std::vector<int>> index;
  for (const Run& run : runs) {
    const int first = (*bucket)[run.begin];
    const Mods& set = mods(first);
    int best = -1;
    double best_overlap = 0;
    for (const Symbol& m : set) {
      auto it = index.find(m);
      if (it == index.end()) continue;
      const std::vector<int>& cand = it->second;
      const size_t limit =
          std::min(cand.size(), static_cast<size_t>(options.max_candidates));
      for (size_t c = 0; c < limit; ++c) {
        const Mods& rep = *clusters[cand[c]].rep;
        const double ov = static_cast<double>(OverlapCount(set, rep)) /
                          static_cast<double>(std::min(set.size(), rep.size()));
        if (ov > best_overlap || (ov == best_overlap && cand[c] < best)) {
          best_overlap = ov;
          best = cand[c];
        }
      }
    }
    if (best < 0 || best_overlap < options.min_modifier_overlap) {
      best = static_cast<int>(clusters.size());
      clusters.push_back(Cluster{&set, first, {}});
      for (const Symbol& m : set) index[m].push_back(best);
    }
    Cluster& cl = clusters[best];
    cl.claims.insert(cl.claims.end(), bucket->begin() + run.begin,
                     bucket->begin() + run.end);
  }
  if (!bare.empty()) {
    if (clusters.empty()) {
      clusters.push_back(Cluster{&mods(bare.front()), bare.front(), {}});
    }
    size_t largest = 0;
    for (size_t c = 1; c < clusters.size(); ++c) {
      if (clusters[c].claims.size() > clusters[largest].claims.size()) {
        largest = c;
      }
    }
    Cluster& cl = clusters[largest];
    cl.claims.insert(cl.claims.end(), bare.begin(), bare.end());
  }
  for (Cluster& cl : clusters) {
    ClaimGroup g;
    g.klass = klass;
    g.key = absl::StrCat(ClaimClassName(klass), ":", head);
    if (!cl.rep->empty()) {
      absl::StrAppend(&g.key, "[", absl::StrJoin(*cl.rep, ","), "]");
    }
    g.subject = claims[cl.rep_claim]->subject.text;
    if (g.subject.empty()) g.subject = std::string(head);
    g.claims = std::move(cl.claims);
    std::sort(g.claims.begin(), g.claims.end());
    out->push_back(std::move(g));
  }
}

}  // namespace

ClaimClass ClassOf(const Claim& c) {
  ClaimClass k = ClaimClass::kNone;
  if (c.measure == Measure::kEventDate) {
    k = ClaimClass::kEvent;
  } else if (c.measure == Measure::kStatus ||
             c.mention.kind == MentionKind::kStatus) {
    k = ClaimClass::kStatus;
  } else if (c.mention.kind == MentionKind::kDate) {
    k = ClaimClass::kDate;
  } else if (IsNumericKind(c.mention.kind) && IsFigureMeasure(c.measure)) {
    k = ClaimClass::kFigure;
  }
  if (k != ClaimClass::kNone && BucketName(c, k).empty()) {
    return ClaimClass::kNone;
  }
  return k;
}

double ModifierOverlap(const std::vector<Symbol>& a,
                       const std::vector<Symbol>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t n;
  if (std::is_sorted(a.begin(), a.end()) &&
      std::is_sorted(b.begin(), b.end())) {
    n = OverlapCount(a, b);
  } else {
    Mods sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    n = OverlapCount(sa, sb);
  }
  return static_cast<double>(n) /
         static_cast<double>(std::min(a.size(), b.size()));
}

double SubjectSimilarity(const Subject& a, const Subject& b) {
  if (a.head.empty() || a.head != b.head) return 0;
  if (a.modifiers.empty() && b.modifiers.empty()) return 1;
  if (a.modifiers.empty() || b.modifiers.empty()) return 0.75;
  if (a.modifiers == b.modifiers) return 1;
  return 0.5 + 0.5 * ModifierOverlap(a.modifiers, b.modifiers);
}

std::vector<ClaimGroup> AlignClaims(const std::vector<Claim>& claims,
                                    const AlignOptions& options) {
  Claims ptrs;
  ptrs.reserve(claims.size());
  for (const Claim& c : claims) ptrs.push_back(&c);
  return AlignClaimPtrs(ptrs, options);
}

std::vector<ClaimGroup> AlignClaimPtrs(const std::vector<const Claim*>& claims,
                                       const AlignOptions& options) {
  // Interned names: hashing and comparing them is a pointer operation.
  using BucketKey = std::pair<int, Symbol>;
  absl::flat_hash_map<BucketKey, std::vector<int>> buckets;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = *claims[i];
    ClaimClass k = ClassOf(c);
    if (k == ClaimClass::kNone) continue;
    buckets[{static_cast<int>(k), BucketName(c, k)}].push_back(
        static_cast<int>(i));
  }
  std::vector<ClaimGroup> groups;
  groups.reserve(buckets.size());
  // Plans ("will revise Article 9") are about their object, not a story-wide
  // state: one group per planned action and object, clustered like figures.
  absl::flat_hash_map<std::string, std::vector<int>> plans;
  const BucketKey plan_key{static_cast<int>(ClaimClass::kStatus),
                           Symbol(kPlanGroup)};
  if (auto it = buckets.find(plan_key); it != buckets.end()) {
    for (int i : it->second) {
      if (claims[i]->subject.head.empty()) continue;
      plans[absl::StrCat(kPlanGroup, ":", claims[i]->subject.head)].push_back(
          i);
    }
    buckets.erase(it);
  }
  for (auto& [head, members] : plans) {
    std::sort(members.begin(), members.end());
    ClusterBucket(claims, ClaimClass::kStatus, head, &members, options,
                  &groups);
  }
  for (auto& [key, members] : buckets) {
    const ClaimClass klass = static_cast<ClaimClass>(key.first);
    if (klass == ClaimClass::kFigure || klass == ClaimClass::kDate) {
      ClusterBucket(claims, klass, key.second, &members, options, &groups);
      continue;
    }
    if (klass == ClaimClass::kStatus && options.status_by_subject) {
      // One group per (status group, head).
      std::sort(members.begin(), members.end(), [&](int a, int b) {
        const Symbol& ha = claims[a]->subject.head;
        const Symbol& hb = claims[b]->subject.head;
        if (ha != hb) return ha < hb;
        return a < b;
      });
      for (size_t i = 0; i < members.size();) {
        size_t j = i + 1;
        const Symbol& head = claims[members[i]]->subject.head;
        while (j < members.size() && claims[members[j]]->subject.head == head) {
          ++j;
        }
        ClaimGroup g;
        g.klass = klass;
        g.key = absl::StrCat("status:", key.second, ":", head);
        g.subject = claims[members[i]]->subject.text;
        if (g.subject.empty()) g.subject = key.second.str();
        g.claims.assign(members.begin() + i, members.begin() + j);
        groups.push_back(std::move(g));
        i = j;
      }
      continue;
    }
    ClaimGroup g;
    g.klass = klass;
    g.key = absl::StrCat(ClaimClassName(klass), ":", key.second);
    std::sort(members.begin(), members.end());
    g.subject = key.second.str();
    g.claims = std::move(members);
    groups.push_back(std::move(g));
  }
  // Keys are unique; the first claim only makes the order total. Sorting
  // positions and moving each group once beats swapping groups.
  std::vector<std::pair<absl::string_view, int>> order;
  order.reserve(groups.size());
  for (const ClaimGroup& g : groups) {
    order.emplace_back(g.key, g.claims.front());
  }
  std::vector<size_t> index(groups.size());
  for (size_t i = 0; i < index.size(); ++i) index[i] = i;
  std::sort(index.begin(), index.end(),
            [&](size_t a, size_t b) { return order[a] < order[b]; });
  std::vector<ClaimGroup> sorted;
  sorted.reserve(groups.size());
  for (size_t i : index) sorted.push_back(std::move(groups[i]));
  return sorted;
}

}  // namespace crosscheck::align
