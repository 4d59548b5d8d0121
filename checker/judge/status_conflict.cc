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

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const align::ClaimGroup& group = *g.group;
    for (const Partition& p : g.partitions) {
      if (p.measure != Measure::kStatus) continue;
      for (const ScopeBucket& s : p.scopes) {
        std::vector<const ValueCluster*> all;
        for (const ValueCluster& c : s.clusters) all.push_back(&c);
        const std::vector<const ValueCluster*> sides = Context::Clashing(
            all, [&](const ValueCluster& a, const ValueCluster& b) {
              int x, y;
              return !ctx.LabelsCompatible(a.label, b.label) &&
                     ctx.FindPair(a.claims, b.claims, false, &x, &y);
            });
        if (sides.empty()) continue;
        Finding f;
        f.subject = group.subject;
        Context::Sides sides_of = ctx.CollectSides(
            sides, [&](const ValueCluster& c) { return c.label.str(); });
        f.message = absl::StrCat(
            "sources state exclusive statuses for ", group.subject,
            " at the same time: ", absl::StrJoin(sides_of.cites, " vs "));
        ctx.Emit(kind(), cfg, {group.key}, sides_of.values, s.known ? 1.0 : 0.7,
                 std::move(f), sides_of.evidence, out);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewStatusConflictJudgment() {
  return std::make_unique<StatusConflictJudgment>();
}

}  // namespace crosscheck::judge
