// judge.anachronism: inside one document, a date on the wrong side of the
// document's own reference date: a plan or schedule (future modality) dated
// entirely before it ("scheduled Q3 2024" in a 2026 article), or a past
// event dated entirely after it. A future date still ahead is fine.
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

std::string Day(absl::CivilDay d) { return DayText(d); }

class AnachronismJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "anachronism"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           Findings* out) const override {
    const int min_days = ctx.config().tolerances.anachronism_min_days;
    // One finding per mention, however many claims share it.
    absl::flat_hash_set<std::pair<int, uint64_t>> seen;
    for (int i = 0; i < ctx.num_claims(); ++i) {
      const Claim& c = ctx.claim(i);
      if (c.modality != Modality::kFuture && c.modality != Modality::kPast) {
        continue;
      }
      const int slot = ctx.DocOf(i);
      const ReferenceDate& ref = ctx.doc(slot).reference_date;
      if (!ref.day) continue;
      // Only a date that is itself the claim: a figure's clause scope often
      // dates the announcement ("said on Jan. 26 tariffs will rise"), not
      // the planned event, so its modality says nothing about that date.
      if (!c.mention.date) continue;
      DateValue d = *c.mention.date;
      if (d.end < d.begin) d.end = d.begin;
      const int gap = std::max(min_days, ctx.DateSlack(d.granularity));
      const absl::CivilDay earliest = *ref.day;
      const absl::CivilDay latest =
          ref.latest ? std::max(*ref.latest, earliest) : earliest;
      std::string what;
      if (c.modality == Modality::kFuture && earliest - d.end >= gap) {
        what = absl::StrCat("is planned or expected for ", ValueOr(d),
                            ", before the document's own date ", Day(earliest));
      } else if (c.modality == Modality::kPast && d.begin - latest >= gap) {
        what = absl::StrCat("is stated as past but dated ", ValueOr(d),
                            ", after the document's own date ", Day(latest));
      } else {
        continue;
      }
      const uint64_t span =
          (static_cast<uint64_t>(c.mention.span.begin) << 32) |
          c.mention.span.end;
      if (!seen.insert({slot, span}).second) continue;
      Finding f;
      f.subject = c.subject.text.empty() ? ctx.QuoteText(i) : c.subject.text;
      f.message =
          absl::StrCat("\"", ctx.QuoteText(i), "\" in ", c.doc_id, " ", what);
      const double factor = ref.confidence > 0
                                ? std::max(0.3, std::min(1.0, ref.confidence))
                                : 0.5;
      ctx.Emit(kind(), cfg,
               {c.doc_id, "|", c.subject.head, "|", ModalityName(c.modality)},
               // Not the reference date: an undated document takes the
               // corpus date, which moves when unrelated articles are added.
               {ValueOr(d)}, factor, std::move(f), {i}, out);
    }
  }

 private:
  static std::string ValueOr(const DateValue& d) {
    if (!d.iso.empty()) return d.iso;
    return d.begin == d.end ? Day(d.begin)
                            : absl::StrCat(Day(d.begin), "..", Day(d.end));
  }
};

}  // namespace

std::unique_ptr<Judgment> NewAnachronismJudgment() {
  return std::make_unique<AnachronismJudgment>();
}

}  // namespace crosscheck::judge
