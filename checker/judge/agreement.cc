// judge.agreement: documents state the same value for the same thing at the
// same time. The message counts independent sources: syndicated copies count
// once and AI-generated documents not at all.
#include <algorithm>
#include <string>
#include <utility>
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
        for (const ValueCluster& c : Clusters(ctx, p)) {
          if (c.docs.size() < 2) continue;
          Report(ctx, cfg, group, p, c, out);
        }
      }
    }
  }

 private:
  // Value clusters over the whole partition rather than per scope bucket:
  // two documents stating the same value for the same subject corroborate
  // each other even when one dates it explicitly ("on Thursday") and the
  // other only by its own publication date. Yearly and daily figures (span
  // classes) are still kept apart.
  static std::vector<ValueCluster> Clusters(const Context& ctx,
                                            const Partition& p) {
    std::vector<ValueCluster> out;
    if (p.scopes.size() == 1) return p.scopes[0].clusters;
    const bool status = p.measure == Measure::kStatus;
    std::vector<std::pair<int, int>> members;  // (span class, claim)
    for (const ScopeBucket& s : p.scopes) {
      for (const ValueCluster& c : s.clusters) {
        for (int i : c.claims) members.emplace_back(s.span_class, i);
      }
    }
    const std::vector<Claim>& claims = ctx.claims();
    std::sort(members.begin(), members.end(),
              [&](const std::pair<int, int>& a, const std::pair<int, int>& b) {
                if (a.first != b.first) return a.first < b.first;
                if (status) {
                  const std::string& la = claims[a.second].mention.label;
                  const std::string& lb = claims[b.second].mention.label;
                  if (la != lb) return la < lb;
                } else if (ctx.Value(a.second) != ctx.Value(b.second)) {
                  return ctx.Value(a.second) < ctx.Value(b.second);
                }
                return a.second < b.second;
              });
    for (size_t i = 0; i < members.size();) {
      const int anchor = members[i].second;
      ValueCluster c;
      c.value = status ? 0 : ctx.Value(anchor);
      c.label = status ? claims[anchor].mention.label : "";
      size_t j = i;
      while (j < members.size() && members[j].first == members[i].first &&
             (j == i ||
              (status ? claims[members[j].second].mention.label == c.label
                      : ctx.Agree(anchor, members[j].second)))) {
        c.claims.push_back(members[j++].second);
      }
      std::sort(c.claims.begin(), c.claims.end(), [&](int a, int b) {
        if (!status && ctx.Value(a) != ctx.Value(b)) {
          return ctx.Value(a) < ctx.Value(b);
        }
        return a < b;
      });
      c.docs = ctx.DocsOf(c.claims);
      out.push_back(std::move(c));
      i = j;
    }
    return out;
  }

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
    // A syndicated copy repeats its source; it does not corroborate it. An
    // AI-generated document is a separate source, only not an independent
    // one: reported, at lower confidence.
    std::vector<int> all_units;
    for (int d : c.docs) all_units.push_back(ctx.SourceUnitId(d));
    std::sort(all_units.begin(), all_units.end());
    if (std::unique(all_units.begin(), all_units.end()) - all_units.begin() <
        2) {
      return;
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
