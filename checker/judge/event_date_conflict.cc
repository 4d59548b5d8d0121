// judge.event-date-conflict: documents place one event (same event key) on
// dates that cannot both be right ("two days later" = 10 Feb vs "Sunday's
// election" = 8 Feb). Dates further apart than tolerances.event_instance_days
// are taken to be different occurrences (last year's election), not a
// conflict. Dates resolved from relative expressions get
// severity_if_relative: they depend on the resolver and the reference date.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

struct Dated {
  absl::CivilDay begin, end;  // widened by granularity slack
  int claim;
};

struct DateCluster {
  absl::CivilDay begin, end;
  std::vector<int> claims;
};

class EventDateConflictJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "event-date-conflict"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           std::vector<Finding>* out) const override {
    const int window = ctx.config().tolerances.event_instance_days;
    for (const align::ClaimGroup& group : ctx.groups()) {
      if (group.klass != align::ClaimClass::kEvent) continue;
      std::vector<Dated> dated;
      for (int i : group.claims) {
        DateValue d;
        if (!ctx.DateOf(i, &d)) continue;
        const int slack = ctx.DateSlack(d.granularity);
        dated.push_back({d.begin - slack, d.end + slack, i});
      }
      std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end < b.end;
        return a.claim < b.claim;
      });
      // Overlapping dates form one cluster.
      std::vector<DateCluster> clusters;
      for (const Dated& d : dated) {
        if (clusters.empty() || d.begin > clusters.back().end) {
          clusters.push_back({d.begin, d.end, {}});
        }
        DateCluster& c = clusters.back();
        c.end = std::max(c.end, d.end);
        c.claims.push_back(d.claim);
      }
      for (size_t k = 0; k + 1 < clusters.size(); ++k) {
        const DateCluster& a = clusters[k];
        const DateCluster& b = clusters[k + 1];
        if (b.begin - a.end > window) continue;  // another occurrence
        int x, y;
        if (!ctx.FindPair(a.claims, b.claims, false, &x, &y)) continue;
        JudgmentConfig eff = cfg;
        const bool relative =
            ctx.claims()[x].mention.date.value_or(DateValue()).relative ||
            ctx.claims()[y].mention.date.value_or(DateValue()).relative;
        if (relative) eff.severity = cfg.severity_if_relative;
        std::vector<std::string> sides;
        for (int i : {x, y}) {
          sides.push_back(absl::StrCat(ctx.ValueText(i), " (\"",
                                       ctx.QuoteText(i), "\", ",
                                       ctx.claims()[i].doc_id, ")"));
        }
        Finding f;
        f.subject = group.subject;
        f.message =
            absl::StrCat("sources disagree on the date of ", group.subject,
                         ": ", absl::StrJoin(sides, " vs "));
        f.evidence.push_back(ctx.ClaimEvidence(x));
        f.evidence.push_back(ctx.ClaimEvidence(y));
        ctx.Emit(kind(), eff, group.key, {ctx.ValueText(x), ctx.ValueText(y)},
                 relative ? 0.8 : 1.0, std::move(f), out);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewEventDateConflictJudgment() {
  return std::make_unique<EventDateConflictJudgment>();
}

}  // namespace crosscheck::judge
