// MinHash signatures and LSH banding for near-duplicate documents.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "checker/judge/judge.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

namespace {

// splitmix64 finalizer: a fixed, well-mixing permutation of 64-bit values.
inline uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

std::vector<uint64_t> MinHashSignature(absl::string_view text,
                                       const JudgeConfig& config) {
  const int k = std::max(1, config.minhash.num_hashes);
  const size_t w =
      static_cast<size_t>(std::max(1, config.minhash.shingle_words));
  // Word hashes (FNV-1a over lowercased ASCII; other bytes kept as is).
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      if (!in_word) h = 0xcbf29ce484222325ULL, in_word = true;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * 0x100000001b3ULL;
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  if (words.empty()) return {};
  // One-permutation hashing with optimal densification (Shrivastava, ICML
  // 2017): each shingle is hashed once and lands in one of k bins, which
  // keeps its minimum; empty bins then borrow from a pseudo-randomly chosen
  // filled bin. Same Jaccard estimator as k independent permutations (the
  // share of equal bins) at O(words + k) instead of O(words * k).
  std::vector<uint64_t> sig(k, UINT64_MAX);
  std::vector<bool> filled(k, false);
  const uint64_t seed = Mix(config.minhash.seed);
  const size_t shingles = words.size() >= w ? words.size() - w + 1 : 1;
  for (size_t s = 0; s < shingles; ++s) {
    uint64_t sh = seed;
    for (size_t j = s; j < std::min(words.size(), s + w); ++j) {
      sh = Mix(sh ^ words[j]);
    }
    // Bin from the high bits (multiply-shift range reduction), value from
    // the whole hash.
    const size_t bin = static_cast<size_t>(
        (static_cast<unsigned __int128>(sh) * static_cast<uint64_t>(k)) >> 64);
    if (sh < sig[bin]) sig[bin] = sh;
    filled[bin] = true;
  }
  const std::vector<uint64_t> base = sig;
  for (int i = 0; i < k; ++i) {
    if (filled[i]) continue;
    // Probe sequence depends only on (seed, bin, attempt), so two documents
    // with the same filled bins densify the same way.
    for (uint64_t attempt = 1;; ++attempt) {
      const uint64_t r = Mix(seed ^ (static_cast<uint64_t>(i) << 32) ^ attempt);
      const size_t j = static_cast<size_t>(
          (static_cast<unsigned __int128>(r) * static_cast<uint64_t>(k)) >> 64);
      if (filled[j]) {
        sig[i] = base[j];
        break;
      }
    }
  }
  return sig;
}

double EstimateJaccard(const std::vector<uint64_t>& a,
                       const std::vector<uint64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

namespace {

// Band b's key: its rows of the signature, hashed with the band number.
uint64_t BandKey(const std::vector<uint64_t>& sig, size_t b, size_t rows) {
  uint64_t bh = b;
  for (size_t r = 0; r < rows; ++r) bh = Mix(bh ^ sig[b * rows + r]);
  return bh;
}

}  // namespace

size_t NumBands(const JudgeConfig& config) {
  const size_t k = static_cast<size_t>(std::max(0, config.minhash.num_hashes));
  const size_t rows = static_cast<size_t>(std::max(1, config.minhash.rows));
  const size_t bands = static_cast<size_t>(std::max(1, config.minhash.bands));
  return std::min(bands, k / rows);
}

std::vector<uint64_t> BandKeys(const std::vector<uint64_t>& sig,
                               const JudgeConfig& config) {
  const size_t k = static_cast<size_t>(config.minhash.num_hashes);
  const size_t rows = static_cast<size_t>(std::max(1, config.minhash.rows));
  if (sig.size() != k) return {};
  std::vector<uint64_t> keys(NumBands(config));
  for (size_t b = 0; b < keys.size(); ++b) keys[b] = BandKey(sig, b, rows);
  return keys;
}

namespace {

// Calls fn(members) for each run of two or more documents sharing a key
// in `pairs` (sorted here), members in ascending document order.
template <typename Fn>
void ForEachSharedKey(BandPairs* pairs, Fn fn) {
  std::sort(pairs->begin(), pairs->end());
  std::vector<uint32_t> members;
  for (size_t i = 0; i < pairs->size();) {
    size_t j = i + 1;
    while (j < pairs->size() && (*pairs)[j].first == (*pairs)[i].first) ++j;
    if (j - i >= 2) {
      members.clear();
      for (size_t m = i; m < j; ++m) members.push_back((*pairs)[m].second);
      fn(members);
    }
    i = j;
  }
}

}  // namespace

std::vector<uint32_t> BandCandidates(
    const JudgeConfig& config, size_t n,
    const std::function<void(size_t, BandPairs*)>& band) {
  std::vector<bool> shared(n, false);
  BandPairs pairs;
  for (size_t b = 0; b < NumBands(config); ++b) {
    pairs.clear();
    band(b, &pairs);
    ForEachSharedKey(&pairs, [&](const std::vector<uint32_t>& members) {
      for (uint32_t d : members) shared[d] = true;
    });
  }
  std::vector<uint32_t> out;
  for (size_t d = 0; d < n; ++d) {
    if (shared[d]) out.push_back(static_cast<uint32_t>(d));
  }
  return out;
}

std::vector<std::string> SyndicationKeysFromBands(
    const JudgeConfig& config, const std::vector<absl::string_view>& ids,
    const std::function<void(size_t, BandPairs*)>& band,
    const std::function<const std::vector<uint64_t>&(size_t)>& signature) {
  const size_t n = ids.size();
  std::vector<std::string> keys(n);
  UnionFind uf(n);
  bool any = false;
  // LSH: documents sharing one band's key are candidates; only candidates
  // are compared, so cost grows with n, not n^2. Each shared key compares
  // its first document with the others: the clusters (connected
  // components) do not depend on the order the keys are visited in.
  BandPairs pairs;
  for (size_t b = 0; b < NumBands(config); ++b) {
    pairs.clear();
    band(b, &pairs);
    ForEachSharedKey(&pairs, [&](const std::vector<uint32_t>& members) {
      for (size_t m = 1; m < members.size(); ++m) {
        if (uf.Find(members[m]) == uf.Find(members[0])) continue;
        if (EstimateJaccard(signature(members[0]), signature(members[m])) >=
            config.minhash.threshold) {
          uf.Union(members[0], members[m]);
          any = true;
        }
      }
    });
  }
  if (!any) return keys;
  // Key: the smallest id in the cluster.
  std::vector<absl::string_view> smallest(n);
  std::vector<int> size(n, 0);
  for (size_t d = 0; d < n; ++d) {
    const size_t r = uf.Find(d);
    ++size[r];
    if (size[r] == 1 || ids[d] < smallest[r]) smallest[r] = ids[d];
  }
  for (size_t d = 0; d < n; ++d) {
    const size_t r = uf.Find(d);
    if (size[r] > 1) keys[d] = std::string(smallest[r]);
  }
  return keys;
}

std::vector<std::string> SyndicationKeys(
    const JudgeConfig& config, const std::vector<const DocumentInfo*>& docs) {
  const size_t k = static_cast<size_t>(config.minhash.num_hashes);
  const size_t rows = static_cast<size_t>(std::max(1, config.minhash.rows));
  std::vector<absl::string_view> ids;
  ids.reserve(docs.size());
  for (const DocumentInfo* d : docs) ids.push_back(d->id);
  return SyndicationKeysFromBands(
      config, ids,
      [&](size_t b, BandPairs* pairs) {
        for (size_t d = 0; d < docs.size(); ++d) {
          const std::vector<uint64_t>& sig = docs[d]->minhash;
          if (sig.size() != k) continue;
          pairs->emplace_back(BandKey(sig, b, rows), static_cast<uint32_t>(d));
        }
      },
      [&](size_t d) -> const std::vector<uint64_t>& {
        return docs[d]->minhash;
      });
}

void AssignSyndicationKeys(const JudgeConfig& config,
                           std::vector<DocumentInfo>* docs) {
  std::vector<const DocumentInfo*> ptrs;
  ptrs.reserve(docs->size());
  for (const DocumentInfo& d : *docs) ptrs.push_back(&d);
  std::vector<std::string> keys = SyndicationKeys(config, ptrs);
  for (size_t i = 0; i < docs->size(); ++i) {
    (*docs)[i].syndication_key = std::move(keys[i]);
  }
}

}  // namespace crosscheck::judge
