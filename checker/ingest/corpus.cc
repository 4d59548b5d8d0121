// ListCorpus: command-line paths -> the files to read, in a stable order.
// std::filesystem is used only through its error_code overloads: a corpus
// walk never throws, every problem becomes a Diagnostic.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "checker/ingest/formats.h"
#include "checker/ingest/ingest.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;
using internal::AddDiagnostic;

enum class FileClass { kArticle, kSilentSkip, kSkip, kCorpusDoc };

FileClass Classify(const std::string& name) {
  const std::string ext =
      absl::AsciiStrToLower(fs::path(name).extension().string());
  // Corpora keep expected findings (expected.json) and other data beside
  // their articles; those are not articles and not worth a diagnostic.
  if (ext == ".json") return FileClass::kSilentSkip;
  const std::string stem =
      absl::AsciiStrToLower(fs::path(name).stem().string());
  // A corpus folder's own documentation (README.md, EXPECTED.md: what the
  // corpus should yield) is not an article of the story.
  if (stem == "readme" || stem == "expected" || stem == "license" ||
      stem == "changelog") {
    return FileClass::kCorpusDoc;
  }
  static constexpr absl::string_view kArticle[] = {
      ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"};
  for (absl::string_view a : kArticle) {
    if (ext == a) return FileClass::kArticle;
  }
  return FileClass::kSkip;
}

std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(path, ec);
  return ec ? path : c.string();
}

// Whether `dir` is `ancestor` or lies under it.
bool IsWithin(const std::string& dir, const std::string& ancestor) {
  if (dir == ancestor) return true;
  if (ancestor == "/") return absl::StartsWith(dir, "/");
  return dir.size() > ancestor.size() && absl::StartsWith(dir, ancestor) &&
         dir[ancestor.size()] == '/';
}

class Walker {
 public:
  explicit Walker(std::vector<Diagnostic>* diagnostics)
      : diagnostics_(diagnostics) {}

  void AddFile(const std::string& path) {
    if (seen_files_.insert(Canonical(path)).second) files_.push_back(path);
  }

  // Walks `root` depth-first, entries in byte order. Returns the number of
  // article files found (duplicates included).
  size_t Walk(const std::string& root) {
    struct Item {
      std::string path;
      std::string canonical;  // directories only
      bool is_dir;
    };
    size_t found = 0;
    std::vector<Item> stack;
    const std::string root_canonical = Canonical(root);
    visited_dirs_.insert(root_canonical);
    stack.push_back({root, root_canonical, true});
    while (!stack.empty()) {
      Item item = std::move(stack.back());
      stack.pop_back();
      if (!item.is_dir) {
        ++found;
        AddFile(item.path);
        continue;
      }
      std::vector<std::string> names;
      std::error_code ec;
      fs::directory_iterator it(item.path, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        names.push_back(it->path().filename().string());
      }
      if (ec) {
        AddDiagnostic(diagnostics_, Severity::kError, "ingest.unreadable",
                      item.path, Position{},
                      absl::StrCat("cannot list directory: ",
                                   absl::AsciiStrToLower(ec.message())));
        continue;
      }
      std::sort(names.begin(), names.end());
      std::vector<Item> children;
      for (const std::string& name : names) {
        if (name.empty() || name[0] == '.') continue;  // hidden
        const std::string child = (fs::path(item.path) / name).string();
        std::error_code sec;
        const fs::file_status link = fs::symlink_status(child, sec);
        const fs::file_status st = fs::status(child, sec);
        if (fs::is_symlink(link) && !fs::exists(st)) {
          AddDiagnostic(diagnostics_, Severity::kWarning,
                        "ingest.broken-symlink", child, Position{},
                        "symlink points to a missing file; skipped");
          continue;
        }
        if (fs::is_directory(st)) {
          const std::string canonical = Canonical(child);
          if (IsWithin(item.canonical, canonical)) {
            AddDiagnostic(diagnostics_, Severity::kWarning,
                          "ingest.symlink-loop", child, Position{},
                          absl::StrCat("symlink leads back to ancestor "
                                       "directory \"",
                                       canonical, "\"; not followed"));
            continue;
          }
          // Reached before through another link: its files are listed.
          if (!visited_dirs_.insert(canonical).second) continue;
          children.push_back({child, canonical, true});
          continue;
        }
        if (!fs::is_regular_file(st)) {
          AddDiagnostic(diagnostics_, Severity::kInfo, "ingest.skipped-file",
                        child, Position{},
                        "not a regular file or directory; skipped");
          continue;
        }
        FileClass cls = Classify(name);
        // Named explicitly before: already listed, nothing to note.
        if ((cls == FileClass::kSkip || cls == FileClass::kCorpusDoc) &&
            seen_files_.contains(Canonical(child))) {
          cls = FileClass::kSilentSkip;
        }
        switch (cls) {
          case FileClass::kArticle:
            children.push_back({child, "", false});
            break;
          case FileClass::kSilentSkip:
            break;
          case FileClass::kCorpusDoc:
            AddDiagnostic(diagnostics_, Severity::kInfo, "ingest.skipped-file",
                          child, Position{},
                          "corpus documentation (README, EXPECTED, ...), not "
                          "an article; skipped (name it explicitly to read "
                          "it)");
            break;
          case FileClass::kSkip:
            AddDiagnostic(diagnostics_, Severity::kInfo, "ingest.skipped-file",
                          child, Position{},
                          "extension is not an article format (.txt .md "
                          ".html .jsonl); skipped");
            break;
        }
      }
      // Reverse onto the stack so the first name is expanded first.
      for (auto c = children.rbegin(); c != children.rend(); ++c) {
        stack.push_back(std::move(*c));
      }
    }
    return found;
  }

  std::vector<std::string> TakeFiles() { return std::move(files_); }

 private:
  std::vector<Diagnostic>* diagnostics_;
  std::vector<std::string> files_;
  absl::flat_hash_set<std::string> seen_files_;
  absl::flat_hash_set<std::string> visited_dirs_;
};

}  // namespace

std::vector<std::string> ListCorpus(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>* diagnostics) {
  Walker walker(diagnostics);
  for (const std::string& arg : paths) {
    if (arg == "-") {
      walker.AddFile("-");
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (!fs::exists(st)) {
      const bool dangling = fs::is_symlink(fs::symlink_status(arg, ec));
      AddDiagnostic(diagnostics, Severity::kError, "ingest.missing-path", arg,
                    Position{},
                    dangling ? "symlink points to a missing file"
                             : "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      if (walker.Walk(arg) == 0) {
        AddDiagnostic(diagnostics, Severity::kWarning, "ingest.empty-directory",
                      arg, Position{},
                      "directory holds no article files (.txt .md .markdown "
                      ".html .htm .jsonl .ndjson)");
      }
      continue;
    }
    if (!fs::is_regular_file(st)) {
      AddDiagnostic(diagnostics, Severity::kError, "ingest.not-a-file", arg,
                    Position{}, "not a regular file or directory");
      continue;
    }
    if (::access(arg.c_str(), R_OK) != 0) {
      AddDiagnostic(diagnostics, Severity::kError, "ingest.unreadable", arg,
                    Position{}, "file is not readable (permission denied)");
      continue;
    }
    walker.AddFile(arg);
  }
  return walker.TakeFiles();
}

}  // namespace crosscheck::ingest
