// judge.event-date-conflict: documents place one event (same event key) on
// dates that cannot both be right ("two days later" = 10 Feb vs "Sunday's
// election" = 8 Feb). Dates resolved from relative expressions get
// severity_if_relative: they depend on the resolver and the reference date.
//
// What is "one event":
//   - Dates further apart than tolerances.event_instance_days are different
//     occurrences (last year's election), not a conflict.
//   - A document cannot report, in the past tense, an occurrence dated after
//     its own reference date: a 6 March article's "talks on Tuesday" (4
//     March) and a 17 March article's "March 11 session" are two meetings.
//   - Inside one document, the earliest date of an occurrence stands for
//     it: later dates in the same story are usually follow-ups tagged with
//     the same event noun ("rescuers on Monday, after Sunday's quake").
//     A narrower date inside it makes it precise ("this week" and "on
//     Thursday" stand for Thursday).
//   - Two documents of which one also gives the date the other stands by
//     do not contradict each other.
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
  int doc;  // Context::DocOf(claim)
};

// A document's dates for one occurrence and the one that stands for it.
struct DocDates {
  Dated rep;
  absl::Span<const Dated> all;
};

struct DateCluster {
  absl::CivilDay begin, end;
  std::vector<int> claims;
  int units = 0;  // independent sources
};

class EventDateConflictJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "event-date-conflict"; }

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const int window = ctx.config().tolerances.event_instance_days;
    const align::ClaimGroup& group = *g.group;
    if (group.klass != align::ClaimClass::kEvent) return;
    {
      std::vector<Dated> dated;
      for (int i : group.claims) {
        DateValue d;
        if (!ctx.DateOf(i, &d)) continue;
        const int slack = ctx.DateSlack(d.granularity);
        dated.push_back({d.begin - slack, d.end + slack, i, ctx.DocOf(i)});
      }
      std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end < b.end;
        return a.claim < b.claim;
      });
      // Occurrences: runs of dates with gaps of at most `window` days.
      for (size_t i = 0; i < dated.size();) {
        size_t j = i + 1;
        absl::CivilDay end = dated[i].end;
        while (j < dated.size() && dated[j].begin - end <= window) {
          end = std::max(end, dated[j].end);
          ++j;
        }
        JudgeOccurrence(ctx, cfg, group, dated.begin() + i, dated.begin() + j,
                        out);
        i = j;
      }
    }
  }

 private:
  void JudgeOccurrence(const Context& ctx, const JudgmentConfig& cfg,
                       const align::ClaimGroup& group,
                       std::vector<Dated>::const_iterator first,
                       std::vector<Dated>::const_iterator last,
                       Findings* out) const {
    if (last - first < 2) return;
    // Each document's dates for the occurrence, together, in date order.
    std::vector<Dated> by_doc(first, last);
    std::sort(by_doc.begin(), by_doc.end(), [](const Dated& a, const Dated& b) {
      if (a.doc != b.doc) return a.doc < b.doc;
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end < b.end;
      return a.claim < b.claim;
    });
    // The earliest date of each document stands for it, made precise by the
    // narrowest date of the same document inside it: "this week" and "on
    // Thursday" in one story are one day, Thursday, not a week that agrees
    // with any other source's day.
    std::vector<DocDates> docs;  // by document
    for (size_t i = 0; i < by_doc.size();) {
      const Dated& outer = by_doc[i];
      size_t j = i + 1;
      while (j < by_doc.size() && by_doc[j].doc == outer.doc) ++j;
      Dated rep = outer;
      for (size_t k = i + 1; k < j; ++k) {
        const Dated& d = by_doc[k];
        if (d.begin >= outer.begin && d.end <= outer.end &&
            d.end - d.begin < rep.end - rep.begin) {
          rep = d;
        }
      }
      docs.push_back({rep, absl::MakeConstSpan(by_doc).subspan(i, j - i)});
      i = j;
    }
    if (docs.size() < 2) return;
    auto dates_of = [&docs](int doc) -> const DocDates& {
      return *std::lower_bound(
          docs.begin(), docs.end(), doc,
          [](const DocDates& d, int doc) { return d.rep.doc < doc; });
    };
    // The documents' dates in date order, as the clustering below needs.
    std::vector<Dated> reps;
    reps.reserve(docs.size());
    for (const DocDates& d : docs) reps.push_back(d.rep);
    std::sort(reps.begin(), reps.end(), [](const Dated& a, const Dated& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end < b.end;
      return a.claim < b.claim;
    });
    if (reps.size() < 2) return;
    // Overlapping dates agree.
    std::vector<DateCluster> clusters;
    for (const Dated& d : reps) {
      if (clusters.empty() || d.begin > clusters.back().end) {
        clusters.push_back({d.begin, d.end, {}, 0});
      }
      DateCluster& c = clusters.back();
      c.end = std::max(c.end, d.end);
      c.claims.push_back(d.claim);
    }
    if (clusters.size() < 2) return;
    for (DateCluster& c : clusters) {
      std::vector<int> units;
      for (int i : c.claims) units.push_back(ctx.SourceUnitId(ctx.DocOf(i)));
      std::sort(units.begin(), units.end());
      c.units = static_cast<int>(std::unique(units.begin(), units.end()) -
                                 units.begin());
    }
    // The date most independent sources give, earliest on ties, against
    // each other date.
    size_t main = 0;
    for (size_t k = 1; k < clusters.size(); ++k) {
      if (clusters[k].units > clusters[main].units) main = k;
    }
    for (size_t k = 0; k < clusters.size(); ++k) {
      if (k == main) continue;
      const DateCluster& a = clusters[std::min(k, main)];
      const DateCluster& b = clusters[std::max(k, main)];
      // Clusters hold one claim per document; the evidence cap bounds the
      // pairs examined.
      const size_t cap = static_cast<size_t>(ctx.config().limits.max_evidence);
      std::vector<int> xs, ys;
      for (size_t i = 0; i < std::min(cap, a.claims.size()); ++i) {
        const int x = a.claims[i];
        for (size_t j = 0; j < std::min(cap, b.claims.size()); ++j) {
          const int y = b.claims[j];
          if (SameOccurrence(ctx, x, y) &&
              !ShareDate(dates_of(ctx.DocOf(x)), dates_of(ctx.DocOf(y)))) {
            xs.push_back(x);
            ys.push_back(y);
          }
        }
      }
      if (xs.empty()) continue;
      Report(ctx, cfg, group, xs, ys, out);
    }
  }

  // Whether either document also gives the date the other stands by: a
  // story that dates a strike both "last month" and "on Monday" does not
  // contradict another that says Monday. Dates that only enclose the
  // document's own (its "this week" around its "Thursday") do not count.
  static bool ShareDate(const DocDates& a, const DocDates& b) {
    // One date each: the two stand in different clusters, apart.
    if (a.all.size() == 1 && b.all.size() == 1) return false;
    auto gives = [](const DocDates& d, const Dated& other) {
      for (const Dated& x : d.all) {
        const bool encloses = x.begin <= d.rep.begin && x.end >= d.rep.end &&
                              (x.begin != d.rep.begin || x.end != d.rep.end);
        if (!encloses && x.begin <= other.end && other.begin <= x.end) {
          return true;
        }
      }
      return false;
    };
    return gives(a, b.rep) || gives(b, a.rep);
  }

  // x is dated before y, in another document.
  static bool SameOccurrence(const Context& ctx, int x, int y) {
    if (ctx.DocOf(x) == ctx.DocOf(y)) return false;
    if (ctx.SourceUnitId(ctx.DocOf(x)) == ctx.SourceUnitId(ctx.DocOf(y))) {
      return false;  // a copy does not contradict its original
    }
    DateValue dy;
    if (!ctx.DateOf(y, &dy)) return false;
    const Claim& cx = ctx.claim(x);
    const ReferenceDate& rx = ctx.doc(ctx.DocOf(x)).reference_date;
    if (cx.modality == Modality::kPast && rx.day) {
      const absl::CivilDay latest =
          rx.latest ? std::max(*rx.latest, *rx.day) : *rx.day;
      if (dy.begin > latest) return false;
    }
    return true;
  }

  void Report(const Context& ctx, const JudgmentConfig& cfg,
              const align::ClaimGroup& group, const std::vector<int>& xs,
              const std::vector<int>& ys, Findings* out) const {
    const int x = xs.front();
    const int y = ys.front();
    JudgmentConfig eff = cfg;
    const bool relative =
        ctx.claim(x).mention.date.value_or(DateValue()).relative ||
        ctx.claim(y).mention.date.value_or(DateValue()).relative;
    if (relative) eff.severity = cfg.severity_if_relative;
    std::vector<std::string> sides;
    for (int i : {x, y}) {
      sides.push_back(absl::StrCat(ctx.ValueText(i), " (\"", ctx.QuoteText(i),
                                   "\", ", ctx.claim(i).doc_id, ")"));
    }
    Finding f;
    f.subject = group.subject;
    f.message = absl::StrCat("sources disagree on the date of ", group.subject,
                             ": ", absl::StrJoin(sides, " vs "));
    // Every document on either side, each once.
    std::vector<int> all = xs;
    all.insert(all.end(), ys.begin(), ys.end());
    ClaimList slots, evidence;
    const size_t cap = static_cast<size_t>(ctx.config().limits.max_evidence);
    for (int i : {x, y}) {
      slots.push_back(ctx.DocOf(i));
      evidence.push_back(i);
    }
    for (int i : all) {
      if (evidence.size() >= cap) break;
      if (std::find(slots.begin(), slots.end(), ctx.DocOf(i)) != slots.end()) {
        continue;
      }
      slots.push_back(ctx.DocOf(i));
      evidence.push_back(i);
    }
    ctx.Emit(kind(), eff, {group.key}, {ctx.ValueText(x), ctx.ValueText(y)},
             relative ? 0.8 : 1.0, std::move(f), evidence, out);
  }
};

}  // namespace

std::unique_ptr<Judgment> NewEventDateConflictJudgment() {
  return std::make_unique<EventDateConflictJudgment>();
}

}  // namespace crosscheck::judge
