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

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    for (const Partition& p : g.partitions) {
      if (p.claims.size() < 2) continue;
      if (p.scopes.size() == 1) {
        for (const ValueCluster& c : p.scopes[0].clusters) {
          if (c.docs.size() < 2) continue;
          Report(ctx, cfg, *g.group, p, c.claims, c.docs, c.label, out);
        }
        continue;
      }
      Merged(ctx, cfg, *g.group, p, out);
    }
  }

 private:
  // Value clusters over the whole partition rather than per scope bucket:
  // two documents stating the same value for the same subject corroborate
  // each other even when one dates it explicitly ("on Thursday") and the
  // other only by its own publication date. Yearly and daily figures (span
  // classes) are still kept apart.
  void Merged(const Context& ctx, const JudgmentConfig& cfg,
              const align::ClaimGroup& group, const Partition& p,
              Findings* out) const {
    const bool status = p.measure == Measure::kStatus;
    std::vector<std::pair<int, int>> members;  // (span class, claim)
    for (const ScopeBucket& s : p.scopes) {
      for (const ValueCluster& c : s.clusters) {
        for (int i : c.claims) members.emplace_back(s.span_class, i);
      }
    }
    auto label = [&](int i) -> const Symbol& {
      return ctx.claim(i).mention.label;
    };
    std::sort(members.begin(), members.end(),
              [&](const std::pair<int, int>& a, const std::pair<int, int>& b) {
                if (a.first != b.first) return a.first < b.first;
                if (status) {
                  if (label(a.second) != label(b.second)) {
                    return label(a.second) < label(b.second);
                  }
                } else if (ctx.Value(a.second) != ctx.Value(b.second)) {
                  return ctx.Value(a.second) < ctx.Value(b.second);
                }
                return a.second < b.second;
              });
    std::vector<int> claims;
    for (size_t i = 0; i < members.size();) {
      const int anchor = members[i].second;
      const Symbol cluster_label = status ? label(anchor) : Symbol();
      claims.clear();
      size_t j = i;
      while (j < members.size() && members[j].first == members[i].first &&
             (j == i || (status ? label(members[j].second) == cluster_label
                                : ctx.Agree(anchor, members[j].second)))) {
        claims.push_back(members[j++].second);
      }
      i = j;
      if (claims.size() < 2) continue;
      std::sort(claims.begin(), claims.end(), [&](int a, int b) {
        if (!status && ctx.Value(a) != ctx.Value(b)) {
          return ctx.Value(a) < ctx.Value(b);
        }
        return a < b;
      });
      const std::vector<int> docs = ctx.DocsOf(claims);
      if (docs.size() < 2) continue;
      Report(ctx, cfg, group, p, claims, docs, cluster_label, out);
    }
  }

  void Report(const Context& ctx, const JudgmentConfig& cfg,
              const align::ClaimGroup& group, const Partition& p,
              absl::Span<const int> claims, absl::Span<const int> docs,
              const Symbol& label, Findings* out) const {
    // A syndicated copy repeats its source; it does not corroborate it. An
    // AI-generated document is a separate source, only not an independent
    // one: reported, at lower confidence.
    std::vector<int> all_units;
    all_units.reserve(docs.size());
    for (int d : docs) all_units.push_back(ctx.SourceUnitId(d));
    std::sort(all_units.begin(), all_units.end());
    if (std::unique(all_units.begin(), all_units.end()) - all_units.begin() <
        2) {
      return;
    }
    absl::flat_hash_set<int> units;
    std::vector<std::string> dependent;
    for (int d : docs) {
      const DocumentInfo& info = ctx.doc(d);
      if (info.ai_generated) {
        dependent.push_back(absl::StrCat(info.id, " (ai-generated)"));
      } else if (!units.insert(ctx.SourceUnitId(d)).second) {
        dependent.push_back(absl::StrCat(info.id, " (syndicated copy of ",
                                         ctx.SourceUnit(d), ")"));
      }
    }
    const ClaimList shown = ctx.OnePerDocument(claims);
    std::vector<std::string> cites;
    cites.reserve(shown.size());
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
    const double factor = units.size() >= 2   ? 1.0
                          : units.size() == 1 ? 0.6
                                              : 0.4;
    std::string value =
        p.measure == Measure::kStatus ? label.str() : ctx.ValueText(claims[0]);
    ctx.Emit(kind(), cfg, absl::StrCat(group.key, "|", p.key),
             {std::move(value)}, factor, std::move(f), shown, out);
  }
};

}  // namespace

std::unique_ptr<Judgment> NewAgreementJudgment() {
  return std::make_unique<AgreementJudgment>();
}

}  // namespace crosscheck::judge
