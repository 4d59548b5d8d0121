// judge.superseded: the same subject and measure stated for different times
// with different values (a 2024 "minority government" vs a 2026
// "supermajority"; last year's toll vs this year's). Information, never a
// conflict: both can have been true when written.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class SupersededJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "superseded"; }

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const align::ClaimGroup& group = *g.group;
    for (const Partition& p : g.partitions) {
      const bool status = p.measure == Measure::kStatus;
      for (size_t k = 0; k + 1 < p.scopes.size(); ++k) {
        const ScopeBucket& earlier = p.scopes[k];
        const ScopeBucket& later = p.scopes[k + 1];
        if (!ComparableTimes(earlier, later)) continue;
        const ValueCluster& a = MainCluster(earlier);
        const ValueCluster& b = MainCluster(later);
        // A figure inside a range stated at the other time ("between 9,000
        // and 10,000", then "9,600") says nothing changed.
        if (status ? a.label == b.label
                   : ctx.Agree(a.claims.front(), b.claims.front()) ||
                         ctx.InsideStatedRange(a.claims.front(),
                                               b.claims.front())) {
          continue;
        }
        int x, y;
        if (!ctx.FindPair(a.claims, b.claims, false, &x, &y)) continue;
        // "still recruiting" after another source's "finished recruiting in
        // June" is a status conflict, not a change.
        if (status && ctx.ContinuityContradicts(x, y)) continue;
        // The other sources that stated the superseded value, in this bucket
        // or in the buckets before it that said the same (the state went
        // unchanged from one report to the next), were overtaken too: one
        // claim of each, newest bucket first, joins the evidence.
        ClaimList evidence = {x, y};
        const size_t cap =
            static_cast<size_t>(ctx.config().limits.max_evidence);
        for (size_t r = k + 1; r-- > 0 && evidence.size() < cap;) {
          const ScopeBucket& s = p.scopes[r];
          if (!ComparableTimes(s, earlier)) break;
          const ValueCluster& c = MainCluster(s);
          if (status ? c.label != a.label
                     : !ctx.Agree(c.claims.front(), a.claims.front())) {
            break;
          }
          for (int i : ctx.OnePerDocument(c.claims)) {
            if (evidence.size() >= cap) break;
            // A syndicated copy repeats its source: one of them is enough.
            const int unit = ctx.SourceUnitId(ctx.DocOf(i));
            bool seen = false;
            for (int e : evidence) {
              seen = seen || ctx.SourceUnitId(ctx.DocOf(e)) == unit;
            }
            if (!seen) evidence.push_back(i);
          }
        }
        Finding f;
        f.subject = group.subject;
        std::string& m = ctx.Scratch();
        absl::StrAppend(&m, group.subject, " changed over time: ");
        ctx.AppendCite(x, &m);
        absl::StrAppend(&m, " as of ", ctx.ScopeText(x), " was superseded by ");
        ctx.AppendCite(y, &m);
        absl::StrAppend(&m, " as of ", ctx.ScopeText(y));
        for (size_t e = 2; e < evidence.size(); ++e) {
          m += e == 2 ? "; also stated: " : ", ";
          ctx.AppendCite(evidence[e], &m);
          absl::StrAppend(&m, " as of ", ctx.ScopeText(evidence[e]));
        }
        f.message = m;
        std::string values[2] = {"1:", "2:"};
        ctx.AppendValueText(x, &values[0]);
        ctx.AppendValueText(y, &values[1]);
        ctx.Emit(kind(), cfg, {group.key, "|", p.key}, values, 1.0,
                 std::move(f), evidence, out);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewSupersededJudgment() {
  return std::make_unique<SupersededJudgment>();
}

}  // namespace crosscheck::judge
