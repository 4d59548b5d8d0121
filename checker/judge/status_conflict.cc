// judge.status-conflict: mutually exclusive statuses of one group ("minority
// government" vs "two-thirds supermajority") for the same time scope from
// different documents. Statuses of different times are superseded instead;
// labels listed together in status_compatible never conflict.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class StatusConflictJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "status-conflict"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           std::vector<Finding>* out) const override {
    const size_t max_ev = static_cast<size_t>(ctx.config().limits.max_evidence);
    for (size_t g = 0; g < ctx.groups().size(); ++g) {
      const align::ClaimGroup& group = ctx.groups()[g];
      for (const Partition& p : ctx.partitions(g)) {
        if (p.measure != Measure::kStatus) continue;
        for (const ScopeBucket& s : p.scopes) {
          const size_t n = s.clusters.size();
          std::vector<bool> involved(n, false);
          bool any = false;
          for (size_t i = 0; i < n; ++i) {
            for (size_t j = i + 1; j < n; ++j) {
              const ValueCluster& a = s.clusters[i];
              const ValueCluster& b = s.clusters[j];
              if (ctx.LabelsCompatible(a.label, b.label)) continue;
              int x, y;
              if (!ctx.FindPair(a.claims, b.claims, false, &x, &y)) continue;
              involved[i] = involved[j] = true;
              any = true;
            }
          }
          if (!any) continue;
          Finding f;
          f.subject = group.subject;
          std::vector<std::string> cites, values;
          for (size_t i = 0; i < n; ++i) {
            if (!involved[i]) continue;
            cites.push_back(ctx.CiteCluster(s.clusters[i]));
            values.push_back(s.clusters[i].label);
            for (int e : ctx.OnePerDocument(s.clusters[i].claims)) {
              if (f.evidence.size() < max_ev) {
                f.evidence.push_back(ctx.ClaimEvidence(e));
              }
            }
          }
          f.message = absl::StrCat(
              "sources state exclusive statuses for ", group.subject,
              " at the same time: ", absl::StrJoin(cites, " vs "));
          ctx.Emit(kind(), cfg, group.key, std::move(values),
                   s.known ? 1.0 : 0.7, std::move(f), out);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewStatusConflictJudgment() {
  return std::make_unique<StatusConflictJudgment>();
}

}  // namespace crosscheck::judge
