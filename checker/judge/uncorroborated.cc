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

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           std::vector<Finding>* out) const override {
    for (size_t g = 0; g < ctx.groups().size(); ++g) {
      const align::ClaimGroup& group = ctx.groups()[g];
      if (group.klass != align::ClaimClass::kFigure) continue;
      const int unit = ctx.SourceUnitId(ctx.DocOf(group.claims.front()));
      bool single = true;
      for (int i : group.claims) {
        if (ctx.SourceUnitId(ctx.DocOf(i)) != unit) {
          single = false;
          break;
        }
      }
      if (!single) continue;
      // One finding per distinct value, however often the source repeats it.
      for (const Partition& p : ctx.partitions(g)) {
        for (const ScopeBucket& s : p.scopes) {
          for (const ValueCluster& c : s.clusters) {
            const int first = c.claims.front();
            Finding f;
            f.subject = group.subject;
            f.message = absl::StrCat("only one source states ", group.subject,
                                     ": ", ctx.CiteCluster(c));
            for (int e : ctx.OnePerDocument(c.claims)) {
              f.evidence.push_back(ctx.ClaimEvidence(e));
            }
            ctx.Emit(kind(), cfg, absl::StrCat(group.key, "|", p.key),
                     {ctx.ValueText(first)}, 1.0, std::move(f), out);
          }
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
