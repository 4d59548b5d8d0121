// judge.agreement: documents state the same value for the same thing at the
// same time. The message counts independent sources: syndicated copies count
// once and AI-generated documents not at all.
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class AgreementJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "agreement"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           std::vector<Finding>* out) const override {
    for (size_t g = 0; g < ctx.groups().size(); ++g) {
      const align::ClaimGroup& group = ctx.groups()[g];
      for (const Partition& p : ctx.partitions(g)) {
        for (const ScopeBucket& s : p.scopes) {
          for (const ValueCluster& c : s.clusters) {
            if (c.docs.size() < 2) continue;
            Report(ctx, cfg, group, p, c, out);
          }
        }
      }
    }
  }

 private:
  static void Report(const Context& ctx, const JudgmentConfig& cfg,
                     const align::ClaimGroup& group, const Partition& p,
                     const ValueCluster& c, std::vector<Finding>* out) {
    std::vector<int> shown = ctx.OnePerDocument(c.claims);
    absl::flat_hash_set<std::string> units;
    std::vector<std::string> dependent;
    for (int d : c.docs) {
      const DocumentInfo& info = ctx.doc(d);
      if (info.ai_generated) {
        dependent.push_back(absl::StrCat(info.id, " (ai-generated)"));
      } else if (!units.insert(ctx.SourceUnit(d)).second) {
        dependent.push_back(absl::StrCat(info.id, " (syndicated copy of ",
                                         ctx.SourceUnit(d), ")"));
      }
    }
    std::vector<std::string> cites;
    for (int i : shown) cites.push_back(ctx.Cite(i));
    Finding f;
    f.subject = group.subject;
    f.message = absl::StrCat(
        "sources agree on ", group.subject, ": ", JoinNames(cites), "; ",
        units.size(),
        units.size() == 1 ? " independent source" : " independent sources");
    if (!dependent.empty()) {
      absl::StrAppend(&f.message, ", not independent: ", JoinNames(dependent));
    }
    for (int i : shown) f.evidence.push_back(ctx.ClaimEvidence(i));
    const double factor = units.size() >= 2   ? 1.0
                          : units.size() == 1 ? 0.6
                                              : 0.4;
    std::string value =
        p.measure == Measure::kStatus ? c.label : ctx.ValueText(c.claims[0]);
    ctx.Emit(kind_name(), cfg, absl::StrCat(group.key, "|", p.key), {value},
             factor, std::move(f), out);
  }
  static absl::string_view kind_name() { return "agreement"; }
};

}  // namespace

std::unique_ptr<Judgment> NewAgreementJudgment() {
  return std::make_unique<AgreementJudgment>();
}

}  // namespace crosscheck::judge
