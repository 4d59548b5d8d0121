// JudgeAll: align, run every enabled judgment group by group, order the
// findings, then give them their evidence.
#include "checker/judge/judge.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

std::vector<Finding> JudgeAll(const std::vector<Claim>& claims,
                              const std::vector<DocumentInfo>& docs,
                              const JudgeConfig& config) {
  std::vector<const Claim*> ptrs;
  ptrs.reserve(claims.size());
  for (const Claim& c : claims) ptrs.push_back(&c);
  return JudgeClaimPtrs(ptrs, docs, config);
}

namespace {

// Fingerprints are 16 lowercase hex digits: as numbers they sort like the
// strings.
uint64_t HexValue(const std::string& hex) {
  uint64_t v = 0;
  for (char c : hex) {
    v = v * 16 +
        static_cast<uint64_t>(absl::ascii_isdigit(c) ? c - '0' : c - 'a' + 10);
  }
  return v;
}

}  // namespace

std::vector<Finding> JudgeClaimPtrs(const std::vector<const Claim*>& claims,
                                    const std::vector<DocumentInfo>& docs,
                                    const JudgeConfig& config) {
  Context ctx(claims, docs, config);
  struct Active {
    std::unique_ptr<Judgment> judgment;
    const JudgmentConfig* config;
  };
  std::vector<Active> active;
  for (const RegistryEntry& e : Registry()) {
    const JudgmentConfig& jc = config.judgment(e.kind);
    if (jc.enabled) active.push_back({e.make(), &jc});
  }
  Findings out;
  for (const Active& a : active) a.judgment->Run(ctx, *a.config, &out);
  {
    GroupAnalysis analysis(ctx);
    for (size_t g = 0; g < ctx.groups().size(); ++g) {
      const GroupView& view = analysis.Analyze(g);
      for (const Active& a : active) {
        a.judgment->RunGroup(ctx, view, *a.config, &out);
      }
    }
  }
  ctx.ReleaseAnalysis();

  // Order: severity desc, rule id, subject, fingerprint, message, first
  // claim, then emission order (deterministic). Rule ids and subjects are
  // ranked once, so that sorting compares integers and reads each finding's
  // strings only on a tie of everything else.
  std::vector<Finding>& findings = out.findings();
  std::vector<Symbol> rules;
  for (const Finding& f : findings) {
    if (std::find(rules.begin(), rules.end(), f.rule_id) == rules.end()) {
      rules.push_back(f.rule_id);
    }
  }
  std::sort(rules.begin(), rules.end());
  // Subjects: a group's findings share its subject's buffer, so most
  // lookups hit the pointer map before hashing any text.
  std::vector<uint32_t> subject_rank(findings.size());
  {
    absl::flat_hash_map<const char*, uint32_t> by_buffer;
    absl::flat_hash_map<absl::string_view, uint32_t> by_text;
    std::vector<absl::string_view> distinct;
    for (size_t i = 0; i < findings.size(); ++i) {
      const absl::string_view s = findings[i].subject;
      auto [it, added] = by_buffer.try_emplace(s.data(), 0);
      if (added) {
        auto [jt, new_text] =
            by_text.try_emplace(s, static_cast<uint32_t>(distinct.size()));
        if (new_text) distinct.push_back(s);
        it->second = jt->second;
      }
      subject_rank[i] = it->second;
    }
    std::vector<uint32_t> order(distinct.size());
    for (size_t k = 0; k < order.size(); ++k) {
      order[k] = static_cast<uint32_t>(k);
    }
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return distinct[a] < distinct[b];
    });
    std::vector<uint32_t> rank(distinct.size());
    for (size_t k = 0; k < order.size(); ++k) {
      rank[order[k]] = static_cast<uint32_t>(k);
    }
    for (uint32_t& r : subject_rank) r = rank[r];
  }
  struct Key {
    uint64_t major;        // severity desc, rule, subject
    uint64_t fingerprint;  // as a number: sorts like the hex string
    int index;
  };
  std::vector<Key> keys(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const uint64_t severity = static_cast<uint64_t>(
        static_cast<int>(Severity::kError) - static_cast<int>(f.severity));
    // Its position in the sorted, duplicate-free list; found by (interned)
    // identity rather than by comparing text.
    const uint64_t rule = static_cast<uint64_t>(
        std::find(rules.begin(), rules.end(), f.rule_id) - rules.begin());
    keys[i] = {(severity << 56) | (rule << 40) | subject_rank[i],
               HexValue(f.fingerprint), static_cast<int>(i)};
  }
  std::vector<uint32_t>().swap(subject_rank);
  auto first_claim = [&](size_t i) -> absl::string_view {
    const Finding& f = findings[i];
    if (!f.evidence.empty()) return f.evidence.front().claim_id;
    const absl::Span<const int> ev = out.evidence(i);
    return ev.empty() ? absl::string_view() : ctx.claim(ev.front()).id;
  };
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.fingerprint != b.fingerprint) return a.fingerprint < b.fingerprint;
    const Finding& fa = findings[a.index];
    const Finding& fb = findings[b.index];
    if (fa.message != fb.message) return fa.message < fb.message;
    const absl::string_view ca = first_claim(a.index);
    const absl::string_view cb = first_claim(b.index);
    if (ca != cb) return ca < cb;
    return a.index < b.index;
  });
  std::vector<int> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = keys[i].index;
  std::vector<Key>().swap(keys);
  out.Permute(order);
  std::vector<int>().swap(order);

  // Evidence is the bulk of the findings' memory: make room first.
  findings.shrink_to_fit();
  // Findings come in report order, so their claims are read at random:
  // fetching each claim a few entries ahead, and the texts it points to a
  // few entries later, overlaps the cache misses instead of paying them
  // one after the other.
  std::vector<int> ahead;
  for (size_t i = 0; i < findings.size(); ++i) {
    const absl::Span<const int> ev = out.evidence(i);
    ahead.insert(ahead.end(), ev.begin(), ev.end());
  }
  constexpr size_t kPointerAhead = 24, kClaimAhead = 16, kTextAhead = 8;
  size_t next = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    const absl::Span<const int> ev = out.evidence(i);
    Finding& f = findings[i];
    f.evidence.reserve(f.evidence.size() + ev.size());
    for (int c : ev) {
      if (next + kPointerAhead < ahead.size()) {
        ctx.PrefetchClaimPointer(ahead[next + kPointerAhead]);
      }
      if (next + kClaimAhead < ahead.size()) {
        ctx.PrefetchClaim(ahead[next + kClaimAhead]);
      }
      if (next + kTextAhead < ahead.size()) {
        ctx.PrefetchClaimText(ahead[next + kTextAhead]);
      }
      ++next;
      ctx.FillClaimEvidence(c, &f.evidence.emplace_back());
    }
  }
  return std::move(findings);
}

}  // namespace crosscheck::judge
