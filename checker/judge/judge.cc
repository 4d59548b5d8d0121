// JudgeAll: align, run every enabled judgment group by group, order the
// findings, then give them their evidence.
#include "checker/judge/judge.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "checker/align/huge_pages.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

std::vector<Finding> JudgeAll(const std::vector<Claim>& claims,
                              const std::vector<DocumentInfo>& docs,
                              const JudgeConfig& config) {
  std::vector<const Claim*> ptrs;
  align::ReserveHuge(&ptrs, claims.size());
  for (const Claim& c : claims) ptrs.push_back(&c);
  return JudgeClaimPtrs(ptrs, docs, config);
}

namespace {

// The bytes [from, from + 8) of `s` as a big-endian integer, zero padded:
// integers compare like the strings' prefixes.
uint64_t BigEndianWord(absl::string_view s, size_t from) {
  uint64_t v = 0;
  for (size_t i = from; i < from + 8; ++i) {
    v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0);
  }
  return v;
}

}  // namespace

std::vector<Finding> JudgeClaimPtrs(const std::vector<const Claim*>& claims,
                                    const std::vector<DocumentInfo>& docs,
                                    const JudgeConfig& config) {
  std::vector<const DocumentInfo*> ptrs;
  ptrs.reserve(docs.size());
  for (const DocumentInfo& d : docs) ptrs.push_back(&d);
  return JudgeClaimPtrs(claims, ptrs, config);
}

std::vector<Finding> JudgeClaimPtrs(
    const std::vector<const Claim*>& claims,
    const std::vector<const DocumentInfo*>& docs, const JudgeConfig& config) {
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
  // Runs give at most a few findings per document and per group, and the
  // groups are fewer than the claims.
  out.Reserve(claims.size() + 2 * docs.size());
  for (const Active& a : active) a.judgment->Run(ctx, *a.config, &out);
  {
    GroupAnalysis analysis(ctx);
    const size_t num_groups = ctx.groups().size();
    for (size_t g = 0; g < num_groups; ++g) {
      if (g + 8 < num_groups) ctx.PrefetchGroupFacts(g + 8);
      if (g + 4 < num_groups) ctx.PrefetchGroupClaims(g + 4);
      ctx.LoadGroup(g);
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
  // Subjects: a group's findings are emitted one after another and share
  // its subject's buffer, so each run of one buffer is listed once (no
  // table of buffers: a buffer met again later is only listed twice), and
  // equal texts in different entries get equal ranks.
  std::vector<uint32_t> subject_rank(findings.size());
  {
    std::vector<absl::string_view> distinct;
    const char* last = nullptr;
    for (size_t i = 0; i < findings.size(); ++i) {
      const SharedString& s = findings[i].subject;
      if (distinct.empty() || s.data() != last) {
        distinct.push_back(s.view());
        last = s.data();
      }
      subject_rank[i] = static_cast<uint32_t>(distinct.size() - 1);
    }
    // Sorted by their first 16 bytes as big-endian integers (zero padded,
    // which orders like the strings): a byte-wise radix sort, then the
    // full text only within runs that share those 16 bytes.
    struct Prefixed {
      uint64_t p0, p1;
      uint32_t index;
    };
    std::vector<Prefixed> order(distinct.size());
    for (size_t k = 0; k < order.size(); ++k) {
      order[k] = {BigEndianWord(distinct[k], 0), BigEndianWord(distinct[k], 8),
                  static_cast<uint32_t>(k)};
    }
    {
      std::vector<Prefixed> sorted(order.size());
      for (int pass = 0; pass < 16; ++pass) {  // least significant first
        auto digit = [pass](const Prefixed& x) {
          const uint64_t word = pass < 8 ? x.p1 : x.p0;
          return static_cast<size_t>((word >> (8 * (pass % 8))) & 0xff);
        };
        size_t start[257] = {};
        for (const Prefixed& x : order) ++start[digit(x) + 1];
        if (std::find(start + 1, start + 257, order.size()) != start + 257) {
          continue;  // one digit for all: the pass would not move anything
        }
        for (size_t d = 1; d < 257; ++d) start[d] += start[d - 1];
        for (const Prefixed& x : order) sorted[start[digit(x)]++] = x;
        order.swap(sorted);
      }
    }
    for (size_t k = 0; k < order.size();) {
      size_t j = k + 1;
      while (j < order.size() && order[j].p0 == order[k].p0 &&
             order[j].p1 == order[k].p1) {
        ++j;
      }
      if (j - k > 1) {
        std::sort(order.begin() + k, order.begin() + j,
                  [&](const Prefixed& a, const Prefixed& b) {
                    return distinct[a.index] < distinct[b.index];
                  });
      }
      k = j;
    }
    std::vector<uint32_t> rank(distinct.size());
    uint32_t next_rank = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      if (k > 0 &&
          !(order[k].p0 == order[k - 1].p0 && order[k].p1 == order[k - 1].p1 &&
            distinct[order[k].index] == distinct[order[k - 1].index])) {
        ++next_rank;
      }
      rank[order[k].index] = next_rank;
    }
    for (uint32_t& r : subject_rank) r = rank[r];
  }
  // Counting sorts by subject rank, then (stably) by severity and rule;
  // only the findings of one (severity, rule, subject), a handful, are
  // compared by fingerprint and what follows.
  const size_t n = findings.size();
  std::vector<uint32_t> major(n);  // severity desc and rule, dense
  for (size_t i = 0; i < n; ++i) {
    const Finding& f = findings[i];
    const uint32_t severity = static_cast<uint32_t>(
        static_cast<int>(Severity::kError) - static_cast<int>(f.severity));
    // Its position in the sorted, duplicate-free list; found by (interned)
    // identity rather than by comparing text.
    const uint32_t rule = static_cast<uint32_t>(
        std::find(rules.begin(), rules.end(), f.rule_id) - rules.begin());
    major[i] = severity * static_cast<uint32_t>(rules.size()) + rule;
  }
  std::vector<int> by_subject(n), order(n);
  {
    uint32_t num_subjects = 0;
    for (uint32_t r : subject_rank)
      num_subjects = std::max(num_subjects, r + 1);
    std::vector<uint32_t> start(num_subjects + 1, 0);
    for (uint32_t r : subject_rank) ++start[r + 1];
    for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    for (size_t i = 0; i < n; ++i) {
      by_subject[start[subject_rank[i]]++] = static_cast<int>(i);
    }
    std::vector<uint32_t> mstart(3 * rules.size() + 1, 0);
    for (uint32_t m : major) ++mstart[m + 1];
    for (size_t k = 1; k < mstart.size(); ++k) mstart[k] += mstart[k - 1];
    for (int i : by_subject) order[mstart[major[i]]++] = i;
  }
  std::vector<int>().swap(by_subject);
  auto first_claim = [&](size_t i) -> absl::string_view {
    const Finding& f = findings[i];
    if (!f.evidence.empty()) return f.evidence.front().claim_id;
    const absl::Span<const int> ev = out.evidence(i);
    return ev.empty() ? absl::string_view() : ctx.claim(ev.front()).id;
  };
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    const int head = order[i];
    while (j < n && major[order[j]] == major[head] &&
           subject_rank[order[j]] == subject_rank[head]) {
      ++j;
    }
    if (j - i > 1) {
      std::sort(order.begin() + i, order.begin() + j, [&](int a, int b) {
        if (out.fingerprint(a) != out.fingerprint(b)) {
          return out.fingerprint(a) < out.fingerprint(b);
        }
        const Finding& fa = findings[a];
        const Finding& fb = findings[b];
        if (fa.message != fb.message) return fa.message < fb.message;
        const absl::string_view ca = first_claim(a);
        const absl::string_view cb = first_claim(b);
        if (ca != cb) return ca < cb;
        return a < b;
      });
    }
    i = j;
  }
  std::vector<uint32_t>().swap(major);
  std::vector<uint32_t>().swap(subject_rank);
  out.Permute(order);
  std::vector<int>().swap(order);

  // Evidence is filled claim by claim in claim order, not finding by
  // finding in report order: the claims are then read front to back rather
  // than each at random (a million claims are far larger than the caches),
  // and a claim cited by several findings is formatted once.
  {
    std::vector<uint32_t> end =
        align::HugeArray<uint32_t>(ctx.num_claims() + 1);
    // All evidence in one block, finding after finding: document evidence
    // the judgment gave, then its claims'.
    size_t total = 0;
    for (size_t i = 0; i < findings.size(); ++i) {
      const absl::Span<const int> ev = out.evidence(i);
      for (int c : ev) ++end[c + 1];
      total += findings[i].evidence.size() + ev.size();
    }
    for (size_t c = 1; c < end.size(); ++c) end[c] += end[c - 1];
    auto block = std::make_shared<std::vector<Evidence>>(
        align::HugeArray<Evidence>(total));
    // Where each claim's copies go, grouped by claim.
    std::vector<Evidence*> slots = align::HugeArray<Evidence*>(end.back());
    Evidence* next = block->data();
    for (size_t i = 0; i < findings.size(); ++i) {
      const absl::Span<const int> ev = out.evidence(i);
      EvidenceList& list = findings[i].evidence;
      const size_t own = list.size();
      std::move(list.begin(), list.end(), next);
      for (size_t k = 0; k < ev.size(); ++k)
        slots[end[ev[k]]++] = next + own + k;
      list = EvidenceList::Slice(block, next, own + ev.size());
      next += own + ev.size();
    }
    // end[c] is now where claim c's copies end.
    const size_t cited = slots.size();
    // The copies land at random: their lines are fetched a few ahead.
    constexpr size_t kAhead = 8;
    size_t k = 0;
    for (int c = 0; c < ctx.num_claims(); ++c) {
      if (k == end[c]) continue;
      for (size_t a = k + kAhead; a < std::min(end[c] + kAhead, cited); ++a) {
        __builtin_prefetch(slots[a], 1);
        __builtin_prefetch(reinterpret_cast<const char*>(slots[a]) + 64, 1);
      }
      Evidence& e = *slots[k];
      ctx.FillClaimEvidence(c, &e);
      for (++k; k < end[c]; ++k) *slots[k] = e;
    }
  }
  return std::move(findings);
}

}  // namespace crosscheck::judge
