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

using RenderFn = std::string (*)(const CheckResult&, const RenderOptions&);

class FunctionRenderer : public Renderer {
 public:
  constexpr FunctionRenderer(absl::string_view format,
                             absl::string_view extension, RenderFn fn)
      : format_(format), extension_(extension), fn_(fn) {}
  absl::string_view format() const override { return format_; }
  absl::string_view extension() const override { return extension_; }
  std::string Render(const CheckResult& result,
                     const RenderOptions& options) const override {
    return fn_(result, options);
  }

 private:
  absl::string_view format_;
  absl::string_view extension_;
  RenderFn fn_;
};

const FunctionRenderer kJson("json", "json", RenderJson);
const FunctionRenderer kHtml("html", "html", RenderHtml);
const FunctionRenderer kSarif("sarif", "sarif", RenderSarif);
const FunctionRenderer kMarkdown("md", "md", RenderMarkdown);
const FunctionRenderer kText("text", "txt", RenderText);
const Renderer* const kRenderers[] = {&kJson, &kHtml, &kSarif, &kMarkdown,
                                      &kText};

absl::Status Errno(absl::string_view what, const std::string& path, int err) {
  return absl::UnavailableError(
      absl::StrCat("cannot ", what, " '", path, "': ", std::strerror(err)));
}

}  // namespace

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
  if (r == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown report format \"", format, "\" (expected one of ",
                     absl::StrJoin(FormatNames(), ", "), ")"));
  }
  return r->Render(result, options);
}

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content) {
  if (path.empty()) return absl::InvalidArgumentError("empty output path");
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  // The temporary file lives beside the target so rename() stays within one
  // file system and is atomic.
  std::string tmp =
      (dir / absl::StrCat(".", target.filename().string(), ".tmp-XXXXXX"))
          .string();
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Errno("write", path, errno);
  auto fail = [&](absl::string_view what, int err) {
    close(fd);
    unlink(tmp.c_str());
    return Errno(what, path, err);
  };
  // mkstemp creates 0600; reports are ordinary readable files.
  if (fchmod(fd, 0644) != 0) return fail("write", errno);
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write", errno);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("sync", errno);
  if (close(fd) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return Errno("write", path, err);
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    return Errno("replace", path, err);
  }
  // Persist the rename itself; best effort (some file systems refuse).
  int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return absl::OkStatus();
}

}  // namespace crosscheck::reports
