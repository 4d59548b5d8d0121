#include "tests/e2e/expectations.h"

#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace crosscheck::testing {

using nlohmann::json;

namespace {

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

bool ContainsCi(const std::string& hay, const std::string& needle) {
  return absl::StrContains(absl::AsciiStrToLower(hay),
                           absl::AsciiStrToLower(needle));
}

std::string Describe(const json& e) {
  return absl::StrCat(Str(e, "kind"),
                      " docs=", e.value("docs", json::array()).dump(),
                      " subject=", Str(e, "subject"),
                      " quotes=", e.value("quotes", json::array()).dump());
}

// A claim's field by trying the places the report may keep it.
const json* Field(const json& claim, std::initializer_list<const char*> path) {
  const json* cur = &claim;
  for (const char* k : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(k);
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::string ClaimString(const json& c, const char* name) {
  static const std::map<std::string, std::vector<std::vector<const char*>>>
      kPaths = {
          {"kind", {{"kind"}, {"mention", "kind"}}},
          {"measure", {{"measure"}}},
          {"modality", {{"modality"}}},
          {"quote", {{"quote"}}},
          {"sentence", {{"sentence"}}},
          {"doc", {{"doc_id"}}},
          {"date", {{"mention", "date", "iso"}, {"date", "iso"}}},
          {"scope", {{"scope", "period", "iso"}, {"scope", "iso"}}},
          {"subject", {{"subject", "head"}}},
          {"subject_text", {{"subject", "text"}}},
      };
  for (const auto& p : kPaths.at(name)) {
    const json* f = nullptr;
    if (p.size() == 1) f = Field(c, {p[0]});
    if (p.size() == 2) f = Field(c, {p[0], p[1]});
    if (p.size() == 3) f = Field(c, {p[0], p[1], p[2]});
    if (f && f->is_string()) return f->get<std::string>();
  }
  return "";
}

std::optional<double> ClaimValue(const json& c) {
  for (const json* f : {Field(c, {"mention", "amount", "value"}),
                        Field(c, {"amount", "value"}), Field(c, {"value"})}) {
    if (f && f->is_number()) return f->get<double>();
  }
  return std::nullopt;
}

bool ClaimMatches(const json& c, const json& e, std::string* why) {
  if (ClaimString(c, "doc") != Str(e, "doc")) return false;
  if (!ContainsCi(ClaimString(c, "quote"), Str(e, "quote")) &&
      !ContainsCi(Str(e, "quote"), ClaimString(c, "quote"))) {
    return false;
  }
  for (const char* k : {"kind", "measure", "modality"}) {
    std::string want = Str(e, k);
    if (!want.empty() && ClaimString(c, k) != want) {
      *why =
          absl::StrCat(k, " is '", ClaimString(c, k), "', want '", want, "'");
      return false;
    }
  }
  if (std::string want = Str(e, "date"); !want.empty()) {
    if (ClaimString(c, "date") != want) {
      *why = absl::StrCat("date is '", ClaimString(c, "date"), "', want '",
                          want, "'");
      return false;
    }
  }
  if (std::string want = Str(e, "scope"); !want.empty()) {
    if (!absl::StartsWith(ClaimString(c, "scope"), want)) {
      *why = absl::StrCat("scope is '", ClaimString(c, "scope"), "', want '",
                          want, "'");
      return false;
    }
  }
  if (std::string want = Str(e, "subject"); !want.empty()) {
    if (!ContainsCi(ClaimString(c, "subject"), want) &&
        !ContainsCi(ClaimString(c, "subject_text"), want)) {
      *why = absl::StrCat("subject is '", ClaimString(c, "subject_text"),
                          "', want '", want, "'");
      return false;
    }
  }
  if (auto it = e.find("value"); it != e.end() && it->is_number()) {
    auto v = ClaimValue(c);
    double want = it->get<double>();
    if (!v || std::fabs(*v - want) > 1e-6 * std::max(1.0, std::fabs(want))) {
      *why = absl::StrCat("value is ", v ? absl::StrCat(*v) : "none", ", want ",
                          want);
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsAlarmKind(const std::string& kind) {
  return kind == "conflict" || kind == "event-date-conflict" ||
         kind == "status-conflict" || kind == "anachronism";
}

namespace {

// True when `item` occurs in the sentence of evidence `ev` at a place that
// overlaps its quote: a must-not item names the words that must not be
// flagged, and a finding flags only its quotes, not the rest of the
// sentence they sit in.
bool EvidenceFlags(const json& ev, const std::string& needle) {
  const std::string sentence = absl::AsciiStrToLower(Str(ev, "sentence"));
  const std::string quote = absl::AsciiStrToLower(Str(ev, "quote"));
  if (!quote.empty() && absl::StrContains(quote, needle)) return true;
  const size_t q = quote.empty() ? std::string::npos : sentence.find(quote);
  if (q == std::string::npos) return false;
  for (size_t p = sentence.find(needle); p != std::string::npos;
       p = sentence.find(needle, p + 1)) {
    if (p < q + quote.size() && q < p + needle.size()) return true;
  }
  return false;
}

// The values (as JSON text) of the evidence entries that flag `item`.
std::set<std::string> FlaggedValues(const json& f, const std::string& item) {
  const std::string needle = absl::AsciiStrToLower(item);
  std::set<std::string> values;
  for (const auto& ev : f.value("evidence", json::array())) {
    if (EvidenceFlags(ev, needle))
      values.insert(ev.value("value", json()).dump());
  }
  return values;
}

}  // namespace

bool FindingFlags(const json& f, const json& e) {
  if (!FindingMatches(f, e)) return false;
  std::set<std::string> values;
  int quotes = 0;
  for (const auto& q : e.value("quotes", json::array())) {
    if (!q.is_string()) continue;
    std::set<std::string> v = FlaggedValues(f, q.get<std::string>());
    if (v.empty()) return false;
    values.insert(v.begin(), v.end());
    ++quotes;
  }
  // Two quotes that a conflict finding cites on the same side (one value)
  // are not set against each other: "planned for Wednesday" and "began
  // yesterday" both support the side the other source contradicts.
  if (quotes >= 2 && values.size() == 1 && IsAlarmKind(Str(f, "kind")) &&
      Str(f, "kind") != "anachronism") {
    return false;
  }
  return true;
}

bool FindingMatches(const json& f, const json& e) {
  if (Str(f, "kind") != Str(e, "kind")) return false;
  std::set<std::string> docs;
  std::string texts;
  for (const auto& ev : f.value("evidence", json::array())) {
    docs.insert(Str(ev, "doc_id"));
    absl::StrAppend(&texts, Str(ev, "quote"), "\n", Str(ev, "sentence"), "\n");
  }
  for (const auto& d : e.value("docs", json::array())) {
    if (!d.is_string() || !docs.count(d.get<std::string>())) return false;
  }
  std::string subject = Str(e, "subject");
  if (!subject.empty() && !ContainsCi(Str(f, "subject"), subject) &&
      !ContainsCi(Str(f, "message"), subject)) {
    return false;
  }
  for (const auto& q : e.value("quotes", json::array())) {
    if (q.is_string() && !ContainsCi(texts, q.get<std::string>())) return false;
  }
  return true;
}

Score ScoreReport(const json& report, const json& expected) {
  Score s;
  const json findings = report.value("findings", json::array());
  const json expect = expected.value("findings", json::array());
  const json must_not = expected.value("must_not", json::array());
  for (const auto& e : expect) {
    KindScore& k = s.kinds[Str(e, "kind")];
    ++k.expected;
    bool found = false;
    for (const auto& f : findings) found |= FindingMatches(f, e);
    if (found) {
      ++k.found;
    } else if (!Str(e, "pending").empty()) {
      ++k.pending;
      s.failures.push_back("pending (known gap: " + Str(e, "pending") +
                           "): " + Describe(e));
    } else {
      s.failures.push_back("missing finding: " + Describe(e));
    }
  }
  for (const auto& f : findings) {
    std::string kind = Str(f, "kind");
    KindScore& k = s.kinds[kind];
    ++k.reported;
    bool forbidden = false;
    for (const auto& e : must_not) forbidden |= FindingFlags(f, e);
    bool expected_one = false;
    for (const auto& e : expect) expected_one |= FindingMatches(f, e);
    if (forbidden || (IsAlarmKind(kind) && !expected_one)) {
      ++k.false_reported;
      s.failures.push_back(absl::StrCat(forbidden ? "forbidden" : "unexpected",
                                        " finding: ", Str(f, "kind"), ": ",
                                        Str(f, "message")));
    }
  }
  // Segments.
  std::vector<std::pair<std::string, bool>> segments;
  for (const auto& d : report.value("documents", json::array())) {
    for (const auto& seg : d.value("segments", json::array())) {
      segments.emplace_back(Str(seg, "text"), seg.value("boilerplate", false));
    }
  }
  auto check_segments = [&](const char* key, bool want) {
    for (const auto& sub : expected.value(key, json::array())) {
      if (!sub.is_string()) continue;
      ++s.segments_expected;
      int seen = 0;
      bool right = true;
      for (const auto& [text, bp] : segments) {
        if (!ContainsCi(text, sub.get<std::string>())) continue;
        ++seen;
        right &= (bp == want);
      }
      if (seen && right) {
        ++s.segments_right;
      } else {
        s.failures.push_back(absl::StrCat(
            key, ": '", sub.get<std::string>(), "' ",
            seen ? (want ? "not marked boilerplate" : "marked boilerplate")
                 : "not found in any segment"));
      }
    }
  };
  check_segments("boilerplate", true);
  check_segments("body", false);
  // Claims.
  const json claims = report.value("claims", json::array());
  for (const auto& e : expected.value("claims", json::array())) {
    ++s.claims_expected;
    std::string why;
    bool found = false;
    for (const auto& c : claims) {
      std::string w;
      if (ClaimMatches(c, e, &w)) {
        found = true;
        break;
      }
      if (why.empty() && !w.empty()) why = w;
    }
    if (found) {
      ++s.claims_found;
    } else {
      s.failures.push_back(
          absl::StrCat("missing claim: ", e.dump(),
                       why.empty() ? "" : " (closest: " + why + ")"));
    }
  }
  // Documents.
  if (auto docs = expected.find("documents");
      docs != expected.end() && docs->is_object()) {
    for (const auto& [id, want] : docs->items()) {
      ++s.documents_expected;
      const json* got = nullptr;
      static const json kNone = json::array();
      auto docs_it = report.find("documents");
      for (const auto& d : docs_it == report.end() ? kNone : *docs_it) {
        if (Str(d, "id") == id) got = &d;
      }
      if (!got) {
        s.failures.push_back("missing document: " + id);
        continue;
      }
      bool ok = true;
      if (auto r = want.find("reference_date");
          r != want.end() && r->is_string()) {
        std::string date;
        if (auto rd = got->find("reference_date"); rd != got->end()) {
          date = rd->is_object() ? Str(*rd, "date") : "";
        }
        if (date != r->get<std::string>()) {
          ok = false;
          s.failures.push_back(
              absl::StrCat("document ", id, ": reference date '", date,
                           "', want '", r->get<std::string>(), "'"));
        }
      }
      if (auto a = want.find("ai_generated");
          a != want.end() && a->is_boolean()) {
        if (got->value("ai_generated", false) != a->get<bool>()) {
          ok = false;
          s.failures.push_back(absl::StrCat(
              "document ", id, ": ai_generated != ", a->get<bool>()));
        }
      }
      if (ok) ++s.documents_right;
    }
  }
  return s;
}

void Accumulate(Score* a, const Score& b) {
  for (const auto& [kind, k] : b.kinds) {
    KindScore& t = a->kinds[kind];
    t.expected += k.expected;
    t.pending += k.pending;
    t.found += k.found;
    t.reported += k.reported;
    t.false_reported += k.false_reported;
  }
  a->failures.insert(a->failures.end(), b.failures.begin(), b.failures.end());
  a->claims_expected += b.claims_expected;
  a->claims_found += b.claims_found;
  a->segments_expected += b.segments_expected;
  a->segments_right += b.segments_right;
  a->documents_expected += b.documents_expected;
  a->documents_right += b.documents_right;
}

std::string FormatScore(const Score& s) {
  std::string out =
      absl::StrFormat("%-22s %8s %6s %7s %9s %6s %9s\n", "kind", "expected",
                      "found", "recall", "reported", "false", "precision");
  for (const auto& [kind, k] : s.kinds) {
    absl::StrAppendFormat(&out, "%-22s %8d %6d %7.2f %9d %6d %9.2f\n", kind,
                          k.expected, k.found, k.Recall(), k.reported,
                          k.false_reported, k.Precision());
  }
  absl::StrAppendFormat(&out, "claims %d/%d, segments %d/%d, documents %d/%d\n",
                        s.claims_found, s.claims_expected, s.segments_right,
                        s.segments_expected, s.documents_right,
                        s.documents_expected);
  return out;
}

}  // namespace crosscheck::testing
