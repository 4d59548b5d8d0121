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
// A document that states values on both sides says they can both hold (two
// arms of a trial, two estimates side by side), so it contradicts no one
// over them; its syndicated copies, which state both too, neither.
bool FindContradiction(const Context& ctx, const ValueCluster& a,
                       const ValueCluster& b) {
  // Each cluster's documents are at hand, ascending: membership is a
  // binary search, with no set to build per pair of clusters.
  auto states = [&](const ValueCluster& c, int claim) {
    return std::binary_search(c.docs.begin(), c.docs.end(), ctx.DocOf(claim));
  };
  const ClaimList as = ctx.OnePerDocument(a.claims);
  const ClaimList bs = ctx.OnePerDocument(b.claims);
  for (int x : as) {
    if (states(b, x)) continue;
    for (int y : bs) {
      if (states(a, y)) continue;
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

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const align::ClaimGroup& group = *g.group;
    const size_t cap =
        static_cast<size_t>(ctx.config().limits.max_value_clusters);
    for (const Partition& p : g.partitions) {
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
        std::vector<const ValueCluster*> top;
        for (size_t i : order) top.push_back(&s.clusters[i]);
        const std::vector<const ValueCluster*> sides = Context::Clashing(
            top, [&](const ValueCluster& a, const ValueCluster& b) {
              int x, y;
              return FindContradiction(ctx, a, b) &&
                     !ctx.FindPair(a.claims, b.claims, true, &x, &y);
            });
        if (sides.empty()) continue;
        Finding f;
        f.subject = group.subject;
        Context::Sides sides_of =
            ctx.CollectSides(sides, [&](const ValueCluster& c) {
              return ctx.ValueText(c.claims.front());
            });
        f.message = absl::StrCat("sources disagree on ", group.subject, ": ",
                                 absl::StrJoin(sides_of.cites, " vs "));
        ctx.Emit(kind(), cfg, {group.key, "|", p.key}, sides_of.values,
                 s.known ? 1.0 : 0.7, std::move(f), sides_of.evidence, out);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewConflictJudgment() {
  return std::make_unique<ConflictJudgment>();
}

}  // namespace crosscheck::judge
