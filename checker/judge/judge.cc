// JudgeAll: align, run every enabled judgment, order findings.
#include "checker/judge/judge.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_format.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

std::string Fingerprint(const std::vector<std::string>& parts) {
  // FNV-1a 64: fixed and simple, so fingerprints survive rebuilds (absl::Hash
  // is salted per process).
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (const std::string& p : parts) {
    for (unsigned char c : p) mix(c);
    mix(0x1f);  // unit separator: ("ab","c") != ("a","bc")
  }
  return absl::StrFormat("%016x", h);
}

std::vector<Finding> JudgeAll(const std::vector<Claim>& claims,
                              const std::vector<DocumentInfo>& docs,
                              const JudgeConfig& config) {
  Context ctx(claims, docs, config);
  std::vector<Finding> findings;
  for (const RegistryEntry& e : Registry()) {
    const JudgmentConfig& jc = config.judgment(e.kind);
    if (!jc.enabled) continue;
    e.make()->Run(ctx, jc, &findings);
  }
  auto first_claim = [](const Finding& f) -> const std::string& {
    static const std::string kEmpty;
    return f.evidence.empty() ? kEmpty : f.evidence.front().claim_id;
  };
  // Sort indices, then move each finding once: cheaper than swapping the
  // findings themselves through the sort.
  std::vector<int> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    const Finding& a = findings[x];
    const Finding& b = findings[y];
    if (a.severity != b.severity) return a.severity > b.severity;
    return std::tie(a.rule_id, a.subject, a.fingerprint, a.message,
                    first_claim(a)) < std::tie(b.rule_id, b.subject,
                                               b.fingerprint, b.message,
                                               first_claim(b));
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (int i : order) sorted.push_back(std::move(findings[i]));
  return sorted;
}

}  // namespace crosscheck::judge
