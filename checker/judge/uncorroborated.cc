// judge.uncorroborated: a figure (money, percent, quantity, number; never a
// date) whose subject no other source mentions at all. Syndicated copies of
// one story are one source.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class UncorroboratedJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "uncorroborated"; }

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const align::ClaimGroup& group = *g.group;
    if (group.klass != align::ClaimClass::kFigure) return;
    const int unit = ctx.SourceUnitId(ctx.DocOf(group.claims.front()));
    for (int i : group.claims) {
      if (ctx.SourceUnitId(ctx.DocOf(i)) != unit) return;
    }
    // One finding per distinct value, however often the source repeats it.
    for (const Partition& p : g.partitions) {
      for (const ScopeBucket& s : p.scopes) {
        for (const ValueCluster& c : s.clusters) {
          Finding f;
          f.subject = group.subject;
          std::string& m = ctx.Scratch();
          absl::StrAppend(&m, "only one source states ", group.subject, ": ");
          ctx.AppendCiteCluster(c, &m);
          f.message = m;
          ctx.Emit(kind(), cfg, {group.key, "|", p.key},
                   {ctx.ValueText(c.claims.front())}, 1.0, std::move(f),
                   ctx.OnePerDocument(c.claims), out);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewUncorroboratedJudgment() {
  return std::make_unique<UncorroboratedJudgment>();
}

}  // namespace crosscheck::judge
