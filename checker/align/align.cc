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
#include "absl/types/span.h"

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

// Per-claim facts that clustering compares, computed in one pass over the
// claims: clustering then reads these arrays instead of the claims (a
// million claims do not fit in cache; their modifier lists are scattered).
struct ModifierSets {
  std::vector<uint64_t> hash;    // SetHash of the claim's modifiers
  std::vector<uint32_t> id;      // equal ids <=> equal modifier lists
  std::vector<const Mods*> set;  // by id: one claim's list with that content
};

// "figure:tariff[automobile,korean]": class, head and modifier set.
std::string GroupKey(ClaimClass klass, absl::string_view head,
                     const Mods& mods) {
  const absl::string_view name = ClaimClassName(klass);
  size_t size = name.size() + 1 + head.size();
  if (!mods.empty()) {
    size += 1 + mods.size();
    for (const Symbol& m : mods) size += m.size();
  }
  std::string key;
  key.reserve(size);
  key.append(name.data(), name.size());
  key.push_back(':');
  key.append(head.data(), head.size());
  if (!mods.empty()) {
    key.push_back('[');
    for (size_t i = 0; i < mods.size(); ++i) {
      if (i > 0) key.push_back(',');
      key.append(mods[i].str());
    }
    key.push_back(']');
  }
  return key;
}

// Scratch buffers of ClusterBucket, reused from bucket to bucket.
struct ClusterScratch {
  struct Keyed {
    uint64_t hash;
    uint32_t set;
    int claim;
  };
  struct Run {
    size_t begin, end;  // into keyed
  };
  struct Cluster {
    const Mods* rep;  // representative modifiers
    int rep_claim;    // lowest index with `rep`
    size_t size;      // claims from runs
  };
  std::vector<Keyed> keyed;
  std::vector<Run> runs;
  std::vector<uint32_t> run_cluster;  // by run
  std::vector<int> bare;              // claims without modifiers
  std::vector<Cluster> clusters;
  // Modifier -> the clusters whose representative has it, in creation
  // order: a list threaded through `nodes` (cluster, next), -1 ended.
  absl::flat_hash_map<Symbol, std::pair<int, int>> index;  // head, tail
  std::vector<std::pair<int, int>> nodes;
};

// Clusters one head bucket by modifier overlap; appends groups to `out`.
// `bucket` holds claim indices, ascending; it may be reordered.
void ClusterBucket(const Claims& claims, const ModifierSets& sets,
                   ClaimClass klass, absl::string_view head,
                   absl::Span<int> bucket, const AlignOptions& options,
                   ClusterScratch* scratch, std::vector<ClaimGroup>* out) {
  if (bucket.size() == 1) {  // most buckets: what the general case gives
    const Claim& c = *claims[bucket.front()];
    ClaimGroup g;
    g.klass = klass;
    g.key = GroupKey(klass, head, c.subject.modifiers);
    g.subject = c.subject.text.empty() ? std::string(head) : c.subject.text;
    g.claims.assign(bucket.begin(), bucket.end());
    out->push_back(std::move(g));
    return;
  }
  using Keyed = ClusterScratch::Keyed;
  using Cluster = ClusterScratch::Cluster;
  auto mods = [&](int i) -> const Mods& { return *sets.set[sets.id[i]]; };
  // Identical modifier sets become adjacent runs. Sorting by a fixed hash
  // first keeps set comparisons to hash collisions between different sets.
  std::vector<Keyed>& keyed = scratch->keyed;
  keyed.clear();
  for (int i : bucket) keyed.push_back({sets.hash[i], sets.id[i], i});
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    if (a.set != b.set) return mods(a.claim) < mods(b.claim);
    return a.claim < b.claim;
  });
  auto& runs = scratch->runs;
  std::vector<int>& bare = scratch->bare;
  runs.clear();
  bare.clear();
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i + 1;
    while (j < keyed.size() && keyed[j].set == keyed[i].set) ++j;
    if (mods(keyed[i].claim).empty()) {
      for (size_t k = i; k < j; ++k) bare.push_back(keyed[k].claim);
    } else {
      runs.push_back({i, j});
    }
    i = j;
  }
  // Most frequent sets first, so they become the representatives.
  std::stable_sort(
      runs.begin(), runs.end(),
      [](const ClusterScratch::Run& a, const ClusterScratch::Run& b) {
        return a.end - a.begin > b.end - b.begin;
      });
  std::vector<Cluster>& clusters = scratch->clusters;
  clusters.clear();
  scratch->index.clear();
  scratch->nodes.clear();
  scratch->run_cluster.clear();
  for (const ClusterScratch::Run& run : runs) {
    const int first = keyed[run.begin].claim;
    const Mods& set = mods(first);
    int best = -1;
    double best_overlap = 0;
    for (const Symbol& m : set) {
      auto it = scratch->index.find(m);
      if (it == scratch->index.end()) continue;
      const size_t limit = static_cast<size_t>(options.max_candidates);
      size_t seen = 0;
      for (int n = it->second.first; n >= 0 && seen < limit;
           n = scratch->nodes[n].second, ++seen) {
        const int cand = scratch->nodes[n].first;
        const Mods& rep = *clusters[cand].rep;
        const double ov = static_cast<double>(OverlapCount(set, rep)) /
                          static_cast<double>(std::min(set.size(), rep.size()));
        if (ov > best_overlap || (ov == best_overlap && cand < best)) {
          best_overlap = ov;
          best = cand;
        }
      }
    }
    if (best < 0 || best_overlap < options.min_modifier_overlap) {
      best = static_cast<int>(clusters.size());
      clusters.push_back(Cluster{&set, first, 0});
      for (const Symbol& m : set) {
        const int node = static_cast<int>(scratch->nodes.size());
        scratch->nodes.emplace_back(best, -1);
        auto [it, added] = scratch->index.try_emplace(m, node, node);
        if (!added) {
          scratch->nodes[it->second.second].second = node;
          it->second.second = node;
        }
      }
    }
    clusters[best].size += run.end - run.begin;
    scratch->run_cluster.push_back(static_cast<uint32_t>(best));
  }
  size_t largest = 0;
  if (!bare.empty()) {
    const bool vague =
        std::find(options.vague_heads.begin(), options.vague_heads.end(),
                  head) != options.vague_heads.end();
    if (clusters.empty() || vague) {
      clusters.push_back(Cluster{&mods(bare.front()), bare.front(), 0});
      largest = clusters.size() - 1;
    } else {
      for (size_t c = 1; c < clusters.size(); ++c) {
        if (clusters[c].size > clusters[largest].size) largest = c;
      }
    }
  }
  // One group per cluster, its claims allocated once and sorted.
  const size_t base = out->size();
  for (size_t c = 0; c < clusters.size(); ++c) {
    const Cluster& cl = clusters[c];
    ClaimGroup& g = out->emplace_back();
    g.klass = klass;
    g.key = GroupKey(klass, head, *cl.rep);
    g.subject = claims[cl.rep_claim]->subject.text;
    if (g.subject.empty()) g.subject = std::string(head);
    g.claims.reserve(cl.size + (c == largest ? bare.size() : 0));
  }
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<int>& members = (*out)[base + scratch->run_cluster[r]].claims;
    for (size_t k = runs[r].begin; k < runs[r].end; ++k) {
      members.push_back(keyed[k].claim);
    }
  }
  if (!bare.empty()) {
    std::vector<int>& members = (*out)[base + largest].claims;
    members.insert(members.end(), bare.begin(), bare.end());
  }
  for (size_t c = base; c < out->size(); ++c) {
    std::sort((*out)[c].claims.begin(), (*out)[c].claims.end());
  }
}

// Sorts groups by (key, first claim), moving each group once. Keys are
// unique; the first claim only makes the order total. The first 24 bytes
// of each key, as big-endian integers, decide most comparisons without
// touching the strings (padding with zeros orders like the strings: a
// shorter key is a prefix of the longer one where the padding differs).
std::vector<ClaimGroup> SortGroups(std::vector<ClaimGroup> groups) {
  struct Sortable {
    uint64_t p0, p1, p2;
    uint32_t index;
  };
  auto word = [](absl::string_view s, size_t from) {
    uint64_t v = 0;
    for (size_t i = from; i < from + 8; ++i) {
      v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0);
    }
    return v;
  };
  std::vector<Sortable> order(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    order[i] = {word(groups[i].key, 0), word(groups[i].key, 8),
                word(groups[i].key, 16), static_cast<uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(),
            [&](const Sortable& a, const Sortable& b) {
              if (a.p0 != b.p0) return a.p0 < b.p0;
              if (a.p1 != b.p1) return a.p1 < b.p1;
              if (a.p2 != b.p2) return a.p2 < b.p2;
              const ClaimGroup& ga = groups[a.index];
              const ClaimGroup& gb = groups[b.index];
              if (ga.key != gb.key) return ga.key < gb.key;
              return ga.claims.front() < gb.claims.front();
            });
  std::vector<ClaimGroup> sorted;
  sorted.reserve(groups.size());
  for (const Sortable& s : order) sorted.push_back(std::move(groups[s.index]));
  return sorted;
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
  // One pass over the claims: class, bucket and modifier set of each.
  // Interned names: hashing and comparing them is a pointer operation.
  using BucketKey = std::pair<int, Symbol>;
  const Symbol plan_group(kPlanGroup);
  absl::flat_hash_map<BucketKey, uint32_t> bucket_ids;
  std::vector<BucketKey> bucket_keys;
  std::vector<uint32_t> bucket_of(claims.size());
  std::vector<uint32_t> bucket_size;
  constexpr uint32_t kNoBucket = ~uint32_t{0};
  ModifierSets sets;
  sets.hash.resize(claims.size());
  sets.id.resize(claims.size());
  absl::flat_hash_map<absl::Span<const Symbol>, uint32_t> set_ids;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = *claims[i];
    ClaimClass k = ClassOf(c);
    if (k == ClaimClass::kNone) {
      bucket_of[i] = kNoBucket;
      continue;
    }
    const BucketKey key{static_cast<int>(k), BucketName(c, k)};
    auto [it, added] =
        bucket_ids.try_emplace(key, static_cast<uint32_t>(bucket_keys.size()));
    if (added) {
      bucket_keys.push_back(key);
      bucket_size.push_back(0);
    }
    bucket_of[i] = it->second;
    ++bucket_size[it->second];
    // Figures, dates and plans are clustered by their modifiers.
    if (k == ClaimClass::kFigure || k == ClaimClass::kDate ||
        key.second == plan_group) {
      const Mods& mods = c.subject.modifiers;
      auto [jt, new_set] = set_ids.try_emplace(
          absl::MakeConstSpan(mods), static_cast<uint32_t>(sets.set.size()));
      if (new_set) sets.set.push_back(&mods);
      sets.id[i] = jt->second;
      sets.hash[i] = SetHash(mods);
    }
  }
  absl::flat_hash_map<absl::Span<const Symbol>, uint32_t>().swap(set_ids);
  absl::flat_hash_map<BucketKey, uint32_t>().swap(bucket_ids);
  // Members of every bucket in one array, each bucket's claims ascending.
  std::vector<uint32_t> bucket_begin(bucket_keys.size() + 1, 0);
  for (size_t b = 0; b < bucket_keys.size(); ++b) {
    bucket_begin[b + 1] = bucket_begin[b] + bucket_size[b];
  }
  std::vector<int> members(bucket_begin.back());
  {
    std::vector<uint32_t> fill(bucket_begin.begin(), bucket_begin.end() - 1);
    for (size_t i = 0; i < claims.size(); ++i) {
      if (bucket_of[i] != kNoBucket) {
        members[fill[bucket_of[i]]++] = static_cast<int>(i);
      }
    }
  }
  std::vector<uint32_t>().swap(bucket_of);

  std::vector<ClaimGroup> groups;
  groups.reserve(bucket_keys.size());
  ClusterScratch scratch;
  for (size_t b = 0; b < bucket_keys.size(); ++b) {
    const BucketKey& key = bucket_keys[b];
    const absl::Span<int> bucket = absl::MakeSpan(members).subspan(
        bucket_begin[b], bucket_begin[b + 1] - bucket_begin[b]);
    const ClaimClass klass = static_cast<ClaimClass>(key.first);
    if (klass == ClaimClass::kStatus && key.second == plan_group) {
      // Plans ("will revise Article 9") are about their object, not a
      // story-wide state: one group per planned action and object,
      // clustered like figures.
      absl::flat_hash_map<Symbol, std::vector<int>> plans;
      for (int i : bucket) {
        if (claims[i]->subject.head.empty()) continue;
        plans[claims[i]->subject.head].push_back(i);
      }
      for (auto& [head, plan] : plans) {
        ClusterBucket(claims, sets, ClaimClass::kStatus,
                      absl::StrCat(kPlanGroup, ":", head), absl::MakeSpan(plan),
                      options, &scratch, &groups);
      }
      continue;
    }
    if (klass == ClaimClass::kFigure || klass == ClaimClass::kDate) {
      ClusterBucket(claims, sets, klass, key.second, bucket, options, &scratch,
                    &groups);
      continue;
    }
    if (klass == ClaimClass::kStatus && options.status_by_subject) {
      // One group per (status group, head).
      std::sort(bucket.begin(), bucket.end(), [&](int a, int b) {
        const Symbol& ha = claims[a]->subject.head;
        const Symbol& hb = claims[b]->subject.head;
        if (ha != hb) return ha < hb;
        return a < b;
      });
      for (size_t i = 0; i < bucket.size();) {
        size_t j = i + 1;
        const Symbol& head = claims[bucket[i]]->subject.head;
        while (j < bucket.size() && claims[bucket[j]]->subject.head == head) {
          ++j;
        }
        ClaimGroup g;
        g.klass = klass;
        g.key = absl::StrCat("status:", key.second, ":", head);
        g.subject = claims[bucket[i]]->subject.text;
        if (g.subject.empty()) g.subject = key.second.str();
        g.claims.assign(bucket.begin() + i, bucket.begin() + j);
        groups.push_back(std::move(g));
        i = j;
      }
      continue;
    }
    ClaimGroup g;
    g.klass = klass;
    g.key = absl::StrCat(ClaimClassName(klass), ":", key.second);
    g.subject = key.second.str();
    g.claims.assign(bucket.begin(), bucket.end());
    groups.push_back(std::move(g));
  }
  return SortGroups(std::move(groups));
}

}  // namespace crosscheck::align
