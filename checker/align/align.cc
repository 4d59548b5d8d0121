#include "checker/align/align.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "checker/align/huge_pages.h"

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
using Mods = absl::Span<const Symbol>;

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

size_t OverlapCount(Mods a, Mods b) {
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
uint64_t SetHash(Mods mods) {
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
//
// The distinct lists are copied into one pool: comparing them then reads
// a few dense pages rather than a claim each.
struct ModifierSets {
  std::vector<uint32_t> id;     // by claim: equal ids <=> equal lists
  std::vector<uint32_t> begin;  // by id, and one past the last: into pool
  std::vector<Symbol> pool;
  std::vector<uint64_t> hash;  // by id: SetHash of the list

  size_t size() const { return hash.size(); }
  Mods set(uint32_t id) const {
    return absl::MakeConstSpan(pool).subspan(begin[id],
                                             begin[id + 1] - begin[id]);
  }
  bool empty(uint32_t id) const { return begin[id] == begin[id + 1]; }
};

// "figure:tariff[automobile,korean]": class, head and modifier set.
std::string GroupKey(ClaimClass klass, absl::string_view head, Mods mods) {
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
  struct Run {
    uint32_t set;
    size_t begin, end;  // into run_claims
  };
  struct Cluster {
    Mods rep;       // representative modifiers
    int rep_claim;  // lowest index with `rep`
    size_t size;    // claims from runs
  };
  std::vector<int> run_claims;  // the claims of each run, runs in order
  std::vector<Run> runs;
  std::vector<uint32_t> set_count;    // by set id; zero between buckets
  std::vector<uint32_t> run_cluster;  // by run
  std::vector<int> bare;              // claims without modifiers
  std::vector<Cluster> clusters;
  // Modifier -> the clusters whose representative has it, in creation
  // order: a list threaded through `nodes` (cluster, next), -1 ended.
  absl::flat_hash_map<Symbol, std::pair<int, int>> index;  // head, tail
  std::vector<std::pair<int, int>> nodes;
};

// Among the clusters as large as `largest`, the one with the most claims
// whose time scope lies within a month of the bare claims' scopes: a bare
// "64 aircraft" as of October joins "a fleet of 58 jets" as of October
// rather than "three leased planes" in 2011. Ties keep the lowest index.
template <typename ClaimsT, typename RunsT, typename ClustersT>
size_t NearestInTime(const ClaimsT& claims, const std::vector<int>& bare,
                     const RunsT& runs, const std::vector<int>& run_claims,
                     const std::vector<uint32_t>& run_cluster,
                     const ClustersT& clusters, size_t largest) {
  size_t tied = 0;
  for (const auto& c : clusters) tied += c.size == clusters[largest].size;
  if (tied < 2) return largest;
  absl::CivilDay lo = absl::CivilDay::max(), hi = absl::CivilDay::min();
  for (int i : bare) {
    const DateValue& p = claims[i]->scope.period;
    if (p.end < p.begin) continue;
    lo = std::min(lo, p.begin);
    hi = std::max(hi, p.end);
  }
  if (hi < lo) return largest;
  lo -= 31;
  hi += 31;
  std::vector<uint32_t> near(clusters.size(), 0);
  for (size_t r = 0; r < runs.size(); ++r) {
    const size_t c = run_cluster[r];
    if (clusters[c].size != clusters[largest].size) continue;
    for (size_t k = runs[r].begin; k < runs[r].end; ++k) {
      const DateValue& p = claims[run_claims[k]]->scope.period;
      near[c] += !(p.end < lo || hi < p.begin);
    }
  }
  size_t best = largest;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (clusters[c].size == clusters[largest].size && near[c] > near[best]) {
      best = c;
    }
  }
  return best;
}

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
    g.key = GroupKey(klass, head, sets.set(sets.id[bucket.front()]));
    g.subject = c.subject.text.empty() ? std::string(head) : c.subject.text;
    g.claims.assign(bucket.begin(), bucket.end());
    out->push_back(std::move(g));
    return;
  }
  using Cluster = ClusterScratch::Cluster;
  using Run = ClusterScratch::Run;
  // Claims with identical modifier sets form a run. Runs are ordered most
  // frequent first, so that those sets become the representatives; ties by
  // a fixed hash of the set, then by the sets themselves (hash collisions).
  // Counting by set id sorts the few distinct sets, never the claims.
  std::vector<uint32_t>& count = scratch->set_count;
  if (count.size() < sets.size()) count.resize(sets.size(), 0);
  auto& runs = scratch->runs;
  std::vector<int>& bare = scratch->bare;
  runs.clear();
  bare.clear();
  for (int i : bucket) {
    const uint32_t id = sets.id[i];
    if (sets.empty(id)) {
      bare.push_back(i);  // ascending, as `bucket`
    } else if (count[id]++ == 0) {
      runs.push_back({id, 0, 0});
    }
  }
  std::sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) {
    if (count[a.set] != count[b.set]) return count[a.set] > count[b.set];
    if (sets.hash[a.set] != sets.hash[b.set]) {
      return sets.hash[a.set] < sets.hash[b.set];
    }
    const Mods x = sets.set(a.set), y = sets.set(b.set);
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
  });
  std::vector<int>& run_claims = scratch->run_claims;
  run_claims.resize(bucket.size() - bare.size());
  {
    // count[id] becomes the next free slot of its run, then zero again.
    size_t begin = 0;
    for (Run& run : runs) {
      run.begin = begin;
      run.end = begin + count[run.set];
      count[run.set] = static_cast<uint32_t>(begin);
      begin = run.end;
    }
    for (int i : bucket) {
      const uint32_t id = sets.id[i];
      if (!sets.empty(id)) run_claims[count[id]++] = i;
    }
    for (const Run& run : runs) count[run.set] = 0;
  }
  std::vector<Cluster>& clusters = scratch->clusters;
  clusters.clear();
  scratch->index.clear();
  scratch->nodes.clear();
  scratch->run_cluster.clear();
  for (const ClusterScratch::Run& run : runs) {
    const int first = run_claims[run.begin];
    const Mods set = sets.set(run.set);
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
        const Mods rep = clusters[cand].rep;
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
      clusters.push_back(Cluster{set, first, 0});
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
      clusters.push_back(
          Cluster{sets.set(sets.id[bare.front()]), bare.front(), 0});
      largest = clusters.size() - 1;
    } else {
      for (size_t c = 1; c < clusters.size(); ++c) {
        if (clusters[c].size > clusters[largest].size) largest = c;
      }
      largest = NearestInTime(claims, bare, runs, run_claims,
                              scratch->run_cluster, clusters, largest);
    }
  }
  // One group per cluster, its claims allocated once and sorted. Each
  // names its subject after its representative claim, one of a million:
  // those texts are fetched a few clusters ahead (claim pointer, claim,
  // text), so that the misses overlap.
  const size_t base = out->size();
  auto rep_of = [&](size_t c) { return claims[clusters[c].rep_claim]; };
  constexpr size_t kAhead = 4;
  for (size_t c = 0; c < std::min(clusters.size(), 3 * kAhead); ++c) {
    __builtin_prefetch(&claims[clusters[c].rep_claim]);
  }
  for (size_t c = 0; c < std::min(clusters.size(), 2 * kAhead); ++c) {
    __builtin_prefetch(&rep_of(c)->subject.text);
  }
  for (size_t c = 0; c < std::min(clusters.size(), kAhead); ++c) {
    __builtin_prefetch(rep_of(c)->subject.text.data());
  }
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (c + 3 * kAhead < clusters.size()) {
      __builtin_prefetch(&claims[clusters[c + 3 * kAhead].rep_claim]);
    }
    if (c + 2 * kAhead < clusters.size()) {
      __builtin_prefetch(&rep_of(c + 2 * kAhead)->subject.text);
    }
    if (c + kAhead < clusters.size()) {
      __builtin_prefetch(rep_of(c + kAhead)->subject.text.data());
    }
    const Cluster& cl = clusters[c];
    ClaimGroup& g = out->emplace_back();
    g.klass = klass;
    g.key = GroupKey(klass, head, cl.rep);
    g.subject = claims[cl.rep_claim]->subject.text;
    if (g.subject.empty()) g.subject = std::string(head);
    g.claims.reserve(cl.size + (c == largest ? bare.size() : 0));
  }
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<int>& members = (*out)[base + scratch->run_cluster[r]].claims;
    for (size_t k = runs[r].begin; k < runs[r].end; ++k) {
      members.push_back(run_claims[k]);
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
  std::vector<Sortable> order = HugeArray<Sortable>(groups.size());
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
  // In place, cycle by cycle: a second array of groups would be fresh
  // memory, and touching fresh pages costs more than the moves.
  std::vector<bool> done(groups.size(), false);
  for (size_t start = 0; start < groups.size(); ++start) {
    if (done[start]) continue;
    ClaimGroup first = std::move(groups[start]);
    size_t k = start;
    while (order[k].index != start) {
      const size_t from = order[k].index;
      groups[k] = std::move(groups[from]);
      done[k] = true;
      k = from;
    }
    groups[k] = std::move(first);
    done[k] = true;
  }
  return groups;
}

}  // namespace

absl::string_view BucketNameOf(const Claim& c, ClaimClass k) {
  return BucketName(c, k);
}

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
    n = OverlapCount(absl::MakeConstSpan(a), absl::MakeConstSpan(b));
  } else {
    std::vector<Symbol> sa = a, sb = b;
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
  ReserveHuge(&ptrs, claims.size());
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
  std::vector<uint32_t> bucket_of = HugeArray<uint32_t>(claims.size());
  std::vector<uint32_t> bucket_size;
  constexpr uint32_t kNoBucket = ~uint32_t{0};
  ModifierSets sets;
  sets.id = HugeArray<uint32_t>(claims.size());
  sets.begin.push_back(0);
  // Lists by (per-process) hash, ids with equal hashes chained: lookups
  // compare against the pool, never against another claim.
  absl::flat_hash_map<size_t, uint32_t> set_ids;
  std::vector<uint32_t> next_same_hash;
  constexpr uint32_t kNoSet = ~uint32_t{0};
  for (size_t i = 0; i < claims.size(); ++i) {
    // Most of a claim's cache lines are read here, and its modifier list
    // lies elsewhere; the hardware does not run far enough ahead across
    // pages.
    if (i + 8 < claims.size()) {
      const char* next = reinterpret_cast<const char*>(claims[i + 8]);
      for (size_t b = 0; b < sizeof(Claim); b += 64) {
        __builtin_prefetch(next + b);
      }
    }
    if (i + 4 < claims.size()) {
      __builtin_prefetch(claims[i + 4]->subject.modifiers.data());
    }
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
      const Mods mods = c.subject.modifiers;
      const uint32_t next = static_cast<uint32_t>(sets.size());
      auto [jt, new_hash] = set_ids.try_emplace(absl::Hash<Mods>()(mods), next);
      uint32_t id = new_hash ? next : jt->second;
      if (!new_hash) {
        while (sets.set(id) != mods && next_same_hash[id] != kNoSet) {
          id = next_same_hash[id];
        }
        if (sets.set(id) != mods) {
          next_same_hash[id] = next;
          id = next;
        }
      }
      if (id == next) {
        sets.pool.insert(sets.pool.end(), mods.begin(), mods.end());
        sets.begin.push_back(static_cast<uint32_t>(sets.pool.size()));
        sets.hash.push_back(SetHash(mods));
        next_same_hash.push_back(kNoSet);
      }
      sets.id[i] = id;
    }
  }
  absl::flat_hash_map<size_t, uint32_t>().swap(set_ids);
  std::vector<uint32_t>().swap(next_same_hash);
  absl::flat_hash_map<BucketKey, uint32_t>().swap(bucket_ids);
  // Members of every bucket in one array, each bucket's claims ascending.
  std::vector<uint32_t> bucket_begin(bucket_keys.size() + 1, 0);
  for (size_t b = 0; b < bucket_keys.size(); ++b) {
    bucket_begin[b + 1] = bucket_begin[b] + bucket_size[b];
  }
  std::vector<int> members = HugeArray<int>(bucket_begin.back());
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
  ReserveHuge(&groups, bucket_keys.size());
  ClusterScratch scratch;
  // Most buckets hold one claim whose subject names the group: that text
  // is fetched a few buckets ahead (pointer, claim, then the text), so the
  // cache misses overlap.
  constexpr size_t kAhead = 8;
  auto first_of = [&](size_t b) { return claims[members[bucket_begin[b]]]; };
  for (size_t b = 0; b < bucket_keys.size(); ++b) {
    if (b + 3 * kAhead < bucket_keys.size()) {
      __builtin_prefetch(&claims[members[bucket_begin[b + 3 * kAhead]]]);
    }
    if (b + 2 * kAhead < bucket_keys.size()) {
      __builtin_prefetch(&first_of(b + 2 * kAhead)->subject.text);
    }
    if (b + kAhead < bucket_keys.size()) {
      __builtin_prefetch(first_of(b + kAhead)->subject.text.data());
    }
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
