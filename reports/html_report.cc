// The HTML report: one self-contained page (inline CSS and JS, no network).
//
// Everything that comes from articles or metadata is untrusted and goes
// through Text() / Attr() (entity-escaped, invalid UTF-8 replaced); URLs
// become links only for http(s). The page's one script is a static asset
// (reports/assets/report.js) with no data in it: findings carry data-*
// attributes instead, so no article text is ever inside <script>. A
// Content-Security-Policy allows exactly that script and stylesheet by hash.
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "reports/report.h"
#include "reports/report_util.h"
#include "reports/sha256.h"

namespace crosscheck::reports {
namespace {

#include "reports/assets.inc"

// Appends `s` HTML-escaped (safe in text and in quoted attributes), with
// invalid UTF-8 replaced by U+FFFD and control bytes dropped.
void AppendEscaped(absl::string_view s, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      switch (c) {
        case '&':
          out->append("&amp;");
          break;
        case '<':
          out->append("&lt;");
          break;
        case '>':
          out->append("&gt;");
          break;
        case '"':
          out->append("&quot;");
          break;
        case '\'':
          out->append("&#39;");
          break;
        case '\n':
        case '\t':
          out->push_back(static_cast<char>(c));
          break;
        default:
          if (c >= 0x20 && c != 0x7f) out->push_back(static_cast<char>(c));
          break;
      }
      ++i;
      continue;
    }
    // Validate one UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF).
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char b = p[i + k];
      unsigned char bl = k == 1 ? lo : 0x80, bh = k == 1 ? hi : 0xBF;
      ok = b >= bl && b <= bh;
    }
    if (!ok) {
      out->append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    // U+2028/2029 are fine in HTML text; copy the sequence.
    out->append(s.data() + i, len);
    i += len;
  }
}

std::string Text(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendEscaped(s, &out);
  return out;
}

// Attribute values are always double-quoted and escaped like text.
std::string Attr(absl::string_view s) { return Text(s); }

// A file path as text that may wrap after each '/' (and only there) in a
// narrow table column.
std::string PathText(absl::string_view s) {
  return absl::StrReplaceAll(Text(s), {{"/", "/<wbr>"}});
}

// A token safe in ids, hrefs and space-separated attribute lists: ASCII
// alphanumerics, '-' and '_' pass; other bytes become _XX (hex), so distinct
// inputs stay distinct.
std::string Token(absl::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || u == '-') {
      out += c;
    } else {
      out += '_';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out.empty() ? "_" : out;
}

// A link for http(s) URLs only; anything else (javascript:, data:, relative)
// is shown as text.
std::string Link(absl::string_view url, absl::string_view label) {
  absl::string_view u = absl::StripAsciiWhitespace(url);
  bool web = absl::StartsWithIgnoreCase(u, "http://") ||
             absl::StartsWithIgnoreCase(u, "https://");
  bool clean = true;
  for (char c : u) {
    if (static_cast<unsigned char>(c) <= 0x20) clean = false;
  }
  if (!web || !clean) {
    if (label.empty()) return Text(url);
    return absl::StrCat(Text(label), " <span class=\"path\">", Text(url),
                        "</span>");
  }
  return absl::StrCat("<a href=\"", Attr(u), "\" rel=\"noopener noreferrer\">",
                      Text(label.empty() ? u : label), "</a>");
}

std::string Base64Sha256(absl::string_view s) {
  return absl::Base64Escape(Sha256(s));
}

// Matrix cell classes, most important first.
enum class CellClass {
  kConflict = 0,
  kSuperseded = 1,
  kOther = 2,
  kAgreement = 3
};

CellClass ClassOf(absl::string_view kind) {
  if (absl::StrContains(kind, "conflict")) return CellClass::kConflict;
  if (kind == "superseded") return CellClass::kSuperseded;
  if (kind == "agreement") return CellClass::kAgreement;
  return CellClass::kOther;
}

absl::string_view ClassName(CellClass c) {
  switch (c) {
    case CellClass::kConflict:
      return "conflict";
    case CellClass::kSuperseded:
      return "superseded";
    case CellClass::kAgreement:
      return "agreement";
    case CellClass::kOther:
      return "other";
  }
  return "other";
}

// The text marker that carries the meaning without color.
absl::string_view Marker(CellClass c) {
  switch (c) {
    case CellClass::kConflict:
      return "\xE2\x9C\x97 conflict";  // ✗
    case CellClass::kSuperseded:
      return "\xE2\x86\xBB superseded";  // ↻
    case CellClass::kAgreement:
      return "\xE2\x9C\x93 agrees";  // ✓
    case CellClass::kOther:
      return "\xE2\x80\xA2 other";  // •
  }
  return "";
}

// Kinds about documents rather than values: not in the claim matrix.
bool InMatrix(const Finding& f) {
  return !f.subject.empty() && !f.evidence.empty() &&
         f.kind != "ai-generated" && f.kind != "duplicate";
}

// `sentence` with the first occurrence of `quote` wrapped in <mark>; when
// the quote is not in the sentence (normalization differs), both are shown.
std::string Highlight(absl::string_view sentence, absl::string_view quote) {
  if (quote.empty()) return Text(sentence);
  size_t at = sentence.empty() ? absl::string_view::npos : sentence.find(quote);
  if (at == absl::string_view::npos) {
    if (sentence.empty()) return absl::StrCat("<mark>", Text(quote), "</mark>");
    return absl::StrCat(Text(sentence), " <span class=\"muted\">(", "<mark>",
                        Text(quote), "</mark>)</span>");
  }
  return absl::StrCat(Text(sentence.substr(0, at)), "<mark>", Text(quote),
                      "</mark>", Text(sentence.substr(at + quote.size())));
}

struct Page {
  const CheckResult& result;
  const RenderOptions& options;
  // Anchor id per finding, back to back in one buffer: finding i's id is
  // ids[id_end[i-1], id_end[i]). A million findings then hold ~26 bytes of
  // id each rather than a string in a vector plus one in a set.
  std::string ids;
  std::vector<uint64_t> id_end;
  std::vector<std::string> doc_tokens;                 // token per document
  absl::flat_hash_map<std::string, size_t> doc_index;  // doc id -> index
  ReportSink* sink;
  std::string& out;  // the sink's buffer

  // Out of range only when a store failed to read back between passes
  // (the report is then dropped).
  absl::string_view DocToken(size_t i) const {
    return i < doc_tokens.size() ? absl::string_view(doc_tokens[i]) : "";
  }

  absl::string_view FindingId(size_t i) const {
    uint64_t begin = i == 0 ? 0 : id_end[i - 1];
    return absl::string_view(ids).substr(begin, id_end[i] - begin);
  }
};

// The set of ids assigned so far, as finding indices into Page::ids, looked
// up by text (transparent hash and equality).
struct IdHash {
  using is_transparent = void;
  const Page* page;
  size_t operator()(absl::string_view s) const {
    return absl::Hash<absl::string_view>()(s);
  }
  size_t operator()(size_t i) const { return (*this)(page->FindingId(i)); }
};
struct IdEq {
  using is_transparent = void;
  const Page* page;
  absl::string_view View(absl::string_view s) const { return s; }
  absl::string_view View(size_t i) const { return page->FindingId(i); }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return View(a) == View(b);
  }
};

void AssignIds(Page& page) {
  absl::flat_hash_set<size_t, IdHash, IdEq> used(0, IdHash{&page}, IdEq{&page});
  page.id_end.reserve(FindingCount(page.result));
  size_t i = 0;
  ForEachFinding(page.result, [&](const Finding& f) {
    std::string base =
        f.fingerprint.empty() ? absl::StrCat("n", i) : Token(f.fingerprint);
    std::string id = absl::StrCat("f-", base);
    for (int k = 2; used.contains(absl::string_view(id)); ++k) {
      id = absl::StrCat("f-", base, "-", k);
    }
    page.ids += id;
    page.id_end.push_back(page.ids.size());
    used.insert(i);
    ++i;
  });
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    page.doc_index.emplace(d.doc.id, page.doc_tokens.size());
    page.doc_tokens.push_back(Token(d.doc.id));
  });
}

std::string DocLabel(const DocumentResult& d) {
  if (!d.info.source.empty()) return d.info.source;
  if (!d.doc.source.empty()) return d.doc.source;
  return d.doc.id;
}

void Header(Page& page, const Summary& s) {
  std::string& o = page.out;
  auto sev = [](const std::array<size_t, 3>& a, Severity v) {
    return a[static_cast<size_t>(v)];
  };
  absl::StrAppend(&o, "<header>\n<h1>crosscheck report</h1>\n<p class=\"sub\">",
                  s.documents, " documents, ", s.claims, " claims, ",
                  s.findings, " findings. crosscheck ",
                  Text(ToolVersion(page.result, page.options)));
  if (!page.result.inputs.empty()) {
    o += ". Inputs: ";
    for (size_t i = 0; i < page.result.inputs.size(); ++i) {
      absl::StrAppend(&o, i ? ", " : "", "<span class=\"path\">",
                      Text(page.result.inputs[i]), "</span>");
    }
  }
  o += ".</p>\n<div class=\"cards\">\n";
  for (Severity v : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    absl::StrAppend(
        &o, "<div class=\"card ", SeverityName(v), "\"><span class=\"n\">",
        sev(s.active_by_severity, v), "</span><span class=\"l\">",
        SeverityName(v),
        sev(s.by_severity, v) != sev(s.active_by_severity, v)
            ? absl::StrCat(" (+",
                           sev(s.by_severity, v) - sev(s.active_by_severity, v),
                           " suppressed)")
            : "",
        "</span></div>\n");
  }
  absl::StrAppend(&o, "<div class=\"card\"><span class=\"n\">", s.diagnostics,
                  "</span><span class=\"l\">input problems</span></div>\n",
                  "<div class=\"card\"><span class=\"n\">", s.ai_flagged,
                  "</span><span class=\"l\">AI-flagged documents</span></div>\n"
                  "</div>\n");
  if (!s.by_kind.empty()) {
    o += "<table class=\"kinds\"><thead><tr><th>kind</th><th>findings</th>"
         "<th>meaning</th></tr></thead><tbody>\n";
    for (const auto& [kind, n] : s.by_kind) {
      absl::StrAppend(&o, "<tr><td>", Text(kind), "</td><td class=\"num\">", n,
                      "</td><td>", Text(KindDescription(kind)), "</td></tr>\n");
    }
    o += "</tbody></table>\n";
  }
  o += "</header>\n";
}

void Sources(Page& page) {
  std::string& o = page.out;
  std::map<std::string, int> syndication;
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    if (!d.info.syndication_key.empty()) ++syndication[d.info.syndication_key];
  });
  o += "<section id=\"sources\"><h2>Sources</h2>\n<div class=\"scroll\">"
       "<table><thead><tr><th>source</th><th>title</th><th>file</th>"
       "<th>reference date</th><th>how it is known</th><th>flags</th>"
       "</tr></thead><tbody>\n";
  size_t i = 0;
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    const ReferenceDate& r = d.info.reference_date;
    std::string date = r.day ? absl::FormatCivilTime(*r.day) : "unknown";
    if (r.latest && (!r.day || *r.latest != *r.day)) {
      absl::StrAppend(&date, " \xE2\x80\x93 ",
                      absl::FormatCivilTime(*r.latest));
    }
    const std::string& title =
        d.info.title.empty() ? d.doc.title : d.info.title;
    absl::StrAppend(&o, "<tr><td><a href=\"#d-", page.DocToken(i++), "\">",
                    Text(DocLabel(d)), "</a></td><td>",
                    d.doc.url.empty() ? Text(title) : Link(d.doc.url, title),
                    "</td><td class=\"path\">",
                    PathText(LocationText(d.doc.path, d.doc.record_line, 0)),
                    "</td><td class=\"date\">", Text(date), "</td><td>",
                    Text(r.provenance.empty() ? "-" : r.provenance));
    if (r.confidence > 0) {
      absl::StrAppend(&o, " <span class=\"muted\">(",
                      static_cast<int>(r.confidence * 100 + 0.5), "%)</span>");
    }
    if (!r.evidence.empty()) {
      absl::StrAppend(&o, "<br><span class=\"muted\">\xE2\x80\x9C",
                      Text(r.evidence), "\xE2\x80\x9D</span>");
    }
    o += "</td><td>";
    if (d.info.ai_generated) {
      absl::StrAppend(&o, "<span class=\"badge ai\" title=\"",
                      Attr(d.info.ai_evidence), "\">AI-generated</span>");
    }
    if (!d.info.syndication_key.empty() &&
        syndication[d.info.syndication_key] > 1) {
      absl::StrAppend(&o, "<span class=\"badge syndicated\" title=\"group ",
                      Attr(d.info.syndication_key), "\">syndicated</span>");
    }
    o += "</td></tr>\n";
    page.sink->Flush();
  });
  o += "</tbody></table></div></section>\n";
}

// A matrix cell names its finding by index and its quote by a range of a
// batch's quote buffer: cells hold no string of their own.
struct Cell {
  CellClass cls;
  uint32_t quote_size;
  uint64_t quote_begin;
  size_t finding;
  Symbol value;
};

// Rows are rendered in batches of subjects whose cells (quotes included)
// take about this many bytes, each batch built by one pass over the
// findings: a spilled result's matrix then never sits in memory whole.
// An in-memory result is one batch (its quotes are in memory already).
constexpr uint64_t kMatrixBatchBytes = uint64_t{32} << 20;

// Fixed bytes a cell costs besides its quote (the cell, its share of the
// row maps), for batching.
constexpr uint64_t kCellOverhead = 64;

void Matrix(Page& page) {
  // Pass 1: the matrix's subjects (sorted: deterministic) and the bytes
  // their cells take at most, to cut the rows into batches.
  std::map<std::string, uint64_t> row_bytes;
  ForEachFinding(page.result, [&](const Finding& f) {
    if (!InMatrix(f)) return;
    uint64_t& bytes = row_bytes[f.subject];
    for (const Evidence& e : f.evidence) {
      if (page.doc_index.contains(e.doc_id)) {
        bytes += e.quote.size() + kCellOverhead;
      }
    }
  });
  std::string& o = page.out;
  o += "<section id=\"matrix\"><h2>Claim matrix</h2>\n";
  if (row_bytes.empty()) {
    o += "<p class=\"muted\">No claims were compared across sources.</p>"
         "</section>\n";
    return;
  }
  o += "<p class=\"sub\">Each row is a subject or event; each column a "
       "source. A cell shows the value that source gives, its quote, and how "
       "it compares; click it for the finding.</p>\n<div class=\"legend\">";
  for (CellClass c : {CellClass::kConflict, CellClass::kAgreement,
                      CellClass::kSuperseded, CellClass::kOther}) {
    absl::StrAppend(&o, "<span class=\"cell ", ClassName(c),
                    "\"><span class=\"m\">", Marker(c), "</span></span>");
  }
  o += "</div>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr>"
       "<th>subject</th>";
  const size_t num_docs = page.doc_tokens.size();
  size_t column = 0;
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    absl::StrAppend(&o, "<th><a href=\"#d-", page.DocToken(column++), "\">",
                    Text(DocLabel(d)), "</a></th>");
  });
  o += "</tr></thead><tbody>\n";

  uint64_t batch_limit = page.options.matrix_batch_bytes;
  if (batch_limit == 0) {
    batch_limit = page.result.store ? kMatrixBatchBytes : UINT64_MAX;
  }
  auto next = row_bytes.begin();
  while (next != row_bytes.end()) {
    // The batch: subjects [lo, hi], at least one.
    auto first = next;
    uint64_t bytes = next->second;
    ++next;
    while (next != row_bytes.end() && bytes + next->second <= batch_limit) {
      bytes += next->second;
      ++next;
    }
    const std::string& lo = first->first;
    const std::string& hi = std::prev(next)->first;
    std::string quotes;
    auto quote_of = [&quotes](const Cell& c) {
      return absl::string_view(quotes).substr(c.quote_begin, c.quote_size);
    };
    // subject -> document index -> cells. Ordered maps: deterministic.
    std::map<std::string, std::map<size_t, std::vector<Cell>>> rows;
    size_t i = 0;
    ForEachFinding(page.result, [&](const Finding& f) {
      const size_t index = i++;
      if (!InMatrix(f) || f.subject < lo || f.subject > hi) return;
      auto& row = rows[f.subject];
      const CellClass cls = ClassOf(f.kind);
      for (const Evidence& e : f.evidence) {
        auto it = page.doc_index.find(e.doc_id);
        if (it == page.doc_index.end()) continue;
        auto& cells = row[it->second];
        bool merged = false;
        for (Cell& old : cells) {
          if (old.value == e.value && quote_of(old) == e.quote) {
            // Keep the most important finding.
            if (cls < old.cls) {
              old.cls = cls;
              old.finding = index;
            }
            merged = true;
          }
        }
        if (!merged) {
          cells.push_back(Cell{cls, static_cast<uint32_t>(e.quote.size()),
                               quotes.size(), index, e.value});
          quotes += e.quote;
        }
      }
    });
    for (const auto& [subject, row] : rows) {
      absl::StrAppend(&o, "<tr><th scope=\"row\">", Text(subject), "</th>");
      for (size_t d = 0; d < num_docs; ++d) {
        o += "<td>";
        auto it = row.find(d);
        if (it != row.end()) {
          for (const Cell& c : it->second) {
            absl::StrAppend(&o, "<a class=\"cell ", ClassName(c.cls),
                            "\" href=\"#", page.FindingId(c.finding),
                            "\"><span class=\"m\">", Marker(c.cls),
                            "</span><span class=\"v\">", Text(c.value.str()),
                            "</span><span class=\"q\">\xE2\x80\x9C",
                            Text(quote_of(c)), "\xE2\x80\x9D</span></a>");
          }
        }
        o += "</td>";
      }
      o += "</tr>\n";
      page.sink->Flush();
    }
  }
  o += "</tbody></table></div></section>\n";
}

void Filters(Page& page, const Summary& s) {
  std::string& o = page.out;
  o += "<div class=\"filters\" role=\"group\" aria-label=\"filters\">"
       "<fieldset><legend>kind</legend>";
  for (const auto& [kind, n] : s.by_kind) {
    absl::StrAppend(&o,
                    "<label><input type=\"checkbox\" data-filter=\"kind\" "
                    "value=\"",
                    Attr(kind), "\" checked> ", Text(kind), " (", n,
                    ")</label>");
  }
  o += "</fieldset><fieldset><legend>severity</legend>";
  for (Severity v : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    absl::StrAppend(&o,
                    "<label><input type=\"checkbox\" "
                    "data-filter=\"severity\" value=\"",
                    SeverityName(v), "\" checked> ", SeverityName(v),
                    "</label>");
  }
  o += "</fieldset><fieldset><legend>source</legend>"
       "<select id=\"filter-source\"><option value=\"\">all sources</option>";
  size_t i = 0;
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    absl::StrAppend(&o, "<option value=\"", page.DocToken(i++), "\">",
                    Text(DocLabel(d)), " (", Text(d.doc.id), ")</option>");
  });
  o += "</select></fieldset><span id=\"filter-count\" aria-live=\"polite\">"
       "</span></div>\n";
}

void Findings(Page& page, const Summary& s) {
  std::string& o = page.out;
  o += "<section id=\"findings\"><h2>Findings</h2>\n";
  if (FindingCount(page.result) == 0) {
    o += "<p class=\"muted\">No findings.</p></section>\n";
    return;
  }
  Filters(page, s);
  size_t i = 0;
  ForEachFinding(page.result, [&](const Finding& f) {
    std::set<std::string> sources;
    for (const Evidence& e : f.evidence) {
      auto it = page.doc_index.find(e.doc_id);
      sources.insert(it == page.doc_index.end() ? Token(e.doc_id)
                                                : page.doc_tokens[it->second]);
    }
    absl::StrAppend(
        &o, "<article class=\"finding sev-", SeverityName(f.severity),
        f.suppressed ? " is-suppressed" : "", "\" id=\"", page.FindingId(i),
        "\" data-kind=\"", Attr(f.kind), "\" data-severity=\"",
        SeverityName(f.severity), "\" data-sources=\"",
        absl::StrJoin(sources, " "), "\">\n<h3><span class=\"badge ",
        SeverityName(f.severity), "\">", SeverityName(f.severity),
        "</span><span class=\"badge kind\">", Text(f.kind), "</span>");
    if (f.suppressed) {
      absl::StrAppend(&o, "<span class=\"badge suppressed\">suppressed</span>");
    }
    absl::StrAppend(&o, Text(f.subject), " <a class=\"anchor\" href=\"#",
                    page.FindingId(i), "\" title=\"link to this finding\">#",
                    "</a></h3>\n<p class=\"msg\">", Text(f.message), "</p>\n");
    absl::StrAppend(&o, "<p class=\"muted\">", Text(f.rule_id),
                    " \xC2\xB7 "
                    "confidence ",
                    static_cast<int>(f.confidence * 100 + 0.5), "%");
    if (f.suppressed && !f.suppression_reason.empty()) {
      absl::StrAppend(&o, " \xC2\xB7 suppressed: ", Text(f.suppression_reason));
    }
    o += "</p>\n";
    if (!f.evidence.empty()) {
      o += "<ul>\n";
      for (const Evidence& e : f.evidence) {
        auto it = page.doc_index.find(e.doc_id);
        std::string who = Text(e.source.empty() ? e.doc_id : e.source);
        if (it != page.doc_index.end()) {
          who = absl::StrCat("<a href=\"#d-", page.doc_tokens[it->second],
                             "\">", who, "</a>");
        }
        absl::StrAppend(
            &o, "<li><strong>", who, "</strong>",
            e.value.empty() ? "" : absl::StrCat(": ", Text(e.value)),
            e.reference_date.empty()
                ? ""
                : absl::StrCat(" <span class=\"muted\">as of ",
                               Text(e.reference_date), "</span>"),
            " <span class=\"path\">",
            Text(LocationText(e.path, e.position.line, e.position.column)),
            "</span><span class=\"sentence\">", Highlight(e.sentence, e.quote),
            "</span></li>\n");
      }
      o += "</ul>\n";
    }
    o += "</article>\n";
    page.sink->Flush();
    ++i;
  });
  o += "</section>\n";
}

void Documents(Page& page) {
  std::string& o = page.out;
  o += "<section id=\"documents\"><h2>Documents</h2>\n";
  size_t i = 0;
  ForEachDocument(page.result, [&](const DocumentResult& d) {
    absl::StrAppend(&o, "<details class=\"doc\" id=\"d-", page.DocToken(i++),
                    "\"><summary>", Text(DocLabel(d)), " <span class=\"path\">",
                    Text(d.doc.path), "</span>", "</summary>\n");
    if (!d.doc.byline.empty()) {
      absl::StrAppend(&o, "<p class=\"muted\">", Text(d.doc.byline), "</p>\n");
    }
    if (d.info.ai_generated) {
      absl::StrAppend(&o, "<p><span class=\"badge ai\">AI-generated</span>",
                      Text(d.info.ai_evidence),
                      d.info.ai_line > 0
                          ? absl::StrCat(" <span class=\"path\">line ",
                                         d.info.ai_line, "</span>")
                          : "",
                      "</p>\n");
    }
    for (const Segment& s : d.segments) {
      Span span = s.text.OriginalSpan(0, s.text.size());
      Position p = d.doc.original_index.PositionOf(span.begin);
      absl::StrAppend(&o, "<p class=\"seg k-", SegmentKindName(s.kind),
                      s.boilerplate ? " boilerplate" : "",
                      "\"><span class=\"ln\">", p.line, ":", p.column,
                      "</span>", Text(s.text.text()));
      if (s.boilerplate) {
        absl::StrAppend(&o, "<span class=\"why\">boilerplate",
                        s.boilerplate_reason.empty() ? "" : ": ",
                        Text(s.boilerplate_reason), "</span>");
      }
      o += "</p>\n";
    }
    o += "</details>\n";
    page.sink->Flush();
  });
  o += "</section>\n";
}

void Diagnostics(Page& page) {
  const auto& diags = page.result.diagnostics;
  std::string& o = page.out;
  if (diags.empty() && page.result.baseline_gone.empty()) return;
  o += "<section id=\"diagnostics\"><h2>Input problems</h2>\n<ul>\n";
  for (const Diagnostic& d : diags) {
    absl::StrAppend(&o, "<li><span class=\"badge ", SeverityName(d.severity),
                    "\">", SeverityName(d.severity),
                    "</span><span class="
                    "\"path\">",
                    Text(LocationText(d.path, d.line, d.column)), "</span> ",
                    Text(d.message), " <span class=\"muted\">", Text(d.code),
                    "</span></li>\n");
  }
  if (!page.result.baseline_gone.empty()) {
    absl::StrAppend(&o, "<li>", page.result.baseline_gone.size(),
                    " baseline entries no longer occur.</li>\n");
  }
  o += "</ul></section>\n";
}

}  // namespace

void WriteHtml(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink) {
  Page page{result, options, {}, {}, {}, {}, sink, *sink->buffer()};
  AssignIds(page);
  Summary s = Summarize(result);
  std::string& o = page.out;
  const absl::string_view css = kAsset_report_css;
  const absl::string_view js = kAsset_report_js;
  absl::StrAppend(
      &o,
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; img-src data:; style-src 'sha256-",
      Base64Sha256(css), "'; script-src 'sha256-", Base64Sha256(js),
      "'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"generator\" content=\"crosscheck ",
      Attr(ToolVersion(result, options)),
      "\">\n<title>crosscheck report: ", s.findings, " findings in ",
      s.documents, " documents</title>\n<style>", css,
      "</style>\n</head>\n<body>\n");
  Header(page, s);
  o += "<main>\n";
  Sources(page);
  Matrix(page);
  Findings(page, s);
  Documents(page);
  Diagnostics(page);
  o += "</main>\n<footer>Generated by crosscheck ";
  o += Text(ToolVersion(result, options));
  if (!options.generated_at.empty()) {
    absl::StrAppend(&o, " on ", Text(options.generated_at));
  }
  absl::StrAppend(&o, ".</footer>\n<script>", js,
                  "</script>\n</body>\n</html>\n");
  sink->Flush();
}

}  // namespace crosscheck::reports
