// txt and md: lines in, kLine blocks out. Structure (paragraphs, tables,
// headings) is the segmenter's job; here we only keep every physical line,
// mapped, and read the title, front matter and dateline.
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "checker/ingest/dateline.h"
#include "checker/ingest/formats.h"
#include "checker/ingest/normalize.h"

namespace crosscheck::ingest::internal {
namespace {

constexpr size_t kMaxTitleBytes = 200;
constexpr int kMaxFrontMatterLines = 200;

absl::string_view Unquote(absl::string_view v) {
  v = absl::StripAsciiWhitespace(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
      v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

bool EndsInSentencePunctuation(absl::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' ||
                        s.back() == ')' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' ||
                        s.back() == ';' || s.back() == ',');
}

// Reads "key: value" front matter lines (YAML subset: flat scalars).
void ReadFrontMatter(const std::vector<Block>& blocks, size_t end,
                     const DiagContext& where, Document* doc,
                     std::vector<Diagnostic>* diagnostics) {
  for (size_t i = 1; i < end; ++i) {
    absl::string_view line = blocks[i].text.text();
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) continue;
    const std::string key = absl::AsciiStrToLower(
        absl::StripAsciiWhitespace(line.substr(0, colon)));
    const absl::string_view value = Unquote(line.substr(colon + 1));
    if (value.empty()) continue;
    if (key == "title" && doc->title.empty()) {
      doc->title = CleanString(value);
    } else if ((key == "author" || key == "byline") && doc->byline.empty()) {
      doc->byline = CleanString(value);
    } else if ((key == "source" || key == "publisher" || key == "site") &&
               doc->source.empty()) {
      doc->source = CleanString(value);
    } else if ((key == "url" || key == "canonical") && doc->url.empty()) {
      doc->url = CleanString(value);
    } else if ((key == "date" || key == "published" || key == "published_at" ||
                key == "pubdate") &&
               !doc->reference_date.day.has_value()) {
      SetMetadataDate(key, value, where, doc, diagnostics);
    }
  }
}

}  // namespace

Utf8Issues ParseTextInto(absl::string_view text, const IngestOptions& options,
                         const DiagContext& where, Document* doc,
                         std::vector<Diagnostic>* diagnostics) {
  Normalizer norm;
  const size_t n = text.size();
  const size_t max_line = options.max_line_bytes > 0
                              ? static_cast<size_t>(options.max_line_bytes)
                              : n + 1;
  size_t pos = 0;
  int line_no = 0;
  while (pos < n) {
    ++line_no;
    // Lines end at LF, CRLF or a lone CR. memchr keeps this fast on huge
    // single-line files.
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = n;
    size_t end = nl, next = nl + 1;
    if (const void* cr = std::memchr(text.data() + pos, '\r', nl - pos)) {
      end = static_cast<const char*>(cr) - text.data();
      next = (end + 1 < n && text[end + 1] == '\n') ? end + 2 : end + 1;
    }
    size_t cut = end;
    if (end - pos > max_line) {
      cut = pos + max_line;
      // Never split a UTF-8 sequence: back off continuation bytes.
      while (cut > pos &&
             (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
      }
      AddDiagnostic(diagnostics, Severity::kWarning, "ingest.line-too-long",
                    where.path,
                    where.record_line > 0 ? Position{where.record_line, 0}
                                          : Position{line_no, 1},
                    absl::StrFormat("line %d is %d bytes long; only the first "
                                    "%d bytes are used for matching",
                                    line_no, end - pos, cut - pos));
    }
    Block b;
    b.kind = BlockKind::kLine;
    norm.Reset();
    b.text.Reserve(cut - pos + 8);  // a few bytes of slack for " - " dashes
    norm.Append(text.substr(pos, cut - pos), static_cast<uint32_t>(pos),
                &b.text);
    b.text.TrimRight();
    doc->blocks.push_back(std::move(b));
    pos = next;
  }

  // Front matter: "---" on the first line up to the next "---" / "...".
  size_t body_begin = 0;
  if (!doc->blocks.empty() && doc->blocks[0].text.text() == "---") {
    const size_t limit =
        std::min<size_t>(doc->blocks.size(), kMaxFrontMatterLines);
    for (size_t i = 1; i < limit; ++i) {
      const std::string& t = doc->blocks[i].text.text();
      if (t == "---" || t == "...") {
        ReadFrontMatter(doc->blocks, i, where, doc, diagnostics);
        for (size_t k = 0; k <= i; ++k) {
          doc->blocks[k].container_hint = "front-matter";
        }
        body_begin = i + 1;
        break;
      }
    }
  }

  // Title: front matter, else the first "# " heading, else a short first
  // line that does not read as a sentence or a dateline.
  if (doc->title.empty()) {
    for (size_t i = body_begin; i < doc->blocks.size(); ++i) {
      absl::string_view t = doc->blocks[i].text.text();
      if (absl::ConsumePrefix(&t, "# ")) {
        doc->title = CleanString(t);
        break;
      }
    }
  }
  std::vector<absl::string_view> first_lines;
  for (size_t i = body_begin; i < doc->blocks.size() && first_lines.size() < 16;
       ++i) {
    absl::string_view t = doc->blocks[i].text.text();
    if (!absl::StripAsciiWhitespace(t).empty()) first_lines.push_back(t);
  }
  if (doc->title.empty() && !first_lines.empty()) {
    absl::string_view first = absl::StripAsciiWhitespace(first_lines[0]);
    const absl::string_view one[] = {first};
    if (first.size() <= kMaxTitleBytes && !EndsInSentencePunctuation(first) &&
        !FindDateline(one).has_value()) {
      doc->title = CleanString(first);
    }
  }
  if (!doc->reference_date.day.has_value() &&
      doc->reference_date.provenance.empty()) {
    if (auto d = FindDateline(first_lines)) doc->reference_date = *d;
  }
  return norm.utf8_issues();
}

}  // namespace crosscheck::ingest::internal
