#include "reports/report.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crosscheck::reports {
namespace {

using WriteFn = void (*)(const CheckResult&, const RenderOptions&, ReportSink*);

class FunctionRenderer : public Renderer {
 public:
  constexpr FunctionRenderer(absl::string_view format,
                             absl::string_view extension, WriteFn fn)
      : format_(format), extension_(extension), fn_(fn) {}
  absl::string_view format() const override { return format_; }
  absl::string_view extension() const override { return extension_; }
  void Write(const CheckResult& result, const RenderOptions& options,
             ReportSink* sink) const override {
    fn_(result, options, sink);
  }

 private:
  absl::string_view format_;
  absl::string_view extension_;
  WriteFn fn_;
};

const FunctionRenderer kJson("json", "json", WriteJson);
const FunctionRenderer kHtml("html", "html", WriteHtml);
const FunctionRenderer kSarif("sarif", "sarif", WriteSarif);
const FunctionRenderer kMarkdown("md", "md", WriteMarkdown);
const FunctionRenderer kText("text", "txt", WriteText);
const Renderer* const kRenderers[] = {&kJson, &kHtml, &kSarif, &kMarkdown,
                                      &kText};

absl::Status Errno(absl::string_view what, const std::string& path, int err) {
  return absl::UnavailableError(
      absl::StrCat("cannot ", what, " '", path, "': ", std::strerror(err)));
}

absl::Status UnknownFormat(absl::string_view format) {
  return absl::InvalidArgumentError(
      absl::StrCat("unknown report format \"", format, "\" (expected one of ",
                   absl::StrJoin(FormatNames(), ", "), ")"));
}

// The read-back error of a spilled result's store, after `what` (which
// says what became of the report; the store's message names its file).
absl::Status StoreStatus(const CheckResult& result, absl::string_view what) {
  if (!result.store) return absl::OkStatus();
  const absl::Status s = result.store->status();
  if (s.ok()) return s;
  return absl::Status(s.code(), absl::StrCat(what, ": ", s.message()));
}

// A temporary file beside `path` that replaces it on Commit(); dropped
// (closed and removed) when not committed.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {}
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (fd_ >= 0) {
      close(fd_);
      unlink(tmp_.c_str());
    }
  }

  absl::Status Open() {
    if (path_.empty()) return absl::InvalidArgumentError("empty output path");
    std::filesystem::path target(path_);
    dir_ = target.parent_path();
    if (dir_.empty()) dir_ = ".";
    // The temporary file lives beside the target so rename() stays within
    // one file system and is atomic.
    tmp_ = (dir_ / absl::StrCat(".", target.filename().string(), ".tmp-XXXXXX"))
               .string();
    fd_ = mkstemp(tmp_.data());
    if (fd_ < 0) return Errno("write", path_, errno);
    // mkstemp creates 0600; reports are ordinary readable files.
    if (fchmod(fd_, 0644) != 0) return Errno("write", path_, errno);
    return absl::OkStatus();
  }

  absl::Status Write(absl::string_view content) {
    const char* p = content.data();
    size_t left = content.size();
    while (left > 0) {
      ssize_t n = write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return Errno("write", path_, errno);
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    return absl::OkStatus();
  }

  absl::Status Commit() {
    if (fsync(fd_) != 0) return Errno("sync", path_, errno);
    const int fd = fd_;
    fd_ = -1;
    if (close(fd) != 0) {
      int err = errno;
      unlink(tmp_.c_str());
      return Errno("write", path_, err);
    }
    if (rename(tmp_.c_str(), path_.c_str()) != 0) {
      int err = errno;
      unlink(tmp_.c_str());
      return Errno("replace", path_, err);
    }
    // Persist the rename itself; best effort (some file systems refuse).
    int dfd = open(dir_.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
      fsync(dfd);
      close(dfd);
    }
    return absl::OkStatus();
  }

 private:
  std::string path_;
  std::filesystem::path dir_;
  std::string tmp_;
  int fd_ = -1;
};

}  // namespace

void ReportSink::Drain() {
  if (status_.ok() && !buffer_.empty()) status_ = writer_(buffer_);
  buffer_.clear();
}

absl::Status ReportSink::Finish() {
  if (writer_) Drain();
  return status_;
}

std::string Renderer::Render(const CheckResult& result,
                             const RenderOptions& options) const {
  ReportSink sink;
  Write(result, options, &sink);
  return sink.Take();
}

const Renderer* FindRenderer(absl::string_view format) {
  for (const Renderer* r : kRenderers) {
    if (r->format() == format) return r;
  }
  return nullptr;
}

std::vector<std::string> FormatNames() {
  std::vector<std::string> out;
  for (const Renderer* r : kRenderers) out.emplace_back(r->format());
  return out;
}

absl::StatusOr<std::string> RenderFormat(absl::string_view format,
                                         const CheckResult& result,
                                         const RenderOptions& options) {
  const Renderer* r = FindRenderer(format);
  if (r == nullptr) return UnknownFormat(format);
  return r->Render(result, options);
}

std::string RenderJson(const CheckResult& result,
                       const RenderOptions& options) {
  return kJson.Render(result, options);
}
std::string RenderHtml(const CheckResult& result,
                       const RenderOptions& options) {
  return kHtml.Render(result, options);
}
std::string RenderSarif(const CheckResult& result,
                        const RenderOptions& options) {
  return kSarif.Render(result, options);
}
std::string RenderMarkdown(const CheckResult& result,
                           const RenderOptions& options) {
  return kMarkdown.Render(result, options);
}
std::string RenderText(const CheckResult& result,
                       const RenderOptions& options) {
  return kText.Render(result, options);
}

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content) {
  AtomicFile file(path);
  if (absl::Status s = file.Open(); !s.ok()) return s;
  if (absl::Status s = file.Write(content); !s.ok()) return s;
  return file.Commit();
}

absl::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(ReportSink*)>& fill) {
  AtomicFile file(path);
  if (absl::Status s = file.Open(); !s.ok()) return s;
  ReportSink sink([&](absl::string_view piece) { return file.Write(piece); });
  fill(&sink);
  if (absl::Status s = sink.Finish(); !s.ok()) return s;
  return file.Commit();
}

absl::Status WriteReportFile(const std::string& path, absl::string_view format,
                             const CheckResult& result,
                             const RenderOptions& options) {
  const Renderer* r = FindRenderer(format);
  if (r == nullptr) return UnknownFormat(format);
  AtomicFile file(path);
  if (absl::Status s = file.Open(); !s.ok()) return s;
  ReportSink sink([&](absl::string_view piece) { return file.Write(piece); });
  r->Write(result, options, &sink);
  if (absl::Status s = sink.Finish(); !s.ok()) return s;
  // A store that failed to read back gave the renderer only part of the
  // claims or findings: the report is dropped (the temporary file goes with
  // `file`) rather than renamed into place.
  if (absl::Status s =
          StoreStatus(result, absl::StrCat("report '", path, "' not written"));
      !s.ok()) {
    return s;
  }
  return file.Commit();
}

absl::Status WriteReport(std::ostream& out, absl::string_view format,
                         const CheckResult& result,
                         const RenderOptions& options) {
  const Renderer* r = FindRenderer(format);
  if (r == nullptr) return UnknownFormat(format);
  ReportSink sink([&](absl::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    return out ? absl::OkStatus()
               : absl::UnavailableError("cannot write the report");
  });
  r->Write(result, options, &sink);
  absl::Status s = sink.Finish();
  out.flush();
  if (s.ok()) s = StoreStatus(result, "the report on stdout is incomplete");
  return s;
}

}  // namespace crosscheck::reports
