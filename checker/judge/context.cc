// The shared analysis behind every judgment: documents, comparable numbers,
// groups, partitions, scope buckets and value clusters (see judgment.h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

namespace {

bool IsNumericKind(MentionKind k) {
  return k == MentionKind::kNumber || k == MentionKind::kMoney ||
         k == MentionKind::kPercent || k == MentionKind::kQuantity ||
         k == MentionKind::kDuration;
}

absl::string_view MeasureClass(Measure m) {
  switch (m) {
    case Measure::kLevel:
    case Measure::kCount:
      return "amount";
    case Measure::kChange:
      return "change";
    case Measure::kShare:
      return "share";
    case Measure::kRank:
      return "rank";
    default:
      return "other";
  }
}

// MeasureClass as a number (level and count are one class).
int MeasureCode(Measure m) {
  return m == Measure::kCount ? static_cast<int>(Measure::kLevel)
                              : static_cast<int>(m);
}

std::string UnitClass(const Amount& a) {
  if (a.dimension == "percent" || a.dimension == "ratio") return "fraction";
  if (a.dimension.empty() || a.dimension == "count") return "count";
  if (a.dimension == "percentage-points") return "pp";
  return absl::StrCat(a.dimension, ":", a.unit);
}

// The rounding half-unit of a round figure ("4,800" -> 50), relative to it.
double RoundingTolerance(double x, int min_digits) {
  double ax = std::fabs(x);
  if (!(ax >= 10 && ax < 1e18) || ax != std::floor(ax)) return 0;
  int64_t n = static_cast<int64_t>(std::llround(ax));
  int zeros = 0;
  while (n > 0 && n % 10 == 0) {
    n /= 10;
    ++zeros;
  }
  int digits = 0;
  for (int64_t m = n; m > 0; m /= 10) ++digits;
  if (zeros == 0 || digits < min_digits) return 0;
  return 0.5 * std::pow(10.0, zeros) / ax;
}

int GranularityIndex(Granularity g) { return static_cast<int>(g); }

std::string DayText(absl::CivilDay d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

bool HasPeriod(const TimeScope& s) {
  return !s.source.empty() && !(s.period.begin == absl::CivilDay() &&
                                s.period.end == absl::CivilDay());
}

// A human rendering: "350,000,000,000", "4,800", "0.667", never "3.5e+11".
// Whether a claim's explicit time scope says when its value holds. A
// planned or promised figure ("a $350 billion investment plan", "will cost
// $3.4 million") takes its clause's date from the announcement ("said on
// Jan. 26", "promised last year"), not from the value: it stays the same
// plan whenever it is reported, so it is scoped like an undated claim.
bool ExplicitScope(const Claim& c) {
  if (!HasPeriod(c.scope) || c.scope.source == "reference-date") return false;
  const bool numeric = c.mention.kind == MentionKind::kNumber ||
                       c.mention.kind == MentionKind::kMoney ||
                       c.mention.kind == MentionKind::kPercent ||
                       c.mention.kind == MentionKind::kQuantity;
  return !(numeric && c.modality == Modality::kFuture);
}

std::string FormatNumber(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  if (std::fabs(v) >= 1e18) return absl::StrFormat("%.6g", v);
  if (v == std::floor(v)) {
    std::string digits = absl::StrFormat("%.0f", std::fabs(v));
    std::string out = v < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }
  std::string out = absl::StrFormat("%.6f", v);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// Percent amounts are fractions; shown as percentages again.
double Shown(const Amount& a, double v) { return a.unit == "%" ? v * 100 : v; }

constexpr double kMaxConflictRatio = 10;

}  // namespace

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

Context::Context(const std::vector<Claim>& claims,
                 const std::vector<DocumentInfo>& docs,
                 const JudgeConfig& config)
    : claims_(claims), config_(config) {
  absl::flat_hash_map<absl::string_view, int> slot_of;
  docs_.reserve(docs.size());
  for (const DocumentInfo& d : docs) {
    if (slot_of.contains(d.id)) continue;  // first record of an id wins
    slot_of[d.id] = static_cast<int>(docs_.size());
    docs_.push_back(&d);
  }
  claim_doc_.resize(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    auto it = slot_of.find(claims[i].doc_id);
    if (it == slot_of.end()) {
      DocumentInfo& stub = stubs_.emplace_back();
      stub.id = claims[i].doc_id;
      it = slot_of.emplace(stub.id, static_cast<int>(docs_.size())).first;
      docs_.push_back(&stub);
    }
    claim_doc_[i] = it->second;
  }
  // Syndication keys as the pipeline assigned them; computed here when no
  // document has one yet but signatures are present (claims-only runs).
  bool any_key = false;
  for (const DocumentInfo* d : docs_) any_key |= !d->syndication_key.empty();
  std::vector<std::string> keys;
  if (!any_key) keys = SyndicationKeys(config, docs_);
  source_units_.resize(docs_.size());
  for (size_t s = 0; s < docs_.size(); ++s) {
    const std::string& k = any_key ? docs_[s]->syndication_key : keys[s];
    source_units_[s] = k.empty() ? docs_[s]->id : k;
  }

  // Source units and partition classes as small integers, so the hot loops
  // compare ints rather than strings.
  absl::flat_hash_map<absl::string_view, int> unit_ids;
  source_unit_ids_.resize(docs_.size());
  for (size_t s = 0; s < docs_.size(); ++s) {
    source_unit_ids_[s] =
        unit_ids.emplace(source_units_[s], static_cast<int>(unit_ids.size()))
            .first->second;
  }
  partition_code_.assign(claims.size(), -1);
  absl::flat_hash_map<std::pair<absl::string_view, absl::string_view>, int>
      other_units;
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!IsNumericKind(c.mention.kind)) continue;
    const Amount& a = c.mention.amount;
    int unit;
    if (a.dimension == "percent" || a.dimension == "ratio") {
      unit = 0;
    } else if (a.dimension.empty() || a.dimension == "count") {
      unit = 1;
    } else if (a.dimension == "percentage-points") {
      unit = 2;
    } else {
      unit = 3 + other_units
                     .emplace(std::make_pair(absl::string_view(a.dimension),
                                             absl::string_view(a.unit)),
                              static_cast<int>(other_units.size()))
                     .first->second;
    }
    partition_code_[i] = unit * 8 + static_cast<int>(MeasureCode(c.measure));
  }

  const auto& tol = config.tolerances;
  values_.resize(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!IsNumericKind(c.mention.kind)) continue;
    const Amount& a = c.mention.amount;
    // Percentages arrive as fractions (extract normalizes "15%" to 0.15), so
    // "two-thirds" and "66.7%" compare directly.
    Numbers& n = values_[i];
    n.value = a.value;
    n.lo = a.low;
    n.hi = a.high;
    if (std::isnan(n.lo) || std::isnan(n.hi) || n.lo > n.hi ||
        (n.lo == 0 && n.hi == 0)) {
      n.lo = n.hi = n.value;  // bounds left unset
    }
    n.lo = std::min(n.lo, n.value);
    n.hi = std::max(n.hi, n.value);
    const bool bound = a.qualifier == "more-than" ||
                       a.qualifier == "at-least" || a.qualifier == "up-to" ||
                       a.qualifier == "less-than" || a.qualifier == "at-most";
    const bool approximate = !a.qualifier.empty() && !bound;
    n.range = n.lo < n.hi && !approximate;
    n.raw_lo = n.lo;
    n.raw_hi = n.hi;
    n.tol = approximate
                ? tol.approximate
                : std::max(tol.relative,
                           std::min(tol.approximate,
                                    RoundingTolerance(
                                        a.value, tol.rounding_min_digits)));
    n.lo -= n.tol * std::fabs(n.lo);
    n.hi += n.tol * std::fabs(n.hi);
  }

  for (const auto& set : config.status_compatible) {
    const int id = static_cast<int>(label_set_.size());
    for (const auto& l : set) label_set_.emplace(l, id);
  }

  groups_ = align::AlignClaims(claims, config.align);
  partitions_.resize(groups_.size());
  for (size_t g = 0; g < groups_.size(); ++g) BuildPartitions(g);
}

const std::string& Context::SourceUnit(int slot) const {
  return source_units_[slot];
}

bool Context::Overlap(int a, int b) const {
  return values_[a].lo <= values_[b].hi && values_[b].lo <= values_[a].hi;
}

bool Context::Agree(int a, int b) const {
  const Numbers& x = values_[a];
  const Numbers& y = values_[b];
  const double tol = std::max(x.tol, y.tol);
  const double scale = std::max(std::fabs(x.value), std::fabs(y.value));
  if (x.range || y.range) {
    auto near = [tol](double p, double q) {
      if (std::isinf(p) || std::isinf(q)) return p == q;
      return std::fabs(p - q) <=
             tol * std::max(std::fabs(p), std::fabs(q)) + 1e-12;
    };
    return x.range && y.range && near(x.raw_lo, y.raw_lo) &&
           near(x.raw_hi, y.raw_hi);
  }
  if (!(std::fabs(x.value - y.value) <= tol * scale + 1e-12)) return false;
  return Overlap(a, b);
}

bool Context::Contradictable(int a, int b) const {
  const Claim& x = claims_[a];
  const Claim& y = claims_[b];
  // Different counted nouns or currencies ("11.20" vs "60 crowns") are
  // different quantities, whatever their head.
  // Fractions ("two-thirds", "66.7%") carry no counted noun.
  auto fraction = [](const Amount& a) {
    return a.dimension == "percent" || a.dimension == "ratio";
  };
  if (!(fraction(x.mention.amount) && fraction(y.mention.amount)) &&
      x.mention.amount.unit != y.mention.amount.unit) {
    return false;
  }
  const double va = std::fabs(values_[a].value);
  const double vb = std::fabs(values_[b].value);
  const double lo = std::min(va, vb), hi = std::max(va, vb);
  if (lo == 0) return true;  // "no deaths" vs "three deaths"
  const double ratio = hi / lo;
  if (ratio >= kMaxConflictRatio) return false;
  const auto& ma = x.subject.modifiers;
  const auto& mb = y.subject.modifiers;
  const bool strong =
      (ma.empty() && mb.empty()) ||
      (!ma.empty() && !mb.empty() &&
       align::ModifierOverlap(ma, mb) >= config_.align.min_modifier_overlap);
  return strong || ratio <= 2.0;
}

int Context::SpanClass(int claim) const {
  const Claim& c = claims_[claim];
  if (!ExplicitScope(c)) return 0;
  switch (c.scope.period.granularity) {
    case Granularity::kDay:
    case Granularity::kWeek:
      return 0;
    case Granularity::kMonth:
      return 1;
    case Granularity::kQuarter:
    case Granularity::kHalf:
      return 2;
    default:
      return 3;
  }
}

bool Context::ScopeOf(int claim, absl::CivilDay* begin,
                      absl::CivilDay* end) const {
  const Claim& c = claims_[claim];
  const auto& tol = config_.tolerances;
  if (ExplicitScope(c)) {
    const int g = GranularityIndex(c.scope.period.granularity);
    const int slack = (g >= 0 && g < static_cast<int>(tol.date_days.size()))
                          ? tol.date_days[g]
                          : 0;
    *begin = c.scope.period.begin - slack;
    *end = std::max(c.scope.period.end, c.scope.period.begin) + slack;
    return true;
  }
  absl::CivilDay day, last;
  if (HasPeriod(c.scope) && c.scope.source == "reference-date") {
    day = c.scope.period.begin;
    last = std::max(c.scope.period.end, day);
  } else {
    const ReferenceDate& r = doc(DocOf(claim)).reference_date;
    if (!r.day) return false;
    day = *r.day;
    last = r.latest ? std::max(*r.latest, day) : day;
  }
  *begin = day - tol.present_scope_days;
  *end = last + tol.present_scope_days;
  return true;
}

bool Context::DateOf(int claim, DateValue* out) const {
  const Claim& c = claims_[claim];
  if (c.mention.date) {
    *out = *c.mention.date;
  } else if (HasPeriod(c.scope) && c.scope.source != "reference-date") {
    *out = c.scope.period;
  } else {
    return false;
  }
  if (out->end < out->begin) out->end = out->begin;
  return true;
}

int Context::DateSlack(Granularity g) const {
  const int i = GranularityIndex(g);
  const auto& d = config_.tolerances.date_days;
  return (i >= 0 && i < static_cast<int>(d.size())) ? d[i] : 0;
}

std::string Context::ReferenceDay(int slot) const {
  const ReferenceDate& r = doc(slot).reference_date;
  return r.day ? DayText(*r.day) : "";
}

void Context::BuildPartitions(size_t g) {
  const align::ClaimGroup& group = groups_[g];
  std::vector<Partition>& parts = partitions_[g];
  if (group.klass == align::ClaimClass::kStatus) {
    Partition p;
    p.key = "status";
    p.measure = Measure::kStatus;
    p.claims = group.claims;
    BuildScopes(&p, /*status=*/true);
    parts.push_back(std::move(p));
    return;
  }
  if (group.klass != align::ClaimClass::kFigure) return;
  // A group has a handful of partitions: a linear scan over them beats
  // building a key string and hashing it for every claim.
  std::vector<int> first;  // a member of each partition, to compare with
  for (int i : group.claims) {
    if (!std::isfinite(values_[i].value)) continue;
    const Claim& c = claims_[i];
    size_t k = 0;
    for (; k < parts.size(); ++k) {
      if (partition_code_[i] == partition_code_[first[k]]) break;
    }
    if (k == parts.size()) {
      Partition p;
      p.key = absl::StrCat(MeasureClass(c.measure), "|",
                           UnitClass(c.mention.amount));
      p.measure = c.measure == Measure::kCount ? Measure::kLevel : c.measure;
      parts.push_back(std::move(p));
      first.push_back(i);
    }
    parts[k].claims.push_back(i);
  }
  std::sort(
      parts.begin(), parts.end(),
      [](const Partition& a, const Partition& b) { return a.key < b.key; });
  for (Partition& p : parts) BuildScopes(&p, /*status=*/false);
}

void Context::BuildScopes(Partition* p, bool status) const {
  struct Scoped {
    absl::CivilDay begin, end;
    int claim;
    int span_class;
  };
  std::vector<Scoped> known;
  std::vector<int> unknown;
  for (int i : p->claims) {
    Scoped s{absl::CivilDay(), absl::CivilDay(), i, SpanClass(i)};
    if (ScopeOf(i, &s.begin, &s.end)) {
      known.push_back(s);
    } else {
      unknown.push_back(i);
    }
  }
  std::sort(known.begin(), known.end(), [](const Scoped& a, const Scoped& b) {
    if (a.span_class != b.span_class) return a.span_class < b.span_class;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.claim < b.claim;
  });
  // Anchored sweep: a claim joins the current bucket when its scope overlaps
  // the bucket's first scope, so buckets do not drift through chains.
  std::vector<std::vector<int>> members;
  for (size_t i = 0; i < known.size();) {
    ScopeBucket b;
    b.begin = known[i].begin;
    b.end = known[i].end;
    b.span_class = known[i].span_class;
    const absl::CivilDay anchor_end = known[i].end;
    std::vector<int> m;
    size_t j = i;
    while (j < known.size() && known[j].span_class == b.span_class &&
           known[j].begin <= anchor_end) {
      b.end = std::max(b.end, known[j].end);
      m.push_back(known[j].claim);
      ++j;
    }
    p->scopes.push_back(b);
    members.push_back(std::move(m));
    i = j;
  }
  if (!unknown.empty()) {
    if (members.empty()) {
      ScopeBucket b;
      b.known = false;
      p->scopes.push_back(b);
      members.emplace_back();
    }
    size_t largest = 0;
    for (size_t k = 1; k < members.size(); ++k) {
      if (members[k].size() > members[largest].size()) largest = k;
    }
    members[largest].insert(members[largest].end(), unknown.begin(),
                            unknown.end());
  }
  for (size_t k = 0; k < members.size(); ++k) {
    std::vector<int>& m = members[k];
    std::vector<ValueCluster>& clusters = p->scopes[k].clusters;
    if (status) {
      std::sort(m.begin(), m.end(), [&](int a, int b) {
        const std::string& la = claims_[a].mention.label;
        const std::string& lb = claims_[b].mention.label;
        return la != lb ? la < lb : a < b;
      });
      for (size_t i = 0; i < m.size();) {
        ValueCluster c;
        c.label = claims_[m[i]].mention.label;
        size_t j = i;
        while (j < m.size() && claims_[m[j]].mention.label == c.label) {
          c.claims.push_back(m[j++]);
        }
        c.docs = DocsOf(c.claims);
        clusters.push_back(std::move(c));
        i = j;
      }
      continue;
    }
    std::sort(m.begin(), m.end(), [&](int a, int b) {
      if (values_[a].value != values_[b].value) {
        return values_[a].value < values_[b].value;
      }
      return a < b;
    });
    for (size_t i = 0; i < m.size();) {
      ValueCluster c;
      const int anchor = m[i];
      c.value = values_[anchor].value;
      c.lo = values_[anchor].lo;
      c.hi = values_[anchor].hi;
      size_t j = i;
      while (j < m.size() && (j == i || Agree(anchor, m[j]))) {
        c.lo = std::min(c.lo, values_[m[j]].lo);
        c.hi = std::max(c.hi, values_[m[j]].hi);
        c.claims.push_back(m[j++]);
      }
      c.docs = DocsOf(c.claims);
      clusters.push_back(std::move(c));
      i = j;
    }
  }
}

Evidence Context::ClaimEvidence(int claim) const {
  const Claim& c = claims_[claim];
  const int slot = DocOf(claim);
  const DocumentInfo& d = doc(slot);
  Evidence e;
  e.doc_id = c.doc_id;
  e.path = d.path;
  e.source = d.source;
  e.position = c.position;
  e.span = c.mention.span;
  e.quote = c.quote;
  e.sentence = c.sentence;
  e.value = ValueText(claim);
  e.claim_id = c.id;
  e.reference_date = ReferenceDay(slot);
  return e;
}

Evidence Context::DocumentEvidence(int slot) const {
  const DocumentInfo& d = doc(slot);
  Evidence e;
  e.doc_id = d.id;
  e.path = d.path;
  e.source = d.source;
  e.reference_date = ReferenceDay(slot);
  return e;
}

std::string Context::ValueText(int claim) const {
  const Claim& c = claims_[claim];
  const Mention& m = c.mention;
  if (c.measure == Measure::kStatus || m.kind == MentionKind::kStatus) {
    return m.label;
  }
  DateValue d;
  if ((m.date || c.measure == Measure::kEventDate) && DateOf(claim, &d)) {
    if (!d.iso.empty()) return d.iso;
    if (d.begin == d.end) return DayText(d.begin);
    return absl::StrCat(DayText(d.begin), "..", DayText(d.end));
  }
  if (!IsNumericKind(m.kind)) return m.text;
  const Amount& a = m.amount;
  std::string out;
  if (!a.qualifier.empty()) absl::StrAppend(&out, a.qualifier, " ");
  if (a.low < a.high && std::isfinite(a.high) && std::isfinite(a.low) &&
      a.qualifier.empty()) {
    absl::StrAppend(&out, FormatNumber(Shown(a, a.low)), "..",
                    FormatNumber(Shown(a, a.high)));
  } else {
    absl::StrAppend(&out, FormatNumber(Shown(a, a.value)));
  }
  if (a.unit == "%") {
    out += "%";
  } else if (!a.unit.empty()) {
    absl::StrAppend(&out, " ", a.unit);
  }
  return out;
}

std::string Context::QuoteText(int claim) const {
  const Claim& c = claims_[claim];
  return c.quote.empty() ? ValueText(claim) : c.quote;
}

std::string Context::Cite(int claim) const {
  return absl::StrCat(QuoteText(claim), " (", claims_[claim].doc_id, ")");
}

std::string Context::CiteCluster(const ValueCluster& c) const {
  std::vector<std::string> ids;
  const size_t cap = static_cast<size_t>(config_.limits.max_evidence);
  for (int d : c.docs) {
    if (ids.size() >= cap) {
      ids.push_back(absl::StrCat(c.docs.size() - cap, " more"));
      break;
    }
    ids.push_back(doc(d).id);
  }
  return absl::StrCat(QuoteText(c.claims.front()), " (",
                      absl::StrJoin(ids, ", "), ")");
}

std::string Context::ScopeText(int claim) const {
  const Claim& c = claims_[claim];
  if (ExplicitScope(c)) {
    return c.scope.period.iso.empty() ? DayText(c.scope.period.begin)
                                      : c.scope.period.iso;
  }
  if (HasPeriod(c.scope) && c.scope.source == "reference-date") {
    return DayText(c.scope.period.begin);
  }
  return ReferenceDay(DocOf(claim));
}

bool Context::FindPair(const std::vector<int>& a, const std::vector<int>& b,
                       bool need_overlap, int* x, int* y) const {
  // One claim per document on each side: a cluster whose first claims all
  // come from one document must not hide its other documents.
  const std::vector<int> as = OnePerDocument(a);
  const std::vector<int> bs = OnePerDocument(b);
  for (int ai : as) {
    for (int bj : bs) {
      if (DocOf(ai) == DocOf(bj)) continue;
      if (need_overlap && !Overlap(ai, bj)) continue;
      *x = ai;
      *y = bj;
      return true;
    }
  }
  return false;
}

bool Context::LabelsCompatible(absl::string_view a, absl::string_view b) const {
  if (a == b) return true;
  auto ia = label_set_.find(std::string(a));
  auto ib = label_set_.find(std::string(b));
  return ia != label_set_.end() && ib != label_set_.end() &&
         ia->second == ib->second;
}

std::vector<int> Context::OnePerDocument(const std::vector<int>& claims) const {
  std::vector<int> out;
  const size_t cap = static_cast<size_t>(config_.limits.max_evidence);
  // `out` stays within the evidence cap, so a linear scan is cheapest.
  for (int i : claims) {
    if (out.size() >= cap) break;
    const int d = DocOf(i);
    bool seen = false;
    for (int o : out) seen = seen || DocOf(o) == d;
    if (!seen) out.push_back(i);
  }
  return out;
}

std::vector<int> Context::DocsOf(const std::vector<int>& claims) const {
  std::vector<int> out;
  out.reserve(claims.size());
  for (int i : claims) out.push_back(DocOf(i));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Context::CrossDocument(const std::vector<int>& a_docs,
                            const std::vector<int>& b_docs) const {
  if (a_docs.empty() || b_docs.empty()) return false;
  if (a_docs.size() > 1 || b_docs.size() > 1) return true;
  return a_docs[0] != b_docs[0];
}

void Context::Emit(absl::string_view kind, const JudgmentConfig& cfg,
                   absl::string_view key, std::vector<std::string> values,
                   double confidence_factor, Finding f,
                   std::vector<Finding>* out) const {
  f.rule_id = absl::StrCat("judge.", kind);
  f.kind = std::string(kind);
  f.severity = cfg.severity;
  f.confidence = std::clamp(cfg.confidence * confidence_factor, 0.0, 1.0);
  std::sort(values.begin(), values.end());
  std::vector<std::string> doc_ids;
  for (const Evidence& e : f.evidence) doc_ids.push_back(e.doc_id);
  std::sort(doc_ids.begin(), doc_ids.end());
  doc_ids.erase(std::unique(doc_ids.begin(), doc_ids.end()), doc_ids.end());
  std::vector<std::string> parts;
  parts.reserve(2 + values.size() + doc_ids.size() + 2);
  parts.push_back(f.rule_id);
  parts.emplace_back(key);
  parts.emplace_back("values");
  for (auto& v : values) parts.push_back(std::move(v));
  parts.emplace_back("docs");
  for (auto& d : doc_ids) parts.push_back(std::move(d));
  f.fingerprint = Fingerprint(parts);
  out->push_back(std::move(f));
}

}  // namespace crosscheck::judge
