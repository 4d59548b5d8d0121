#include "checker/ingest/ingest.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checker/ingest/dateline.h"
#include "checker/ingest/formats.h"
#include "checker/ingest/normalize.h"

namespace crosscheck::ingest {
namespace internal {

Position DiagContext::At(uint32_t offset) const {
  if (record_line > 0) return Position{record_line, 0};
  if (index == nullptr) return Position{};
  return index->PositionOf(offset);
}

void AddDiagnostic(std::vector<Diagnostic>* diagnostics, Severity severity,
                   std::string code, std::string path, Position pos,
                   std::string message) {
  if (diagnostics == nullptr) return;
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.path = std::move(path);
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  diagnostics->push_back(std::move(d));
}

std::string FileStem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? CleanString(path) : CleanString(stem);
}

bool SetMetadataDate(absl::string_view field, absl::string_view value,
                     const DiagContext& where, Document* doc,
                     std::vector<Diagnostic>* diagnostics) {
  const std::string clean = CleanString(value.substr(0, 200));
  std::optional<absl::CivilDay> day = ParseIsoDatePrefix(clean);
  if (!day) day = ParseDateText(clean);
  if (!day) {
    AddDiagnostic(diagnostics, Severity::kWarning, "ingest.bad-date",
                  where.path, Position{where.record_line, 0},
                  absl::StrCat("unreadable date in metadata field ", field,
                               ": \"", clean, "\"; ignored"));
    return false;
  }
  doc->reference_date.day = day;
  doc->reference_date.provenance = absl::StrCat("metadata:", field);
  doc->reference_date.evidence = clean;
  doc->reference_date.confidence = 0.95;
  return true;
}

bool LooksLikeHtml(absl::string_view text) {
  static constexpr absl::string_view kTags[] = {
      "<p>",   "<p ",     "</p>",        "<br",      "<div",
      "<h1",   "<h2",     "<h3",         "<li>",     "<ul>",
      "<ol>",  "<table",  "<article",    "<html",    "<body",
      "<span", "<a href", "<blockquote", "<!doctype"};
  const absl::string_view head = text.substr(0, 64 * 1024);
  size_t pos = 0;
  while ((pos = head.find('<', pos)) != absl::string_view::npos) {
    const absl::string_view at = head.substr(pos, 12);
    for (absl::string_view tag : kTags) {
      if (absl::StartsWithIgnoreCase(at, tag)) return true;
    }
    ++pos;
  }
  return false;
}

}  // namespace internal

namespace {

using internal::AddDiagnostic;
using internal::DiagContext;

constexpr size_t kSniffBytes = 8192;

std::string FormatFromExtension(const std::string& path) {
  const std::string ext =
      absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return "txt";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  return "";
}

// For files named explicitly with another extension (and stdin).
std::string SniffFormat(absl::string_view bytes) {
  const absl::string_view head =
      absl::StripLeadingAsciiWhitespace(bytes.substr(0, 1024));
  if (absl::StartsWith(head, "{")) return "jsonl";
  if (absl::StartsWith(head, "<")) {
    const std::string lower = absl::AsciiStrToLower(head);
    if (absl::StrContains(lower, "<html") ||
        absl::StrContains(lower, "<!doctype html") ||
        absl::StrContains(lower, "<body") || absl::StrContains(lower, "<p")) {
      return "html";
    }
  }
  return "txt";
}

bool IsBinary(absl::string_view bytes) {
  const absl::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find('\0') != absl::string_view::npos) return true;
  size_t control = 0;
  for (char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ||
        c == 0x7F) {
      ++control;
    }
  }
  return !head.empty() && control * 10 > head.size() * 3;
}

bool IsBlank(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (char c : bytes) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// UTF-16 with a BOM, transcoded to UTF-8. For every UTF-8 byte, the
// UTF-16 byte range of the code unit(s) it came from.
struct Transcoded {
  std::string utf8;
  std::vector<uint32_t> begin16;
  std::vector<uint32_t> end16;
  size_t invalid = 0;
};

Transcoded TranscodeUtf16(absl::string_view bytes, bool big_endian) {
  Transcoded t;
  t.utf8.reserve(bytes.size());
  t.begin16.reserve(bytes.size());
  t.end16.reserve(bytes.size());
  const auto unit = [&](size_t i) -> uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  size_t i = 2;  // past the BOM
  while (i < bytes.size()) {
    uint32_t cp;
    size_t len = 2;
    if (i + 1 >= bytes.size()) {
      cp = 0xFFFD;  // odd trailing byte
      len = 1;
      ++t.invalid;
    } else {
      cp = unit(i);
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size() &&
          unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
        len = 4;
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD;  // unpaired surrogate
        ++t.invalid;
      }
    }
    const size_t before = t.utf8.size();
    AppendUtf8(cp, &t.utf8);
    t.begin16.resize(t.utf8.size(), static_cast<uint32_t>(i));
    t.end16.resize(t.utf8.size(), static_cast<uint32_t>(i + len));
    (void)before;
    i += len;
  }
  return t;
}

// Rewrites offsets into the UTF-8 transcoding as offsets into the UTF-16
// original.
MappedText Remap(const MappedText& m, const Transcoded& t) {
  MappedText out;
  const size_t n8 = t.utf8.size();
  for (size_t j = 0; j < m.size(); ++j) {
    const Span s = m.OriginalSpan(j, j + 1);
    uint32_t b = 0, e = 0;
    if (n8 > 0) {
      b = t.begin16[std::min<size_t>(s.begin, n8 - 1)];
      e = s.end > 0 ? t.end16[std::min<size_t>(s.end - 1, n8 - 1)] : b;
    }
    out.AppendReplacement(absl::string_view(m.text()).substr(j, 1), b,
                          std::max(b, e));
  }
  return out;
}

Document NewDocument(const std::string& path, absl::string_view bytes,
                     const std::string& format) {
  Document doc;
  doc.id = internal::FileStem(path);
  doc.path = path;
  doc.format = format;
  doc.original = std::string(bytes);
  doc.original_index = LineIndex(doc.original);
  return doc;
}

void ReportInvalidUtf8(const Utf8Issues& issues, const DiagContext& where,
                       std::vector<Diagnostic>* diagnostics) {
  if (issues.invalid_bytes == 0) return;
  AddDiagnostic(
      diagnostics, Severity::kWarning, "ingest.invalid-utf8", where.path,
      where.At(issues.first_offset),
      absl::StrFormat("invalid UTF-8 byte 0x%02x replaced with U+FFFD "
                      "(%d invalid bytes in the file)",
                      issues.first_byte, issues.invalid_bytes));
}

bool AllBlocksEmpty(const Document& doc) {
  for (const Block& b : doc.blocks) {
    if (!absl::StripAsciiWhitespace(b.text.text()).empty()) return false;
    for (const MappedText& c : b.cells) {
      if (!absl::StripAsciiWhitespace(c.text()).empty()) return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Document> ParseDocuments(const std::string& path,
                                     absl::string_view bytes,
                                     absl::string_view format,
                                     const IngestOptions& options,
                                     std::vector<Diagnostic>* diagnostics) {
  std::vector<Document> docs;
  if (bytes.size() > options.max_file_bytes) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.file-too-large", path,
                  Position{},
                  absl::StrFormat("file is %d bytes, over the limit of %d "
                                  "bytes; skipped",
                                  bytes.size(), options.max_file_bytes));
    return docs;
  }
  if (bytes.size() > 0xFFFFFFF0u) {  // offsets are 32-bit
    AddDiagnostic(diagnostics, Severity::kError, "ingest.file-too-large", path,
                  Position{}, "file is over 4 GiB; skipped");
    return docs;
  }
  const bool utf16le = absl::StartsWith(bytes, "\xFF\xFE");
  const bool utf16be = absl::StartsWith(bytes, "\xFE\xFF");
  if (!utf16le && !utf16be && IsBinary(bytes)) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.binary", path,
                  Position{},
                  "file looks binary (NUL or control bytes); "
                  "skipped");
    return docs;
  }
  std::string fmt(format);
  if (fmt.empty()) fmt = FormatFromExtension(path);

  if (utf16le || utf16be) {
    Transcoded t = TranscodeUtf16(bytes, utf16be);
    AddDiagnostic(
        diagnostics, Severity::kWarning, "ingest.utf16", path, Position{1, 1},
        absl::StrCat("file is UTF-16 ", utf16be ? "BE" : "LE",
                     "; transcoded to UTF-8",
                     t.invalid > 0 ? absl::StrCat(" (", t.invalid,
                                                  " invalid code units "
                                                  "replaced with U+FFFD)")
                                   : ""));
    if (fmt.empty()) fmt = SniffFormat(t.utf8);
    if (IsBlank(t.utf8)) {
      AddDiagnostic(diagnostics, Severity::kWarning, "ingest.empty-file", path,
                    Position{}, "file is empty or only whitespace");
      return docs;
    }
    if (fmt == "jsonl") {
      // Records carry their own bodies; offsets are into those.
      return internal::ParseJsonl(path, t.utf8, options, diagnostics);
    }
    Document doc = NewDocument(path, bytes, fmt);
    const LineIndex u8_index(t.utf8);
    DiagContext where{path, 0, &u8_index};
    if (fmt == "html") {
      internal::ParseHtmlInto(t.utf8, options, where, &doc, diagnostics);
    } else {
      internal::ParseTextInto(t.utf8, options, where, &doc, diagnostics);
    }
    for (Block& b : doc.blocks) {
      b.text = Remap(b.text, t);
      for (MappedText& c : b.cells) c = Remap(c, t);
    }
    docs.push_back(std::move(doc));
    return docs;
  }

  if (IsBlank(bytes)) {
    AddDiagnostic(diagnostics, Severity::kWarning, "ingest.empty-file", path,
                  Position{}, "file is empty or only whitespace");
    return docs;
  }
  if (fmt.empty()) fmt = SniffFormat(bytes);
  if (fmt == "jsonl") {
    return internal::ParseJsonl(path, bytes, options, diagnostics);
  }
  Document doc = NewDocument(path, bytes, fmt);
  DiagContext where{path, 0, &doc.original_index};
  Utf8Issues issues;
  if (fmt == "html") {
    issues = internal::ParseHtmlInto(doc.original, options, where, &doc,
                                     diagnostics);
  } else {
    issues = internal::ParseTextInto(doc.original, options, where, &doc,
                                     diagnostics);
  }
  ReportInvalidUtf8(issues, where, diagnostics);
  if (AllBlocksEmpty(doc)) {
    AddDiagnostic(diagnostics, Severity::kWarning, "ingest.empty-file", path,
                  Position{}, "file has no text");
    return docs;
  }
  docs.push_back(std::move(doc));
  return docs;
}

std::vector<Document> ReadDocumentFile(const std::string& path,
                                       const IngestOptions& options,
                                       std::vector<Diagnostic>* diagnostics) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin),
                 std::istreambuf_iterator<char>());
    return ParseDocuments(path, bytes, "", options, diagnostics);
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.missing-path", path,
                  Position{}, "no such file or directory");
    return {};
  }
  if (std::filesystem::is_directory(status)) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.unreadable", path,
                  Position{}, "is a directory, not a file");
    return {};
  }
  if (std::filesystem::is_regular_file(status)) {
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_file_bytes) {
      AddDiagnostic(diagnostics, Severity::kError, "ingest.file-too-large",
                    path, Position{},
                    absl::StrFormat("file is %d bytes, over the limit of %d "
                                    "bytes; skipped",
                                    size, options.max_file_bytes));
      return {};
    }
    if (!ec) bytes.reserve(size);
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.unreadable", path,
                  Position{},
                  absl::StrCat("cannot open file: ",
                               absl::AsciiStrToLower(std::strerror(errno))));
    return {};
  }
  char buf[1 << 16];
  size_t got;
  bool too_large = false;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) {
    bytes.append(buf, got);
    if (bytes.size() > options.max_file_bytes) {  // grew while reading
      too_large = true;
      break;
    }
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.unreadable", path,
                  Position{}, "read error");
    return {};
  }
  if (too_large) {
    AddDiagnostic(diagnostics, Severity::kError, "ingest.file-too-large", path,
                  Position{},
                  absl::StrFormat("file is over the limit of %d bytes; skipped",
                                  options.max_file_bytes));
    return {};
  }
  return ParseDocuments(path, bytes, "", options, diagnostics);
}

std::vector<Document> ReadCorpus(const std::vector<std::string>& paths,
                                 const IngestOptions& options,
                                 std::vector<Diagnostic>* diagnostics) {
  std::vector<Document> docs;
  for (const std::string& file : ListCorpus(paths, diagnostics)) {
    for (Document& d : ReadDocumentFile(file, options, diagnostics)) {
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

}  // namespace crosscheck::ingest
