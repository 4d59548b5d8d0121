// judge.agreement: documents state the same value for the same thing at the
// same time. The message counts independent sources: syndicated copies count
// once and AI-generated documents not at all.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
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
  // Sort keys copied out of the claims: a large partition's sort then reads
  // one array instead of claims and values at random.
  struct Member {
    int span_class;
    double value;              // figures
    const std::string* label;  // statuses: interned, one per label
    int claim;
  };

  // A claim dated only by its document ("66.7% voted for the strike") is
  // most likely about the one period the other documents name ("in last
  // month's ballot, two-thirds"), not a daily figure of its own. When every
  // stated period of the partition falls in one scope bucket, of a month or
  // longer, the undated claims whose document date lies within that period
  // or less than one period length after it join its span class. With
  // several stated periods (last year's toll and this year's) which one an
  // undated claim means is a guess: it stays apart.
  static void AdoptStatedSpan(const Context& ctx, const ScopeBucket& stated,
                              std::vector<Member>* members) {
    const int32_t length = stated.end - stated.begin + 1;
    for (Member& m : *members) {
      if (m.span_class != 0 || ctx.ExplicitlyScoped(m.claim)) continue;
      int32_t begin, end;
      if (!ctx.ScopeDays(m.claim, &begin, &end)) continue;
      if (end >= stated.begin && begin <= stated.end + length) {
        m.span_class = stated.span_class;
      }
    }
  }

  // Value clusters over the whole partition rather than per scope bucket:
  // two documents stating the same value for the same subject corroborate
  // each other even when one dates it explicitly ("on Thursday") and the
  // other only by its own publication date. Yearly and daily figures (span
  // classes) are still kept apart.
  void Merged(const Context& ctx, const JudgmentConfig& cfg,
              const align::ClaimGroup& group, const Partition& p,
              Findings* out) const {
    const bool status = p.measure == Measure::kStatus;
    std::vector<Member> members;
    // The scope buckets holding a claim with a stated period.
    int stated_buckets = 0;
    const ScopeBucket* stated = nullptr;
    for (const ScopeBucket& s : p.scopes) {
      bool any_stated = false;
      for (const ValueCluster& c : s.clusters) {
        for (int i : c.claims) {
          any_stated = any_stated || ctx.ExplicitlyScoped(i);
          if (status) {
            members.push_back(
                {s.span_class, 0.0, &ctx.claim(i).mention.label.str(), i});
          } else {
            members.push_back({s.span_class, ctx.Value(i), nullptr, i});
          }
        }
      }
      if (any_stated) {
        ++stated_buckets;
        stated = &s;
      }
    }
    if (stated_buckets == 1 && stated->known && stated->span_class > 0) {
      AdoptStatedSpan(ctx, *stated, &members);
    }
    std::sort(members.begin(), members.end(),
              [&](const Member& a, const Member& b) {
                if (a.span_class != b.span_class) {
                  return a.span_class < b.span_class;
                }
                if (status) {
                  if (a.label != b.label) return *a.label < *b.label;
                } else if (a.value != b.value) {
                  return a.value < b.value;
                }
                return a.claim < b.claim;
              });
    std::vector<int> claims;
    for (size_t i = 0; i < members.size();) {
      const Member& anchor = members[i];
      claims.clear();
      size_t j = i;
      while (j < members.size() && members[j].span_class == anchor.span_class &&
             (j == i || (status ? members[j].label == anchor.label
                                : ctx.Agree(anchor.claim, members[j].claim)))) {
        claims.push_back(members[j++].claim);
      }
      i = j;
      if (claims.size() < 2) continue;
      // `claims` is a run of `members`: already by (value, index), or by
      // index for statuses.
      const std::vector<int> docs = ctx.DocsOf(claims);
      if (docs.size() < 2) continue;
      const Symbol cluster_label =
          status ? ctx.claim(anchor.claim).mention.label : Symbol();
      Report(ctx, cfg, group, p, claims, docs, cluster_label, out);
    }
  }

  void Report(const Context& ctx, const JudgmentConfig& cfg,
              const align::ClaimGroup& group, const Partition& p,
              absl::Span<const int> claims, absl::Span<const int> docs,
              const Symbol& label, Findings* out) const {
    // The claims the message cites: their quotes are fetched while the
    // sources are counted.
    const ClaimList shown = ctx.OnePerDocument(claims);
    ctx.PrefetchQuotes(shown);
    // A syndicated copy repeats its source; it does not corroborate it. An
    // AI-generated document is a separate source, only not an independent
    // one: reported, at lower confidence.
    absl::InlinedVector<int, 16> all_units;
    for (int d : docs) all_units.push_back(ctx.SourceUnitId(d));
    std::sort(all_units.begin(), all_units.end());
    if (std::unique(all_units.begin(), all_units.end()) - all_units.begin() <
        2) {
      return;
    }
    // Units already counted, in document order; a linear scan while few.
    absl::InlinedVector<int, 16> units;
    absl::flat_hash_set<int> unit_set;
    auto insert_unit = [&](int u) {
      if (unit_set.empty()) {
        if (std::find(units.begin(), units.end(), u) != units.end()) {
          return false;
        }
        units.push_back(u);
        if (units.size() > 32) unit_set.insert(units.begin(), units.end());
        return true;
      }
      if (!unit_set.insert(u).second) return false;
      units.push_back(u);
      return true;
    };
    absl::InlinedVector<int, 4> dependent;  // documents that do not count
    for (int d : docs) {
      if (ctx.AiGenerated(d) || !insert_unit(ctx.SourceUnitId(d))) {
        dependent.push_back(d);
      }
    }
    const size_t num_units = units.size();
    Finding f;
    f.subject = group.subject;
    std::string& m = ctx.Scratch();
    absl::StrAppend(&m, "sources agree on ", group.subject, ": ");
    for (size_t k = 0; k < shown.size(); ++k) {
      if (k > 0) m += (k + 1 == shown.size()) ? " and " : ", ";
      ctx.AppendCite(shown[k], &m);
    }
    absl::StrAppend(
        &m, "; ", num_units,
        num_units == 1 ? " independent source" : " independent sources");
    if (!dependent.empty()) {
      // "a (ai-generated) and b (syndicated copy of c)"
      m += ", not independent: ";
      for (size_t k = 0; k < dependent.size(); ++k) {
        if (k > 0) m += (k + 1 == dependent.size()) ? " and " : ", ";
        const DocumentInfo& info = ctx.doc(dependent[k]);
        if (info.ai_generated) {
          absl::StrAppend(&m, info.id, " (ai-generated)");
        } else {
          // The document counted for its unit: the syndication key is the
          // smallest id of the cluster, which may be this copy itself.
          const int unit = ctx.SourceUnitId(dependent[k]);
          int counted = -1;
          for (int d : docs) {
            if (d != dependent[k] && !ctx.AiGenerated(d) &&
                ctx.SourceUnitId(d) == unit) {
              counted = d;
              break;
            }
          }
          absl::StrAppend(
              &m, info.id, " (syndicated copy of ",
              counted >= 0 ? ctx.doc(counted).id : ctx.SourceUnit(dependent[k]),
              ")");
        }
      }
    }
    f.message = m;
    const double factor = num_units >= 2 ? 1.0 : num_units == 1 ? 0.6 : 0.4;
    const std::string value =
        p.measure == Measure::kStatus ? label.str() : ctx.ValueText(claims[0]);
    ctx.Emit(kind(), cfg, {group.key, "|", p.key}, {value}, factor,
             std::move(f), shown, out);
  }
};

}  // namespace

std::unique_ptr<Judgment> NewAgreementJudgment() {
  return std::make_unique<AgreementJudgment>();
}

}  // namespace crosscheck::judge
