// Hand-made claims and documents for align and judge tests.
//
//   std::vector<Claim> claims = {
//       C("harbor_daily", 1).Count(4800, "4,800").Subject("dockworker"),
//       C("port_wire", 1).Count(8400, "8,400").Subject("dockworker")};
//   std::vector<DocumentInfo> docs = {Doc("harbor_daily", Day(2025, 3, 4)),
//                                     Doc("port_wire", Day(2025, 3, 4))};
#ifndef CROSSCHECK_TESTS_JUDGE_CLAIM_BUILDER_H_
#define CROSSCHECK_TESTS_JUDGE_CLAIM_BUILDER_H_

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "checker/core/types.h"

namespace crosscheck::testing {

inline absl::CivilDay Day(int y, int m, int d) {
  return absl::CivilDay(y, m, d);
}

inline DateValue Dates(absl::CivilDay begin, absl::CivilDay end, Granularity g,
                       std::string iso, bool relative = false) {
  DateValue v;
  v.begin = begin;
  v.end = end;
  v.granularity = g;
  v.iso = std::move(iso);
  v.relative = relative;
  return v;
}

class C {
 public:
  C(const std::string& doc, int n) {
    c_.doc_id = doc;
    c_.id = absl::StrCat(doc, "#", n);
    c_.mention.span = Span{static_cast<uint32_t>(n * 100),
                           static_cast<uint32_t>(n * 100 + 5)};
    c_.position = Position{n, 1};
  }

  // Numeric mentions: exact figures; Bounds() widens them.
  C& Count(double v, std::string quote, std::string unit = "") {
    return Num(MentionKind::kQuantity, v, std::move(quote), std::move(unit),
               "count");
  }
  C& Money(double v, std::string quote, std::string currency = "USD") {
    return Num(MentionKind::kMoney, v, std::move(quote), std::move(currency),
               "currency");
  }
  // `v` in percent ("15" for 15%); stored as a fraction, as extract does.
  C& Percent(double v, std::string quote) {
    return Num(MentionKind::kPercent, v / 100, std::move(quote), "%",
               "percent");
  }
  C& Ratio(double v, std::string quote) {
    return Num(MentionKind::kNumber, v, std::move(quote), "", "ratio");
  }
  C& Bounds(double lo, double hi, std::string qualifier = "") {
    c_.mention.amount.low = lo;
    c_.mention.amount.high = hi;
    c_.mention.amount.qualifier = std::move(qualifier);
    return *this;
  }
  // A date mention ("Q3 2024").
  C& Date(DateValue d, std::string quote) {
    c_.mention.kind = MentionKind::kDate;
    c_.mention.text = quote;
    c_.mention.date = std::move(d);
    c_.quote = std::move(quote);
    return *this;
  }
  C& Event(std::string key) {
    c_.measure = crosscheck::Measure::kEventDate;
    c_.event = std::move(key);
    return *this;
  }
  C& Status(std::string group, std::string label, std::string quote) {
    c_.mention.kind = MentionKind::kStatus;
    c_.mention.group = std::move(group);
    c_.mention.label = std::move(label);
    c_.measure = crosscheck::Measure::kStatus;
    c_.mention.text = quote;
    c_.quote = std::move(quote);
    return *this;
  }
  C& Subject(std::string head, std::vector<std::string> modifiers = {},
             std::string text = "") {
    c_.subject.head = std::move(head);
    c_.subject.modifiers.assign(modifiers.begin(), modifiers.end());
    c_.subject.text =
        text.empty() ? absl::StrCat(absl::StrJoin(c_.subject.modifiers, " "),
                                    c_.subject.modifiers.empty() ? "" : " ",
                                    c_.subject.head)
                     : std::move(text);
    return *this;
  }
  C& Measure(crosscheck::Measure m) {
    c_.measure = m;
    return *this;
  }
  C& Modality(crosscheck::Modality m) {
    c_.modality = m;
    return *this;
  }
  C& Scope(DateValue period) {
    c_.scope.period = std::move(period);
    c_.scope.source = "explicit";
    return *this;
  }
  C& At(uint32_t begin, uint32_t end, int line) {
    c_.mention.span = Span{begin, end};
    c_.position = Position{line, 1};
    return *this;
  }
  C& Sentence(std::string s) {
    c_.sentence = std::move(s);
    return *this;
  }

  operator Claim() const { return c_; }  // NOLINT: builder
  Claim Build() const { return c_; }

 private:
  C& Num(MentionKind k, double v, std::string quote, std::string unit,
         std::string dimension) {
    c_.mention.kind = k;
    c_.mention.amount.value = v;
    c_.mention.amount.low = v;
    c_.mention.amount.high = v;
    c_.mention.amount.unit = std::move(unit);
    c_.mention.amount.dimension = std::move(dimension);
    c_.mention.text = quote;
    c_.quote = std::move(quote);
    return *this;
  }

  Claim c_;
};

inline DocumentInfo Doc(std::string id, std::optional<absl::CivilDay> ref,
                        bool ai = false, std::string syndication = "") {
  DocumentInfo d;
  d.path = absl::StrCat("corpus/", id, ".txt");
  d.source = absl::StrCat(id, " desk");
  d.id = std::move(id);
  d.reference_date.day = ref;
  d.reference_date.confidence = ref ? 0.9 : 0;
  d.ai_generated = ai;
  if (ai) {
    d.ai_evidence = "written by a language model";
    d.ai_span_begin = 10;
    d.ai_span_end = 37;
    d.ai_line = 3;
    d.ai_column = 1;
  }
  d.syndication_key = std::move(syndication);
  return d;
}

// Findings of one kind.
inline std::vector<Finding> OfKind(const std::vector<Finding>& all,
                                   const std::string& kind) {
  std::vector<Finding> out;
  for (const Finding& f : all) {
    if (f.kind == kind) out.push_back(f);
  }
  return out;
}

// Sorted doc ids of a finding's evidence.
inline std::vector<std::string> DocsOf(const Finding& f) {
  std::vector<std::string> ids;
  for (const Evidence& e : f.evidence) ids.push_back(e.doc_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_JUDGE_CLAIM_BUILDER_H_
