// JSON Lines: one article per line. A bad line is diagnosed with its line
// number and the parser's message, and the other lines are still read
// (LevelDB's Reporter model).
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "checker/ingest/formats.h"
#include "checker/ingest/normalize.h"
#include "nlohmann/json.hpp"

namespace crosscheck::ingest::internal {
namespace {

using json = nlohmann::json;

// Collects the parser's error message without exceptions: parse() with
// allow_exceptions=false only says "discarded".
class ErrorCollector : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    absl::string_view what = ex.what();
    // "[json.exception.parse_error.101] parse error at ..." -> "parse error..."
    if (absl::StartsWith(what, "[")) {
      const size_t close = what.find("] ");
      if (close != absl::string_view::npos) what.remove_prefix(close + 2);
    }
    message = std::string(what);
    byte = position;
    return false;
  }

  std::string message;
  std::size_t byte = 0;
};

const char* TypeName(const json& j) { return j.type_name(); }

// A string field, or "" (numbers are accepted for ids).
std::string StringField(const json& obj, absl::string_view key) {
  auto it = obj.find(std::string(key));
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get_ref<const std::string&>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return "";
}

// "author" may be a string, {"name": ...} or a list of either.
std::string AuthorField(const json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) {
      return it->get_ref<const std::string&>();
    }
    return "";
  }
  if (v.is_array()) {
    std::vector<std::string> names;
    for (const json& e : v) {
      std::string n = AuthorField(e);
      if (!n.empty()) names.push_back(std::move(n));
    }
    return absl::StrJoin(names, ", ");
  }
  return "";
}

}  // namespace

std::vector<Document> ParseJsonl(const std::string& path,
                                 absl::string_view bytes,
                                 const IngestOptions& options,
                                 std::vector<Diagnostic>* diagnostics) {
  static constexpr absl::string_view kBodyKeys[] = {"body", "text", "content"};
  static constexpr absl::string_view kDateKeys[] = {
      "published", "date", "published_at", "publishedAt", "datePublished"};
  static constexpr absl::string_view kAuthorKeys[] = {"byline", "author",
                                                      "authors"};
  static constexpr absl::string_view kOtherKeys[] = {"id", "title", "source",
                                                     "url"};
  std::vector<Document> docs;
  absl::flat_hash_set<std::string> ids;
  const std::string stem = FileStem(path);
  size_t pos = 0;
  int line_no = 0;
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) pos = 3;
  while (pos < bytes.size()) {
    ++line_no;
    size_t nl = bytes.find('\n', pos);
    if (nl == absl::string_view::npos) nl = bytes.size();
    absl::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty()) continue;

    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) {
      ErrorCollector errors;
      json::sax_parse(line, &errors);
      const bool truncated = pos >= bytes.size() && nl == bytes.size();
      AddDiagnostic(
          diagnostics, Severity::kError, "ingest.jsonl-malformed", path,
          Position{line_no, static_cast<int>(std::max<size_t>(errors.byte, 1))},
          absl::StrCat(truncated ? "truncated last line: " : "",
                       "malformed JSON: ",
                       errors.message.empty() ? "parse error" : errors.message,
                       "; record skipped"));
      continue;
    }
    if (!record.is_object()) {
      AddDiagnostic(diagnostics, Severity::kError, "ingest.jsonl-malformed",
                    path, Position{line_no, 1},
                    absl::StrCat("line is a JSON ", TypeName(record),
                                 ", not an object; record skipped"));
      continue;
    }
    std::string body;
    bool has_body = false;
    for (absl::string_view k : kBodyKeys) {
      auto it = record.find(std::string(k));
      if (it != record.end() && it->is_string() &&
          !it->get_ref<const std::string&>().empty()) {
        body = it->get_ref<const std::string&>();
        has_body = true;
        break;
      }
    }
    if (!has_body) {
      AddDiagnostic(diagnostics, Severity::kError, "ingest.jsonl-missing-body",
                    path, Position{line_no, 1},
                    "record has no non-empty string \"body\", \"text\" or "
                    "\"content\" field; skipped");
      continue;
    }

    Document doc;
    doc.path = path;
    doc.record_line = line_no;
    doc.format = "jsonl";
    std::string id = CleanString(StringField(record, "id"));
    if (id.empty()) id = absl::StrCat(stem, ":", line_no);
    if (!ids.insert(id).second) {
      const std::string renamed = absl::StrCat(id, "~", line_no);
      AddDiagnostic(diagnostics, Severity::kWarning,
                    "ingest.jsonl-duplicate-id", path, Position{line_no, 1},
                    absl::StrCat("duplicate id \"", id,
                                 "\"; this record is "
                                 "renamed \"",
                                 renamed, "\""));
      id = renamed;
      ids.insert(id);
    }
    doc.id = std::move(id);
    doc.title = CleanString(StringField(record, "title"));
    doc.source = CleanString(StringField(record, "source"));
    doc.url = CleanString(StringField(record, "url"));
    for (absl::string_view k : kAuthorKeys) {
      auto it = record.find(std::string(k));
      if (it != record.end()) {
        doc.byline = CleanString(AuthorField(*it));
        if (!doc.byline.empty()) break;
      }
    }
    DiagContext where{path, line_no, nullptr};
    for (absl::string_view k : kDateKeys) {
      const std::string v = StringField(record, k);
      if (!v.empty()) {
        SetMetadataDate(k, v, where, &doc, diagnostics);
        break;
      }
    }

    // Everything else is kept, serialized with sorted keys (nlohmann's
    // object is a std::map) so output bytes do not depend on input order.
    json extra = record;
    for (absl::string_view k : kBodyKeys) extra.erase(std::string(k));
    for (absl::string_view k : kDateKeys) extra.erase(std::string(k));
    for (absl::string_view k : kAuthorKeys) extra.erase(std::string(k));
    for (absl::string_view k : kOtherKeys) extra.erase(std::string(k));
    if (!extra.empty()) {
      doc.extra_json =
          extra.dump(-1, ' ', false, json::error_handler_t::replace);
    }

    doc.original = std::move(body);
    doc.original_index = LineIndex(doc.original);
    if (LooksLikeHtml(doc.original)) {
      ParseHtmlInto(doc.original, options, where, &doc, diagnostics);
    } else {
      ParseTextInto(doc.original, options, where, &doc, diagnostics);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace crosscheck::ingest::internal
