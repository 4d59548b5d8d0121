// JudgeAll: align, run every enabled judgment group by group, order the
// findings, then give them their evidence.
#include "checker/judge/judge.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

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
  // claim. Stable, so equal findings keep their (deterministic) emission
  // order. Rule ids and fingerprints are compared as small integers.
  std::vector<Finding>& findings = out.findings();
  std::vector<Symbol> rules;
  for (const Finding& f : findings) {
    if (std::find(rules.begin(), rules.end(), f.rule_id) == rules.end()) {
      rules.push_back(f.rule_id);
    }
  }
  std::sort(rules.begin(), rules.end());
  // The first bytes of the subject as a number compare like the strings
  // (unsigned bytes, shorter first) unless they are equal.
  auto prefix = [](absl::string_view s) {
    uint64_t v = 0;
    for (size_t i = 0; i < 8; ++i) {
      v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0);
    }
    return v;
  };
  struct Key {
    int severity;
    int rule;
    uint64_t subject;
    uint64_t fingerprint;
  };
  std::vector<Key> keys(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    keys[i] = {static_cast<int>(f.severity),
               static_cast<int>(
                   std::lower_bound(rules.begin(), rules.end(), f.rule_id) -
                   rules.begin()),
               prefix(f.subject), HexValue(f.fingerprint)};
  }
  auto first_claim = [&](size_t i) -> absl::string_view {
    const Finding& f = findings[i];
    if (!f.evidence.empty()) return f.evidence.front().claim_id;
    const absl::Span<const int> ev = out.evidence(i);
    return ev.empty() ? absl::string_view() : ctx.claim(ev.front()).id;
  };
  std::vector<int> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    const Key& a = keys[x];
    const Key& b = keys[y];
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.subject != b.subject) return a.subject < b.subject;
    const Finding& fa = findings[x];
    const Finding& fb = findings[y];
    if (fa.subject != fb.subject) return fa.subject < fb.subject;
    if (a.fingerprint != b.fingerprint) return a.fingerprint < b.fingerprint;
    if (fa.message != fb.message) return fa.message < fb.message;
    return first_claim(x) < first_claim(y);
  });
  std::vector<Key>().swap(keys);
  out.Permute(order);
  std::vector<int>().swap(order);

  // Evidence is the bulk of the findings' memory: make room first.
  findings.shrink_to_fit();
  for (size_t i = 0; i < findings.size(); ++i) {
    const absl::Span<const int> ev = out.evidence(i);
    Finding& f = findings[i];
    f.evidence.reserve(f.evidence.size() + ev.size());
    for (int c : ev) f.evidence.push_back(ctx.ClaimEvidence(c));
  }
  return std::move(findings);
}

}  // namespace crosscheck::judge
