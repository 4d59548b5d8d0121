// judge.status-conflict: mutually exclusive statuses of one group ("minority
// government" vs "two-thirds supermajority") for the same time scope from
// different documents. Statuses of different times are superseded instead;
// labels listed together in status_compatible never conflict. A status said
// to hold still as of a later date ("is still recruiting") also conflicts
// with another source's dated earlier transition to an exclusive status
// ("finished recruiting in June"), although the two are of different times.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/align/align.h"
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
      ContinuityConflicts(ctx, group, p, cfg, out);
    }
  }

 private:
  // Pairs of a still-holding status and an earlier dated transition away
  // from it (Context::ContinuityContradicts), one finding per pair of
  // labels. Only the first claims of a large partition are looked at: a
  // handful of sources state a status, not thousands.
  void ContinuityConflicts(const Context& ctx, const align::ClaimGroup& group,
                           const Partition& p, const JudgmentConfig& cfg,
                           Findings* out) const {
    constexpr size_t kMaxClaims = 64;
    const absl::Span<const int> claims =
        p.claims.subspan(0, std::min(p.claims.size(), kMaxClaims));
    ClaimList standing;
    for (int s : claims) {
      if (ctx.AssertsContinuity(s)) standing.push_back(s);
    }
    if (standing.empty()) return;  // most partitions
    // (standing label, outcome label) -> the claims on each side.
    std::vector<std::pair<std::pair<std::string, std::string>,
                          std::pair<ClaimList, ClaimList>>>
        pairs;
    // Claims of one scope bucket are judged together above.
    absl::flat_hash_map<int, size_t> bucket_of;
    for (size_t k = 0; k < p.scopes.size(); ++k) {
      for (const ValueCluster& c : p.scopes[k].clusters) {
        for (int i : c.claims) bucket_of[i] = k;
      }
    }
    for (int s : standing) {
      for (int o : claims) {
        if (ctx.DocOf(o) == ctx.DocOf(s) || bucket_of[o] == bucket_of[s] ||
            !ctx.ContinuityContradicts(o, s)) {
          continue;
        }
        // Named things with nothing in common ("the fleet remains
        // grounded" vs "the harbour remained open") are not one thing,
        // whatever joined them in the group.
        const std::vector<Symbol>& ms = ctx.claim(s).subject.modifiers;
        const std::vector<Symbol>& mo = ctx.claim(o).subject.modifiers;
        if (!ms.empty() && !mo.empty() && align::ModifierOverlap(ms, mo) == 0) {
          continue;
        }
        const std::pair<std::string, std::string> key(
            ctx.claim(s).mention.label.str(), ctx.claim(o).mention.label.str());
        auto it = std::find_if(pairs.begin(), pairs.end(),
                               [&](const auto& e) { return e.first == key; });
        if (it == pairs.end()) {
          pairs.push_back({key, {}});
          it = pairs.end() - 1;
        }
        auto add = [](ClaimList* l, int i) {
          if (std::find(l->begin(), l->end(), i) == l->end()) l->push_back(i);
        };
        add(&it->second.first, s);
        add(&it->second.second, o);
      }
    }
    for (auto& [labels, sides] : pairs) {
      std::sort(sides.first.begin(), sides.first.end());
      std::sort(sides.second.begin(), sides.second.end());
      int x, y;
      if (!ctx.FindPair(sides.second, sides.first, false, &x, &y,
                        /*independent=*/true)) {
        continue;
      }
      Finding f;
      f.subject = group.subject;
      std::string& m = ctx.Scratch();
      absl::StrAppend(&m, "sources state exclusive statuses for ",
                      group.subject, ": ");
      ctx.AppendCite(y, &m);
      absl::StrAppend(&m, " as of ", ctx.ScopeText(y), ", although by then ");
      ctx.AppendCite(x, &m);
      absl::StrAppend(&m, " as of ", ctx.ScopeText(x));
      f.message = m;
      std::string values[2] = {absl::StrCat("1:", labels.second),
                               absl::StrCat("2:", labels.first)};
      ctx.Emit(kind(), cfg, {group.key, "|since"}, values, 0.8, std::move(f),
               {x, y}, out);
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewStatusConflictJudgment() {
  return std::make_unique<StatusConflictJudgment>();
}

}  // namespace crosscheck::judge
