// judge.compatible: values that do not agree on a point but whose bounds
// overlap ("between 30 and 40" vs "36"; "more than 4,000" vs "4,800"), and
// statuses of one group that can hold at once ("landslide" vs
// "supermajority"); also a figure inside a range stated at another time.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class CompatibleJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "compatible"; }

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const size_t cap =
        static_cast<size_t>(ctx.config().limits.max_value_clusters);
    for (const Partition& p : g.partitions) {
      const bool status = p.measure == Measure::kStatus;
      for (const ScopeBucket& s : p.scopes) {
        const size_t n = std::min(s.clusters.size(), cap);
        for (size_t i = 0; i < n; ++i) {
          for (size_t j = i + 1; j < n; ++j) {
            const ValueCluster& a = s.clusters[i];
            const ValueCluster& b = s.clusters[j];
            int x, y;
            // Like agreement, compatibility is corroboration: a syndicated
            // copy cannot lend it to its own original.
            if (status) {
              if (!ctx.LabelsCompatible(a.label, b.label)) continue;
              if (!ctx.FindPair(a.claims, b.claims, false, &x, &y, true)) {
                continue;
              }
            } else if (!ctx.FindPair(a.claims, b.claims, true, &x, &y, true)) {
              continue;
            }
            Report(ctx, cfg, g, p, status, x, y, out);
          }
        }
      }
      if (status) continue;
      // A figure inside a range stated at the next time ("between 9,000
      // and 10,000 members" on one day, "9,600" on another) is compatible
      // with it across the two times; superseded leaves such pairs alone.
      for (size_t k = 0; k + 1 < p.scopes.size(); ++k) {
        const ScopeBucket& earlier = p.scopes[k];
        const ScopeBucket& later = p.scopes[k + 1];
        if (!ComparableTimes(earlier, later)) continue;
        const ValueCluster& a = MainCluster(earlier);
        const ValueCluster& b = MainCluster(later);
        if (ctx.Agree(a.claims.front(), b.claims.front()) ||
            !ctx.InsideStatedRange(a.claims.front(), b.claims.front())) {
          continue;
        }
        int x, y;
        if (!ctx.FindPair(a.claims, b.claims, true, &x, &y, true)) continue;
        Report(ctx, cfg, g, p, status, x, y, out);
      }
    }
  }

 private:
  void Report(const Context& ctx, const JudgmentConfig& cfg, const GroupView& g,
              const Partition& p, bool status, int x, int y,
              Findings* out) const {
    const align::ClaimGroup& group = *g.group;
    Finding f;
    f.subject = group.subject;
    std::string& m = ctx.Scratch();
    absl::StrAppend(&m, "sources give compatible ",
                    status ? "statuses" : "figures", " for ", group.subject,
                    ": ");
    ctx.AppendCite(x, &m);
    m += " and ";
    ctx.AppendCite(y, &m);
    f.message = m;
    const int evidence[] = {x, y};
    ctx.Emit(kind(), cfg, {group.key, "|", p.key},
             {ctx.ValueText(x), ctx.ValueText(y)}, 1.0, std::move(f), evidence,
             out);
  }
};

}  // namespace

std::unique_ptr<Judgment> NewCompatibleJudgment() {
  return std::make_unique<CompatibleJudgment>();
}

}  // namespace crosscheck::judge
