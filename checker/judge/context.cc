// The shared analysis behind every judgment: documents, comparable numbers,
// groups, and per group its partitions, scope buckets and value clusters
// (see judgment.h).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/casts.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "checker/align/huge_pages.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {

namespace {

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
  // Powers of ten up to 1e18 are exact doubles: what std::pow gives, at a
  // fraction of its cost (once per figure claim).
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                      1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                      1e14, 1e15, 1e16, 1e17, 1e18};
  return 0.5 * kPow10[zeros] / ax;
}

int GranularityIndex(Granularity g) { return static_cast<int>(g); }

// Days since 1970-01-01.
// Days since 1970-01-01: the proleptic Gregorian day count CivilDay
// arithmetic gives, computed from the fields (days_from_civil) rather than
// by normalizing an epoch CivilDay on every call.
int32_t DayNumber(absl::CivilDay d) {
  const int64_t year = d.year();
  if (year < -1000000 || year > 1000000) {
    return static_cast<int32_t>(d - absl::CivilDay(1970, 1, 1));
  }
  const int64_t m = d.month();
  const int64_t y = year - (m <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day() - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + doe - 719468);
}

// A human rendering: "350,000,000,000", "4,800", "0.667", never "3.5e+11".
// Appends to `out`: findings format hundreds of thousands of these, so the
// digits go through a stack buffer, not temporary strings.
void AppendNumber(double v, std::string* out) {
  if (std::isinf(v)) {
    out->append(v > 0 ? "inf" : "-inf");
    return;
  }
  if (std::isnan(v)) {
    out->append("nan");
    return;
  }
  if (std::fabs(v) >= 1e18) {
    absl::StrAppendFormat(out, "%.6g", v);
    return;
  }
  char buf[64];
  if (v == std::floor(v)) {
    // Exact in an int64 below 1e18: the digits "%.0f" would print.
    const auto [end, ec] = std::to_chars(buf, buf + sizeof(buf),
                                         static_cast<int64_t>(std::fabs(v)));
    (void)ec;  // 18 digits always fit
    const size_t n = static_cast<size_t>(end - buf);
    char grouped[32];
    size_t k = 0;
    if (v < 0) grouped[k++] = '-';
    // A group of 1-3 digits, then ",ddd" groups.
    const size_t head = n % 3 == 0 ? 3 : n % 3;
    std::memcpy(grouped + k, buf, head);
    k += head;
    for (size_t i = head; i < n; i += 3) {
      grouped[k++] = ',';
      std::memcpy(grouped + k, buf + i, 3);
      k += 3;
    }
    out->append(grouped, k);
    return;
  }
  // Below a million, v * 1e6 is within 2^-12 of the exact product: unless
  // that lies within 0.001 of a rounding tie, its nearest integer is the
  // correctly rounded 6-digit fixed-point value, the digits to_chars
  // below would give, at a fraction of its cost (percentages land here).
  if (std::fabs(v) < 1e6) {
    const double scaled = std::fabs(v) * 1e6;
    const double rounded = std::nearbyint(scaled);
    if (std::fabs(scaled - rounded) <= 0.499) {
      const int64_t micros = static_cast<int64_t>(rounded);
      const auto [int_end, int_ec] =
          std::to_chars(buf, buf + sizeof(buf), micros / 1000000);
      (void)int_ec;  // at most 7 digits
      if (v < 0) out->push_back('-');
      out->append(buf, int_end);
      int64_t frac = micros % 1000000;
      if (frac != 0) {
        char digits[7] = {'.'};
        for (int i = 6; i >= 1; --i, frac /= 10) {
          digits[i] = static_cast<char>('0' + frac % 10);
        }
        size_t len = 7;
        while (digits[len - 1] == '0') --len;
        out->append(digits, len);
      }
      return;
    }
  }
  // to_chars with a precision prints what printf("%.6f") does.
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::fixed, 6);
  if (ec != std::errc()) {
    std::string s = absl::StrFormat("%.6f", v);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    out->append(s);
    return;
  }
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  out->append(buf, end);
}

// Percent amounts are fractions; shown as percentages again.
double Shown(const Amount& a, double v, const Symbol& percent_sign) {
  return a.unit == percent_sign ? v * 100 : v;
}

constexpr double kMaxConflictRatio = 10;

// FNV-1a 64 over parts, each followed by a unit separator (see Fingerprint).
class FingerprintHasher {
 public:
  FingerprintHasher() = default;
  // Resumes from state(): a common first part is hashed once.
  explicit FingerprintHasher(uint64_t state) : h_(state) {}
  uint64_t state() const { return h_; }
  void Add(absl::string_view part) {
    for (unsigned char c : part) Mix(c);
    Mix(0x1f);  // unit separator: ("ab","c") != ("a","bc")
  }
  // One part given in pieces: hashes like their concatenation.
  void Add(std::initializer_list<absl::string_view> pieces) {
    for (absl::string_view piece : pieces) {
      for (unsigned char c : piece) Mix(c);
    }
    Mix(0x1f);
  }
  uint64_t value() const { return h_; }
  std::string Hex() const { return std::string(HexText()); }
  // The same held inline: no allocation per finding.
  InlineString HexText() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    char out[16];
    for (int i = 0; i < 16; ++i) out[15 - i] = kDigits[(h_ >> (4 * i)) & 0xf];
    return InlineString(absl::string_view(out, sizeof(out)));
  }

 private:
  void Mix(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ULL;
  }
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

// "2026-02-08"; findings format many of these, so no format string parsing.
std::string DayText(absl::CivilDay d) {
  const int64_t y = d.year();
  if (y < 0 || y > 9999) {
    return absl::StrFormat("%04d-%02d-%02d", y, d.month(), d.day());
  }
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + d.month() / 10);
  out[6] = static_cast<char>('0' + d.month() % 10);
  out[8] = static_cast<char>('0' + d.day() / 10);
  out[9] = static_cast<char>('0' + d.day() % 10);
  return out;
}

std::string Fingerprint(const std::vector<std::string>& parts) {
  // FNV-1a 64: fixed and simple, so fingerprints survive rebuilds (absl::Hash
  // is salted per process).
  FingerprintHasher h;
  for (const std::string& p : parts) h.Add(p);
  return h.Hex();
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

const ValueCluster& MainCluster(const ScopeBucket& s) {
  size_t best = 0;
  for (size_t i = 1; i < s.clusters.size(); ++i) {
    if (s.clusters[i].docs.size() > s.clusters[best].docs.size()) best = i;
  }
  return s.clusters[best];
}

bool ComparableTimes(const ScopeBucket& a, const ScopeBucket& b) {
  return a.known && b.known && a.span_class == b.span_class &&
         !a.clusters.empty() && !b.clusters.empty();
}

void Findings::Add(Finding&& f, uint64_t fingerprint,
                   absl::Span<const int> evidence) {
  fingerprints_.push_back(fingerprint);
  const uint32_t begin = static_cast<uint32_t>(claims_.size());
  claims_.insert(claims_.end(), evidence.begin(), evidence.end());
  ranges_.emplace_back(begin, static_cast<uint32_t>(claims_.size()));
  findings_.push_back(std::move(f));
}

void Findings::Reserve(size_t findings) {
  align::ReserveHuge(&findings_, findings);
  align::ReserveHuge(&ranges_, findings);
  align::ReserveHuge(&fingerprints_, findings);
  // Most findings cite two or three claims.
  align::ReserveHuge(&claims_, 3 * findings);
}

void Findings::Permute(const std::vector<int>& order) {
  // In place, cycle by cycle: no second array of findings.
  std::vector<bool> done(order.size(), false);
  for (size_t start = 0; start < order.size(); ++start) {
    if (done[start]) continue;
    size_t k = start;
    Finding f = std::move(findings_[start]);
    auto r = ranges_[start];
    while (static_cast<size_t>(order[k]) != start) {
      const size_t from = static_cast<size_t>(order[k]);
      findings_[k] = std::move(findings_[from]);
      ranges_[k] = ranges_[from];
      done[k] = true;
      k = from;
    }
    findings_[k] = std::move(f);
    ranges_[k] = r;
    done[k] = true;
  }
}

namespace {

std::vector<const DocumentInfo*> Pointers(
    const std::vector<DocumentInfo>& docs) {
  std::vector<const DocumentInfo*> out;
  out.reserve(docs.size());
  for (const DocumentInfo& d : docs) out.push_back(&d);
  return out;
}

}  // namespace

Context::Context(const std::vector<const Claim*>& claims,
                 const std::vector<DocumentInfo>& docs,
                 const JudgeConfig& config)
    : Context(claims, Pointers(docs), config) {}

Context::Context(const std::vector<const Claim*>& claims,
                 const std::vector<const DocumentInfo*>& docs,
                 const JudgeConfig& config)
    : claims_(claims),
      config_(config),
      reference_date_("reference-date"),
      explicit_("explicit"),
      percent_("percent"),
      ratio_("ratio"),
      count_("count"),
      percentage_points_("percentage-points"),
      percent_sign_("%"),
      more_than_("more-than"),
      at_least_("at-least"),
      up_to_("up-to"),
      less_than_("less-than"),
      at_most_("at-most") {
  absl::flat_hash_map<absl::string_view, int> slot_of;
  docs_.reserve(docs.size());
  for (const DocumentInfo* d : docs) {
    if (slot_of.contains(d->id)) continue;  // first record of an id wins
    slot_of[d->id] = static_cast<int>(docs_.size());
    docs_.push_back(d);
  }
  claim_doc_ = align::HugeArray<int>(claims.size());
  // Claims come document by document: remember the last lookup.
  Symbol last_id;
  int last_slot = -1;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (i + 8 < claims.size()) __builtin_prefetch(&claims[i + 8]->doc_id);
    const Symbol& id = claims[i]->doc_id;
    if (last_slot < 0 || id != last_id) {
      auto it = slot_of.find(absl::string_view(id));
      if (it == slot_of.end()) {
        DocumentInfo& stub = stubs_.emplace_back();
        stub.id = id.str();
        it = slot_of.emplace(stub.id, static_cast<int>(docs_.size())).first;
        docs_.push_back(&stub);
      }
      last_id = id;
      last_slot = it->second;
    }
    claim_doc_[i] = last_slot;
  }
  // Syndication keys as the pipeline assigned them; computed here when no
  // document has one yet but signatures are present (claims-only runs).
  bool any_key = false;
  for (const DocumentInfo* d : docs_) any_key |= !d->syndication_key.empty();
  std::vector<std::string> keys;
  if (!any_key) keys = SyndicationKeys(config, docs_);
  source_units_.resize(docs_.size());
  doc_ids_.resize(docs_.size());
  doc_paths_.resize(docs_.size());
  doc_sources_.resize(docs_.size());
  ref_days_.resize(docs_.size());
  for (size_t s = 0; s < docs_.size(); ++s) {
    const DocumentInfo& d = *docs_[s];
    const std::string& k = any_key ? d.syndication_key : keys[s];
    source_units_[s] = k.empty() ? d.id : k;
    doc_ids_[s] = d.id;
    doc_paths_[s] = d.path;
    doc_sources_[s] = d.source;
    if (d.reference_date.day) ref_days_[s] = DayText(*d.reference_date.day);
  }

  slot_of_rank_.resize(docs_.size());
  for (size_t s = 0; s < docs_.size(); ++s)
    slot_of_rank_[s] = static_cast<int>(s);
  // Slots hold distinct ids: no ties.
  std::sort(slot_of_rank_.begin(), slot_of_rank_.end(),
            [&](int a, int b) { return docs_[a]->id < docs_[b]->id; });
  doc_rank_.resize(docs_.size());
  for (size_t r = 0; r < docs_.size(); ++r) {
    doc_rank_[slot_of_rank_[r]] = static_cast<int>(r);
  }

  // Source units and partition classes as small integers, so the hot loops
  // compare ints rather than strings.
  absl::flat_hash_map<absl::string_view, int> unit_ids;
  source_unit_ids_.resize(docs_.size());
  ai_generated_.resize(docs_.size());
  for (size_t s = 0; s < docs_.size(); ++s) {
    ai_generated_[s] = docs_[s]->ai_generated;
  }
  for (size_t s = 0; s < docs_.size(); ++s) {
    source_unit_ids_[s] =
        unit_ids.emplace(source_units_[s], static_cast<int>(unit_ids.size()))
            .first->second;
  }
  fact_slot_ = align::HugeArray<uint32_t>(claims.size());

  for (const RegistryEntry& e : Registry()) {
    KindSymbols k{Symbol(absl::StrCat("judge.", e.kind)), Symbol(e.kind), 0};
    FingerprintHasher h;
    h.Add(k.rule_id);
    k.rule_hash = h.state();
    kind_symbols_.emplace(e.kind, k);
  }

  for (const auto& set : config.status_compatible) {
    const int id = static_cast<int>(label_set_.size());
    for (const auto& l : set) label_set_.emplace(Symbol(l), id);
  }

  groups_ = align::AlignClaimPtrs(claims, config.align);
}

namespace {

// Claims of a group prefetched groups ahead: most groups are small, and
// the analysis of a big one fetches its own further claims.
constexpr size_t kPrefetchClaims = 16;

// The lines of a claim that its facts, value and quote are read from.
void PrefetchClaimLines(const Claim* c) {
  __builtin_prefetch(&c->mention);
  __builtin_prefetch(&c->mention.amount);
  __builtin_prefetch(&c->mention.date);
  __builtin_prefetch(&c->measure);
  __builtin_prefetch(&c->scope.source);
  __builtin_prefetch(&c->quote);
}

}  // namespace

void Context::PrefetchQuotes(absl::Span<const int> claims) const {
  for (int i : claims) __builtin_prefetch(&claims_[i]);
  for (int i : claims) __builtin_prefetch(&claims_[i]->quote);
}

void Context::LoadGroup(size_t g) {
  const std::vector<int>& members = groups_[g].claims;
  facts_.resize(members.size());
  // The first claims were fetched groups ahead (PrefetchGroupFacts and
  // PrefetchGroupClaims); a big group's others are fetched here.
  constexpr size_t kAhead = 8;
  for (size_t k = 0; k < members.size(); ++k) {
    if (k + 2 * kAhead < members.size() && k + 2 * kAhead >= kPrefetchClaims) {
      __builtin_prefetch(&claims_[members[k + 2 * kAhead]]);
      __builtin_prefetch(&fact_slot_[members[k + 2 * kAhead]]);
    }
    if (k + kAhead < members.size() && k + kAhead >= kPrefetchClaims) {
      PrefetchClaimLines(claims_[members[k + kAhead]]);
    }
    fact_slot_[members[k]] = static_cast<uint32_t>(k);
    ComputeFacts(members[k], &facts_[k]);
  }
}

void Context::ComputeFacts(int claim, Facts* f) {
  const Claim& c = *claims_[claim];
  Scope& s = f->scope;
  s = Scope();
  s.stated = ExplicitScope(c);
  s.span_class = static_cast<int8_t>(ComputeSpanClass(c, s.stated));
  s.known = ComputeScope(claim, s.stated, &s.begin, &s.end);
  Numbers& n = f->numbers;
  n = Numbers();
  if (!IsNumericKind(c.mention.kind)) return;
  const Amount& a = c.mention.amount;
  int unit;
  if (a.dimension == percent_ || a.dimension == ratio_) {
    unit = 0;
  } else if (a.dimension.empty() || a.dimension == count_) {
    unit = 1;
  } else if (a.dimension == percentage_points_) {
    unit = 2;
  } else {
    unit = 3 + other_units_
                   .emplace(std::make_pair(a.dimension, a.unit),
                            static_cast<int>(other_units_.size()))
                   .first->second;
  }
  n.partition = unit * 8 + MeasureCode(c.measure);
  if (static_cast<size_t>(n.partition) >= partition_keys_.size()) {
    partition_keys_.resize(n.partition + 1);
  }
  if (partition_keys_[n.partition].empty()) {
    partition_keys_[n.partition] =
        absl::StrCat(MeasureClass(c.measure), "|", UnitClass(c.mention.amount));
  }
  // Percentages arrive as fractions (extract normalizes "15%" to 0.15), so
  // "two-thirds" and "66.7%" compare directly.
  const auto& tol = config_.tolerances;
  n.value = a.value;
  RawBounds(claim, &n.lo, &n.hi);
  const Symbol& q = a.qualifier;
  const bool bound = q == more_than_ || q == at_least_ || q == up_to_ ||
                     q == less_than_ || q == at_most_;
  const bool approximate = !a.qualifier.empty() && !bound;
  n.range = n.lo < n.hi && !approximate;
  n.tol =
      approximate
          ? tol.approximate
          : std::max(
                tol.relative,
                std::min(tol.approximate,
                         RoundingTolerance(a.value, tol.rounding_min_digits)));
  n.lo -= n.tol * std::fabs(n.lo);
  n.hi += n.tol * std::fabs(n.hi);
}

void Context::ReleaseAnalysis() {
  std::vector<Facts>().swap(facts_);
  std::vector<uint32_t>().swap(fact_slot_);
  std::vector<align::ClaimGroup>().swap(groups_);
}

void Context::RawBounds(int claim, double* lo, double* hi) const {
  const Amount& a = claims_[claim]->mention.amount;
  *lo = a.low;
  *hi = a.high;
  if (std::isnan(*lo) || std::isnan(*hi) || *lo > *hi ||
      (*lo == 0 && *hi == 0)) {
    *lo = *hi = a.value;  // bounds left unset
  }
  *lo = std::min(*lo, a.value);
  *hi = std::max(*hi, a.value);
}

const std::string& Context::SourceUnit(int slot) const {
  return source_units_[slot];
}

bool Context::HasPeriod(const TimeScope& s) const {
  return !s.source.empty() && !(s.period.begin == absl::CivilDay() &&
                                s.period.end == absl::CivilDay());
}

// Whether a claim's explicit time scope says when its value holds. A
// planned or promised figure ("a $350 billion investment plan", "will cost
// $3.4 million") takes its clause's date from the announcement ("said on
// Jan. 26", "promised last year"), not from the value: it stays the same
// plan whenever it is reported, so it is scoped like an undated claim.
bool Context::ExplicitScope(const Claim& c) const {
  if (!HasPeriod(c.scope) || c.scope.source == reference_date_) return false;
  const bool numeric = c.mention.kind == MentionKind::kNumber ||
                       c.mention.kind == MentionKind::kMoney ||
                       c.mention.kind == MentionKind::kPercent ||
                       c.mention.kind == MentionKind::kQuantity;
  return !(numeric && c.modality == Modality::kFuture);
}

bool Context::Overlap(int a, int b) const {
  const Numbers& x = NumbersOf(a);
  const Numbers& y = NumbersOf(b);
  return x.lo <= y.hi && y.lo <= x.hi;
}

bool Context::InsideStatedRange(int a, int b) const {
  auto inside = [this](int range, int other) {
    double lo, hi, olo, ohi;
    RawBounds(range, &lo, &hi);
    if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) return false;
    RawBounds(other, &olo, &ohi);
    return lo <= olo && ohi <= hi;
  };
  return inside(a, b) || inside(b, a);
}

bool Context::Agree(int a, int b) const {
  const Numbers& x = NumbersOf(a);
  const Numbers& y = NumbersOf(b);
  const double tol = std::max(x.tol, y.tol);
  const double scale = std::max(std::fabs(x.value), std::fabs(y.value));
  if (x.range || y.range) {
    if (!(x.range && y.range)) return false;
    auto near = [tol](double p, double q) {
      if (std::isinf(p) || std::isinf(q)) return p == q;
      return std::fabs(p - q) <=
             tol * std::max(std::fabs(p), std::fabs(q)) + 1e-12;
    };
    double xl, xh, yl, yh;
    RawBounds(a, &xl, &xh);
    RawBounds(b, &yl, &yh);
    return near(xl, yl) && near(xh, yh);
  }
  if (!(std::fabs(x.value - y.value) <= tol * scale + 1e-12)) return false;
  return Overlap(a, b);
}

bool Context::Contradictable(int a, int b) const {
  const Claim& x = *claims_[a];
  const Claim& y = *claims_[b];
  // Different counted nouns or currencies ("11.20" vs "60 crowns") are
  // different quantities, whatever their head.
  // Fractions ("two-thirds", "66.7%") carry no counted noun.
  auto fraction = [this](const Amount& a) {
    return a.dimension == percent_ || a.dimension == ratio_;
  };
  if (!(fraction(x.mention.amount) && fraction(y.mention.amount)) &&
      x.mention.amount.unit != y.mention.amount.unit) {
    return false;
  }
  const double va = std::fabs(Value(a));
  const double vb = std::fabs(Value(b));
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

int Context::ComputeSpanClass(const Claim& c, bool stated) const {
  if (!stated) return 0;
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
  const Scope& s = ScopeFacts(claim);
  if (!s.known) return false;
  const absl::CivilDay epoch(1970, 1, 1);
  *begin = epoch + s.begin;
  *end = epoch + s.end;
  return true;
}

bool Context::ComputeScope(int claim, bool stated, int32_t* begin,
                           int32_t* end) const {
  // Day numbers, not CivilDay arithmetic: adding days to a CivilDay
  // normalizes a calendar date each time.
  const Claim& c = *claims_[claim];
  const auto& tol = config_.tolerances;
  if (stated) {
    const int g = GranularityIndex(c.scope.period.granularity);
    const int slack = (g >= 0 && g < static_cast<int>(tol.date_days.size()))
                          ? tol.date_days[g]
                          : 0;
    const int32_t b = DayNumber(c.scope.period.begin);
    *begin = b - slack;
    *end = std::max(DayNumber(c.scope.period.end), b) + slack;
    return true;
  }
  int32_t day, last;
  if (HasPeriod(c.scope) && c.scope.source == reference_date_) {
    day = DayNumber(c.scope.period.begin);
    last = std::max(DayNumber(c.scope.period.end), day);
  } else {
    const ReferenceDate& r = doc(DocOf(claim)).reference_date;
    if (!r.day) return false;
    day = DayNumber(*r.day);
    last = r.latest ? std::max(DayNumber(*r.latest), day) : day;
  }
  *begin = day - tol.present_scope_days;
  *end = last + tol.present_scope_days;
  return true;
}

bool Context::DateOf(int claim, DateValue* out) const {
  const Claim& c = *claims_[claim];
  if (c.mention.date) {
    *out = *c.mention.date;
  } else if (HasPeriod(c.scope) && c.scope.source != reference_date_) {
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

void Context::FillClaimEvidence(int claim, Evidence* e) const {
  const Claim& c = *claims_[claim];
  const int slot = DocOf(claim);
  e->doc_id = c.doc_id;
  e->path = doc_paths_[slot];
  e->source = doc_sources_[slot];
  e->position = c.position;
  e->span = c.mention.span;
  e->quote = c.quote;
  e->sentence = c.sentence;
  e->value = ValueSymbol(claim);
  e->claim_id = c.id;
  e->reference_date = ReferenceDay(slot);
}

void Context::PrefetchGroupFacts(size_t g) const {
  const std::vector<int>& members = groups_[g].claims;
  const size_t n = std::min(members.size(), kPrefetchClaims);
  for (size_t k = 0; k < n; ++k) {
    const int i = members[k];
    __builtin_prefetch(&fact_slot_[i]);
    __builtin_prefetch(&claim_doc_[i]);
    __builtin_prefetch(&claims_[i]);
  }
}

void Context::PrefetchGroupClaims(size_t g) const {
  const std::vector<int>& members = groups_[g].claims;
  const size_t n = std::min(members.size(), kPrefetchClaims);
  for (size_t k = 0; k < n; ++k) {
    PrefetchClaimLines(claims_[members[k]]);
  }
}

Evidence Context::ClaimEvidence(int claim) const {
  Evidence e;
  FillClaimEvidence(claim, &e);
  return e;
}

Evidence Context::DocumentEvidence(int slot) const {
  Evidence e;
  e.doc_id = doc_ids_[slot];
  e.path = doc_paths_[slot];
  e.source = doc_sources_[slot];
  e.reference_date = ReferenceDay(slot);
  return e;
}

void Context::AppendValueText(int claim, std::string* out) const {
  const Claim& c = *claims_[claim];
  const Mention& m = c.mention;
  if (c.measure == Measure::kStatus || m.kind == MentionKind::kStatus) {
    out->append(m.label);
    return;
  }
  DateValue d;
  if ((m.date || c.measure == Measure::kEventDate) && DateOf(claim, &d)) {
    if (!d.iso.empty()) {
      out->append(d.iso);
    } else if (d.begin == d.end) {
      out->append(DayText(d.begin));
    } else {
      absl::StrAppend(out, DayText(d.begin), "..", DayText(d.end));
    }
    return;
  }
  if (!IsNumericKind(m.kind)) {
    out->append(m.text);
    return;
  }
  const Amount& a = m.amount;
  if (!a.qualifier.empty()) {
    out->append(a.qualifier);
    out->push_back(' ');
  }
  if (a.low < a.high && std::isfinite(a.high) && std::isfinite(a.low) &&
      a.qualifier.empty()) {
    AppendNumber(Shown(a, a.low, percent_sign_), out);
    out->append("..");
    AppendNumber(Shown(a, a.high, percent_sign_), out);
  } else {
    AppendNumber(Shown(a, a.value, percent_sign_), out);
  }
  if (a.unit == percent_sign_) {
    out->push_back('%');
  } else if (!a.unit.empty()) {
    out->push_back(' ');
    out->append(a.unit);
  }
}

Symbol Context::ValueSymbol(int claim) const {
  const Claim& c = *claims_[claim];
  const Mention& m = c.mention;
  // A status's value text is its label, interned already.
  if (c.measure == Measure::kStatus || m.kind == MentionKind::kStatus) {
    return m.label;
  }
  // Without a date to show, a figure's text follows from its amount alone
  // (AppendValueText).
  if (!m.date && c.measure != Measure::kEventDate && IsNumericKind(m.kind)) {
    const Amount& a = m.amount;
    const AmountKey key{a.qualifier, a.unit, absl::bit_cast<uint64_t>(a.value),
                        absl::bit_cast<uint64_t>(a.low),
                        absl::bit_cast<uint64_t>(a.high)};
    auto [it, added] = value_symbols_.try_emplace(key);
    if (added) {
      std::string& text = Scratch();
      AppendValueText(claim, &text);
      it->second = Symbol(text);
    }
    return it->second;
  }
  std::string& text = Scratch();
  AppendValueText(claim, &text);
  return Symbol(text);
}

std::string Context::ValueText(int claim) const {
  std::string out;
  AppendValueText(claim, &out);
  return out;
}

void Context::AppendQuoteText(int claim, std::string* out) const {
  const Claim& c = *claims_[claim];
  if (c.quote.empty()) {
    AppendValueText(claim, out);
  } else {
    out->append(c.quote);
  }
}

std::string Context::QuoteText(int claim) const {
  std::string out;
  AppendQuoteText(claim, &out);
  return out;
}

void Context::AppendCite(int claim, std::string* out) const {
  AppendQuoteText(claim, out);
  out->append(" (");
  out->append(doc_ids_[DocOf(claim)]);
  out->push_back(')');
}

std::string Context::Cite(int claim) const {
  std::string out;
  AppendCite(claim, &out);
  return out;
}

void Context::AppendCiteCluster(const ValueCluster& c, std::string* out) const {
  const size_t cap = static_cast<size_t>(config_.limits.max_evidence);
  AppendQuoteText(c.claims.front(), out);
  out->append(" (");
  for (size_t i = 0; i < c.docs.size(); ++i) {
    if (i > 0) out->append(", ");
    if (i >= cap) {
      absl::StrAppend(out, c.docs.size() - cap, " more");
      break;
    }
    out->append(doc_ids_[c.docs[i]]);
  }
  out->push_back(')');
}

std::string Context::CiteCluster(const ValueCluster& c) const {
  std::string out;
  AppendCiteCluster(c, &out);
  return out;
}

std::string Context::ScopeText(int claim) const {
  const Claim& c = *claims_[claim];
  if (ExplicitScope(c)) {
    return c.scope.period.iso.empty() ? DayText(c.scope.period.begin)
                                      : c.scope.period.iso.str();
  }
  if (HasPeriod(c.scope) && c.scope.source == reference_date_) {
    return DayText(c.scope.period.begin);
  }
  return ReferenceDay(DocOf(claim)).str();
}

bool Context::FindPair(absl::Span<const int> a, absl::Span<const int> b,
                       bool need_overlap, int* x, int* y,
                       bool independent) const {
  // One claim per document on each side: a cluster whose first claims all
  // come from one document must not hide its other documents.
  const ClaimList as = OnePerDocument(a);
  const ClaimList bs = OnePerDocument(b);
  for (int ai : as) {
    for (int bj : bs) {
      if (DocOf(ai) == DocOf(bj)) continue;
      if (independent && SourceUnitId(DocOf(ai)) == SourceUnitId(DocOf(bj))) {
        continue;
      }
      if (need_overlap && !Overlap(ai, bj)) continue;
      *x = ai;
      *y = bj;
      return true;
    }
  }
  return false;
}

bool Context::ContinuityContradicts(int earlier, int standing) const {
  const Claim& o = claim(earlier);
  const Claim& s = claim(standing);
  auto asserted = [](Modality m) {
    return m != Modality::kFuture && m != Modality::kHedged;
  };
  if (!asserted(o.modality) || !asserted(s.modality) ||
      s.scope.source == explicit_ ||
      LabelsCompatible(o.mention.label, s.mention.label)) {
    return false;
  }
  const ReferenceDate& r = doc(DocOf(standing)).reference_date;
  if (!r.day) return false;
  if (o.scope.source == explicit_) {
    // A dated transition ("finished recruiting in June") before the day
    // the other source says nothing changed.
    DateValue when;
    if (o.modality != Modality::kPast || !DateOf(earlier, &when) ||
        !(when.end < *r.day)) {
      return false;
    }
  } else {
    // A state as of the other source's own, earlier, date ("has been
    // closed" on the 14th, "remains open" on the 15th).
    const ReferenceDate& d = doc(DocOf(earlier)).reference_date;
    if (!d.day || !(*d.day < *r.day) ||
        *r.day - *d.day > config_.tolerances.continuity_days) {
      return false;
    }
  }
  return AssertsContinuity(standing);
}

bool Context::AssertsContinuity(int claim) const {
  for (absl::string_view w :
       absl::StrSplit(this->claim(claim).mention.text,
                      absl::ByAnyChar(" \t\n,"), absl::SkipEmpty())) {
    for (const std::string& c : config_.status_continuity) {
      if (absl::EqualsIgnoreCase(w, c)) return true;
    }
  }
  return false;
}

bool Context::LabelsCompatible(const Symbol& a, const Symbol& b) const {
  if (a == b) return true;
  auto ia = label_set_.find(a);
  auto ib = label_set_.find(b);
  return ia != label_set_.end() && ib != label_set_.end() &&
         ia->second == ib->second;
}

ClaimList Context::OnePerDocument(absl::Span<const int> claims) const {
  ClaimList out;
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

std::vector<int> Context::DocsOf(absl::Span<const int> claims) const {
  std::vector<int> out;
  out.reserve(claims.size());
  for (int i : claims) out.push_back(DocOf(i));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Context::Emit(absl::string_view kind, const JudgmentConfig& cfg,
                   std::initializer_list<absl::string_view> key,
                   absl::Span<const std::string> values,
                   double confidence_factor, Finding&& f,
                   absl::Span<const int> evidence, Findings* out) const {
  FingerprintHasher h;
  if (auto it = kind_symbols_.find(kind); it != kind_symbols_.end()) {
    f.rule_id = it->second.rule_id;
    f.kind = it->second.kind;
    h = FingerprintHasher(it->second.rule_hash);
  } else {
    f.rule_id = absl::StrCat("judge.", kind);
    f.kind = kind;
    h.Add(f.rule_id);
  }
  f.severity = cfg.severity;
  f.confidence = std::clamp(cfg.confidence * confidence_factor, 0.0, 1.0);
  absl::InlinedVector<absl::string_view, 8> sorted(values.begin(),
                                                   values.end());
  std::sort(sorted.begin(), sorted.end());
  h.Add(key);
  h.Add("values");
  for (absl::string_view v : sorted) h.Add(v);
  h.Add("docs");
  if (f.evidence.empty()) {
    // Claim evidence only: the documents' ranks sort like their ids.
    absl::InlinedVector<int, 16> ranks;
    for (int i : evidence) ranks.push_back(doc_rank_[DocOf(i)]);
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    for (int r : ranks) h.Add(doc_ids_[slot_of_rank_[r]]);
  } else {
    absl::InlinedVector<absl::string_view, 16> doc_ids;
    for (const Evidence& e : f.evidence) doc_ids.push_back(e.doc_id);
    for (int i : evidence) doc_ids.push_back(doc_ids_[DocOf(i)]);
    std::sort(doc_ids.begin(), doc_ids.end());
    doc_ids.erase(std::unique(doc_ids.begin(), doc_ids.end()), doc_ids.end());
    for (absl::string_view d : doc_ids) h.Add(d);
  }
  f.fingerprint = h.HexText();
  out->Add(std::move(f), h.value(), evidence);
}

// ---------------------------------------------------------------------------
// GroupAnalysis.

const GroupView& GroupAnalysis::Analyze(size_t g) {
  const align::ClaimGroup& group = ctx_.groups()[g];
  raw_parts_.clear();
  raw_scopes_.clear();
  raw_clusters_.clear();
  part_claims_.clear();
  cluster_claims_.clear();
  cluster_docs_.clear();
  if (group.klass == align::ClaimClass::kStatus) {
    static const Symbol* const kStatusKey = new Symbol("status");
    RawPartition p{*kStatusKey, Measure::kStatus, -1, 0, 0, 0, 0};
    part_claims_.assign(group.claims.begin(), group.claims.end());
    p.claims_end = part_claims_.size();
    BuildScopes(&p, /*status=*/true);
    raw_parts_.push_back(p);
  } else if (group.klass == align::ClaimClass::kFigure) {
    // A group has a handful of partitions: a linear scan over them beats
    // building a key string and hashing it for every claim. Claims are
    // collected per partition first, then laid out in key order.
    std::vector<int>& codes = docs_scratch_;  // partition codes, by partition
    codes.clear();
    members_.clear();  // (partition, claim)
    for (int i : group.claims) {
      if (!std::isfinite(ctx_.Value(i))) continue;
      const int code = ctx_.PartitionCode(i);
      size_t k = 0;
      while (k < codes.size() && codes[k] != code) ++k;
      if (k == codes.size()) {
        codes.push_back(code);
        raw_parts_.push_back(RawPartition{ctx_.PartitionKey(code),
                                          ctx_.PartitionMeasure(code), code, 0,
                                          0, 0, 0});
      }
      members_.emplace_back(k, static_cast<size_t>(i));
    }
    // Partition keys are unique (one per code).
    std::vector<size_t>& order = part_order_;
    order.resize(raw_parts_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return raw_parts_[a].key < raw_parts_[b].key;
    });
    std::vector<RawPartition>& sorted = sorted_parts_;
    sorted.clear();
    for (size_t k : order) {
      RawPartition p = raw_parts_[k];
      p.claims_begin = part_claims_.size();
      for (const auto& [part, claim] : members_) {
        if (part == k) part_claims_.push_back(static_cast<int>(claim));
      }
      p.claims_end = part_claims_.size();
      sorted.push_back(p);
    }
    raw_parts_.swap(sorted);
    for (RawPartition& p : raw_parts_) BuildScopes(&p, /*status=*/false);
  }
  // Spans, now that the buffers are complete.
  clusters_.resize(raw_clusters_.size());
  for (size_t k = 0; k < raw_clusters_.size(); ++k) {
    const RawCluster& r = raw_clusters_[k];
    ValueCluster& c = clusters_[k];
    c.claims = absl::MakeConstSpan(cluster_claims_)
                   .subspan(r.claims_begin, r.claims_end - r.claims_begin);
    c.docs = absl::MakeConstSpan(cluster_docs_)
                 .subspan(r.docs_begin, r.docs_end - r.docs_begin);
    c.value = r.value;
    c.lo = r.lo;
    c.hi = r.hi;
    c.label = r.label;
  }
  scopes_.resize(raw_scopes_.size());
  for (size_t k = 0; k < raw_scopes_.size(); ++k) {
    const RawScope& r = raw_scopes_[k];
    ScopeBucket& s = scopes_[k];
    s.known = r.known;
    s.span_class = r.span_class;
    s.begin = r.begin;
    s.end = r.end;
    s.clusters = absl::MakeConstSpan(clusters_).subspan(
        r.clusters_begin, r.clusters_end - r.clusters_begin);
  }
  parts_.resize(raw_parts_.size());
  for (size_t k = 0; k < raw_parts_.size(); ++k) {
    const RawPartition& r = raw_parts_[k];
    Partition& p = parts_[k];
    p.key = r.key;
    p.measure = r.measure;
    p.claims = absl::MakeConstSpan(part_claims_)
                   .subspan(r.claims_begin, r.claims_end - r.claims_begin);
    p.scopes = absl::MakeConstSpan(scopes_).subspan(
        r.scopes_begin, r.scopes_end - r.scopes_begin);
  }
  view_.group = &group;
  view_.partitions = absl::MakeConstSpan(parts_);
  return view_;
}

void GroupAnalysis::AddCluster(absl::Span<const int> members, double value,
                               double lo, double hi, const Symbol& label) {
  RawCluster c;
  c.claims_begin = cluster_claims_.size();
  cluster_claims_.insert(cluster_claims_.end(), members.begin(), members.end());
  c.claims_end = cluster_claims_.size();
  c.docs_begin = cluster_docs_.size();
  for (int i : members) cluster_docs_.push_back(ctx_.DocOf(i));
  std::sort(cluster_docs_.begin() + c.docs_begin, cluster_docs_.end());
  cluster_docs_.erase(
      std::unique(cluster_docs_.begin() + c.docs_begin, cluster_docs_.end()),
      cluster_docs_.end());
  c.docs_end = cluster_docs_.size();
  c.value = value;
  c.lo = lo;
  c.hi = hi;
  c.label = label;
  raw_clusters_.push_back(c);
}

void GroupAnalysis::BuildScopes(RawPartition* p, bool status) {
  known_.clear();
  unknown_.clear();
  p->scopes_begin = raw_scopes_.size();
  for (size_t k = p->claims_begin; k < p->claims_end; ++k) {
    const int i = part_claims_[k];
    Scoped s{0, 0, i, ctx_.SpanClass(i)};
    if (ctx_.ScopeDays(i, &s.begin, &s.end)) {
      known_.push_back(s);
    } else {
      unknown_.push_back(i);
    }
  }
  std::sort(known_.begin(), known_.end(), [](const Scoped& a, const Scoped& b) {
    if (a.span_class != b.span_class) {
      return a.span_class < b.span_class;
    }
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.claim < b.claim;
  });
  // Anchored sweep: a claim joins the current bucket when its scope overlaps
  // the bucket's first scope, so buckets do not drift through chains.
  // members_ holds each bucket's range in known_.
  // A claim "as of writing" (scoped by its document's date, widened by
  // present_scope_days) and one stated for a day other than that date hold
  // at distinct times ("remains suspended" on the 10th vs "resumed on
  // Thursday" the 12th; a value "on Monday" vs one "now" three days later):
  // the later one starts a new bucket, so a change between them is
  // superseded rather than a conflict or a compatible pair.
  const int32_t present = ctx_.config().tolerances.present_scope_days;
  auto distinct_times = [&](const Scoped& a, const Scoped& b) {
    const bool sa = ctx_.ExplicitlyScoped(a.claim);
    if (sa == ctx_.ExplicitlyScoped(b.claim) || a.span_class != 0) {
      return false;
    }
    const Scoped& day = sa ? a : b;
    const Scoped& now = sa ? b : a;
    // Only a claim not in the past tense says how things stand as of
    // writing ("has not yet applied", "is now", a plan); an undated past
    // one ("waves were running when it listed") may be about the very day
    // the other states.
    if (ctx_.claim(now.claim).modality == Modality::kPast) return false;
    return now.end - present < day.begin || now.begin + present > day.end;
  };
  members_.clear();
  for (size_t i = 0; i < known_.size();) {
    const int span_class = known_[i].span_class;
    const int32_t anchor_end = known_[i].end;
    int32_t end = known_[i].end;
    size_t j = i;
    while (j < known_.size() && known_[j].span_class == span_class &&
           known_[j].begin <= anchor_end &&
           !distinct_times(known_[i], known_[j])) {
      end = std::max(end, known_[j].end);
      ++j;
    }
    raw_scopes_.push_back(
        RawScope{true, span_class, known_[i].begin, end, 0, 0});
    members_.emplace_back(i, j);
    i = j;
  }
  size_t largest = 0;
  if (!unknown_.empty()) {
    if (members_.empty()) {
      raw_scopes_.push_back(RawScope{false, 0, 0, 0, 0, 0});
      members_.emplace_back(0, 0);
    }
    for (size_t k = 1; k < members_.size(); ++k) {
      if (members_[k].second - members_[k].first >
          members_[largest].second - members_[largest].first) {
        largest = k;
      }
    }
  }
  for (size_t k = 0; k < members_.size(); ++k) {
    std::vector<int>& m = member_claims_;
    m.clear();
    for (size_t x = members_[k].first; x < members_[k].second; ++x) {
      m.push_back(known_[x].claim);
    }
    if (!unknown_.empty() && k == largest) {
      m.insert(m.end(), unknown_.begin(), unknown_.end());
    }
    RawScope& scope = raw_scopes_[p->scopes_begin + k];
    scope.clusters_begin = raw_clusters_.size();
    if (status) {
      // By (label, index), labels read once: interned, so equal labels
      // share one string.
      by_label_.clear();
      for (int i : m) {
        by_label_.emplace_back(&ctx_.claim(i).mention.label.str(), i);
      }
      std::sort(by_label_.begin(), by_label_.end(),
                [](const std::pair<const std::string*, int>& a,
                   const std::pair<const std::string*, int>& b) {
                  if (a.first != b.first) return *a.first < *b.first;
                  return a.second < b.second;
                });
      for (size_t k = 0; k < m.size(); ++k) m[k] = by_label_[k].second;
      for (size_t i = 0; i < m.size();) {
        size_t j = i;
        while (j < m.size() && by_label_[j].first == by_label_[i].first) ++j;
        AddCluster(absl::MakeConstSpan(m).subspan(i, j - i), 0, 0, 0,
                   ctx_.claim(m[i]).mention.label);
        i = j;
      }
    } else {
      // By (value, index), values read once: partitions hold finite
      // values only, so pairs order like the values.
      by_value_.clear();
      for (int i : m) by_value_.emplace_back(ctx_.Value(i), i);
      std::sort(by_value_.begin(), by_value_.end());
      for (size_t k = 0; k < m.size(); ++k) m[k] = by_value_[k].second;
      for (size_t i = 0; i < m.size();) {
        const int anchor = m[i];
        double lo = ctx_.Low(anchor), hi = ctx_.High(anchor);
        size_t j = i;
        while (j < m.size() && (j == i || ctx_.Agree(anchor, m[j]))) {
          lo = std::min(lo, ctx_.Low(m[j]));
          hi = std::max(hi, ctx_.High(m[j]));
          ++j;
        }
        AddCluster(absl::MakeConstSpan(m).subspan(i, j - i), ctx_.Value(anchor),
                   lo, hi, Symbol());
        i = j;
      }
    }
    // raw_scopes_ may not grow here: `scope` stays valid.
    scope.clusters_end = raw_clusters_.size();
  }
  p->scopes_end = raw_scopes_.size();
}

}  // namespace crosscheck::judge
