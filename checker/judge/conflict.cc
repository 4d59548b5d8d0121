// judge.conflict: the same subject, measure, unit and time scope with values
// whose bounds cannot both hold ("4,800" vs "8,400"). One finding per scope
// lists every value involved. Claims of different time scopes never
// conflict (see superseded.cc); nor do two claims of one document.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

// Some x of `a` and y of `b` from different documents that can contradict
// each other (Context::Contradictable), looking at one claim per document.
bool FindContradiction(const Context& ctx, const std::vector<int>& a,
                       const std::vector<int>& b) {
  const std::vector<int> as = ctx.OnePerDocument(a);
  const std::vector<int> bs = ctx.OnePerDocument(b);
  for (int x : as) {
    for (int y : bs) {
      if (ctx.DocOf(x) != ctx.DocOf(y) && ctx.Contradictable(x, y)) {
        return true;
      }
    }
  }
  return false;
}

class ConflictJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "conflict"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           std::vector<Finding>* out) const override {
    const size_t cap =
        static_cast<size_t>(ctx.config().limits.max_value_clusters);
    for (size_t g = 0; g < ctx.groups().size(); ++g) {
      const align::ClaimGroup& group = ctx.groups()[g];
      for (const Partition& p : ctx.partitions(g)) {
        if (p.measure == Measure::kStatus) continue;
        for (const ScopeBucket& s : p.scopes) {
          if (s.clusters.size() < 2) continue;
          // Compare the best-supported clusters when there are many.
          std::vector<size_t> order(s.clusters.size());
          for (size_t i = 0; i < order.size(); ++i) order[i] = i;
          std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return s.clusters[a].docs.size() > s.clusters[b].docs.size();
          });
          order.resize(std::min(order.size(), cap));
          std::sort(order.begin(), order.end());  // back to value order
          std::vector<bool> involved(order.size(), false);
          bool any = false;
          for (size_t i = 0; i < order.size(); ++i) {
            for (size_t j = i + 1; j < order.size(); ++j) {
              const ValueCluster& a = s.clusters[order[i]];
              const ValueCluster& b = s.clusters[order[j]];
              int x, y;
              if (!FindContradiction(ctx, a.claims, b.claims)) continue;
              if (ctx.FindPair(a.claims, b.claims, true, &x, &y)) continue;
              involved[i] = involved[j] = true;
              any = true;
            }
          }
          if (!any) continue;
          Finding f;
          f.subject = group.subject;
          std::vector<std::string> cites, values;
          const size_t max_ev =
              static_cast<size_t>(ctx.config().limits.max_evidence);
          for (size_t i = 0; i < order.size(); ++i) {
            if (!involved[i]) continue;
            const ValueCluster& c = s.clusters[order[i]];
            cites.push_back(ctx.CiteCluster(c));
            values.push_back(ctx.ValueText(c.claims.front()));
            for (int e : ctx.OnePerDocument(c.claims)) {
              if (f.evidence.size() < max_ev) {
                f.evidence.push_back(ctx.ClaimEvidence(e));
              }
            }
          }
          f.message = absl::StrCat("sources disagree on ", group.subject, ": ",
                                   absl::StrJoin(cites, " vs "));
          ctx.Emit(kind(), cfg, absl::StrCat(group.key, "|", p.key),
                   std::move(values), s.known ? 1.0 : 0.7, std::move(f), out);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewConflictJudgment() {
  return std::make_unique<ConflictJudgment>();
}

}  // namespace crosscheck::judge
