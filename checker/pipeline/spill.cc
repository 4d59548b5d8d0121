#include "checker/pipeline/spill.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "absl/strings/str_cat.h"

// tcmalloc's C API (gperftools/malloc_extension_c.h), declared weak so that
// the library links and runs with or without tcmalloc: the tests and the
// sanitizer build use the system allocator.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace crosscheck::pipeline {

void ReleaseFreedMemory() {
  if (MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

namespace {

// A field added to Claim, Evidence or Finding must be added to the codecs
// below too, or it would be lost on the way through a spill file.
static_assert(sizeof(Claim) == 448, "update EncodeClaim/DecodeClaim");
static_assert(sizeof(Evidence) == 128, "update EncodeEvidence/DecodeEvidence");
static_assert(sizeof(Finding) == 168, "update EncodeFinding/DecodeFinding");
static_assert(sizeof(Document) == 464, "update EncodeDocument/DecodeDocument");
static_assert(sizeof(DocumentInfo) == 400,
              "update EncodeDocumentInfo/DecodeDocumentInfo");

const absl::CivilDay kEpoch(1970, 1, 1);

class Encoder {
 public:
  explicit Encoder(std::string* out) : out_(out) {}
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void I(int64_t v) {  // zigzag
    U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void D(double d) {
    char b[sizeof d];
    std::memcpy(b, &d, sizeof d);
    out_->append(b, sizeof d);
  }
  void S(absl::string_view s) {
    U(s.size());
    out_->append(s.data(), s.size());
  }
  void Day(absl::CivilDay d) { I(d - kEpoch); }
  void Date(const DateValue& d) {
    Day(d.begin);
    Day(d.end);
    S(d.iso);
    U(static_cast<uint64_t>(d.granularity));
    U(d.relative);
  }

 private:
  std::string* out_;
};

class Decoder {
 public:
  explicit Decoder(absl::string_view in)
      : p_(in.data()), end_(p_ + in.size()) {}
  bool ok() const { return ok_ && p_ == end_; }
  bool good() const { return ok_; }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) break;
      const uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  int64_t I() {
    const uint64_t z = U();
    return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  uint64_t Raw64() {
    uint64_t v = 0;
    if (end_ - p_ < static_cast<ptrdiff_t>(sizeof v)) {
      ok_ = false;
      return 0;
    }
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  double D() {
    double d = 0;
    if (end_ - p_ < static_cast<ptrdiff_t>(sizeof d)) {
      ok_ = false;
      return 0;
    }
    std::memcpy(&d, p_, sizeof d);
    p_ += sizeof d;
    return d;
  }
  absl::string_view S() {
    const uint64_t n = U();
    if (static_cast<uint64_t>(end_ - p_) < n) {
      ok_ = false;
      return {};
    }
    absl::string_view s(p_, n);
    p_ += n;
    return s;
  }
  // A shared text, reusing `last` when it is the same text.
  SharedString Shared(SharedString* last) {
    const absl::string_view s = S();
    if (last->view() != s) *last = SharedString(s);
    return *last;
  }
  absl::CivilDay Day() { return kEpoch + I(); }
  template <typename E>
  E Enum() {
    return static_cast<E>(U());
  }
  void Date(DateValue* d) {
    d->begin = Day();
    d->end = Day();
    d->iso = S();
    d->granularity = Enum<Granularity>();
    d->relative = U() != 0;
  }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

void EncodeEvidence(const Evidence& e, Encoder* w) {
  w->S(e.doc_id);
  w->S(e.path);
  w->S(e.source);
  w->I(e.position.line);
  w->I(e.position.column);
  w->U(e.span.begin);
  w->U(e.span.end);
  w->S(e.quote);
  w->S(e.sentence);
  w->S(e.value);
  w->S(e.claim_id);
  w->S(e.reference_date);
}

void DecodeEvidence(Decoder* r, SpillCache* cache, Evidence* e) {
  e->doc_id = r->S();
  e->path = r->S();
  e->source = r->S();
  e->position.line = static_cast<int>(r->I());
  e->position.column = static_cast<int>(r->I());
  e->span.begin = static_cast<uint32_t>(r->U());
  e->span.end = static_cast<uint32_t>(r->U());
  e->quote = std::string(r->S());
  e->sentence = r->Shared(&cache->sentence);
  e->value = r->S();
  e->claim_id = std::string(r->S());
  e->reference_date = r->S();
}

}  // namespace

void EncodeClaim(const Claim& c, std::string* out) {
  Encoder w(out);
  w.S(c.id);
  w.S(c.doc_id);
  const Mention& m = c.mention;
  w.U(static_cast<uint64_t>(m.kind));
  w.S(m.rule_id);
  w.U(m.span.begin);
  w.U(m.span.end);
  w.U(m.local_begin);
  w.U(m.local_end);
  w.I(m.segment);
  w.I(m.sentence);
  w.S(m.text);
  w.D(m.amount.value);
  w.D(m.amount.low);
  w.D(m.amount.high);
  w.S(m.amount.unit);
  w.S(m.amount.dimension);
  w.S(m.amount.qualifier);
  w.U(m.date.has_value());
  if (m.date) w.Date(*m.date);
  w.S(m.label);
  w.S(m.group);
  w.S(c.subject.text);
  w.S(c.subject.head);
  w.U(c.subject.modifiers.size());
  for (const Symbol& s : c.subject.modifiers) w.S(s);
  w.S(c.subject.key);
  w.U(static_cast<uint64_t>(c.measure));
  w.U(static_cast<uint64_t>(c.modality));
  w.Date(c.scope.period);
  w.S(c.scope.source);
  w.S(c.speaker);
  w.S(c.event);
  w.U(c.change_from.has_value());
  if (c.change_from) w.D(*c.change_from);
  w.S(c.sentence);
  w.I(c.position.line);
  w.I(c.position.column);
  w.S(c.quote);
}

bool DecodeClaim(absl::string_view in, SpillCache* cache, Claim* c) {
  Decoder r(in);
  c->id = std::string(r.S());
  c->doc_id = r.S();
  Mention& m = c->mention;
  m.kind = r.Enum<MentionKind>();
  m.rule_id = r.S();
  m.span.begin = static_cast<uint32_t>(r.U());
  m.span.end = static_cast<uint32_t>(r.U());
  m.local_begin = static_cast<uint32_t>(r.U());
  m.local_end = static_cast<uint32_t>(r.U());
  m.segment = static_cast<int>(r.I());
  m.sentence = static_cast<int>(r.I());
  m.text = std::string(r.S());
  m.amount.value = r.D();
  m.amount.low = r.D();
  m.amount.high = r.D();
  m.amount.unit = r.S();
  m.amount.dimension = r.S();
  m.amount.qualifier = r.S();
  if (r.U() != 0) {
    r.Date(&m.date.emplace());
  } else {
    m.date.reset();
  }
  m.label = r.S();
  m.group = r.S();
  c->subject.text = std::string(r.S());
  c->subject.head = r.S();
  const uint64_t mods = r.U();
  c->subject.modifiers.clear();
  for (uint64_t i = 0; i < mods && r.good(); ++i) {
    c->subject.modifiers.emplace_back(r.S());
  }
  c->subject.key = r.S();
  c->measure = r.Enum<Measure>();
  c->modality = r.Enum<Modality>();
  r.Date(&c->scope.period);
  c->scope.source = r.S();
  c->speaker = r.S();
  c->event = r.S();
  if (r.U() != 0) {
    c->change_from = r.D();
  } else {
    c->change_from.reset();
  }
  c->sentence = r.Shared(&cache->sentence);
  c->position.line = static_cast<int>(r.I());
  c->position.column = static_cast<int>(r.I());
  c->quote = std::string(r.S());
  return r.ok();
}

void EncodeFinding(const Finding& f, std::string* out) {
  Encoder w(out);
  w.S(f.rule_id);
  w.S(f.kind);
  w.U(static_cast<uint64_t>(f.severity));
  w.D(f.confidence);
  w.S(f.message);
  w.S(f.subject);
  w.U(f.evidence.size());
  for (const Evidence& e : f.evidence) EncodeEvidence(e, &w);
  w.S(f.fingerprint);
  w.U(f.suppressed);
  w.S(f.suppression_reason);
}

bool DecodeFinding(absl::string_view in, SpillCache* cache, Finding* f) {
  Decoder r(in);
  f->rule_id = r.S();
  f->kind = r.S();
  f->severity = r.Enum<Severity>();
  f->confidence = r.D();
  f->message = std::string(r.S());
  f->subject = r.Shared(&cache->subject);
  const uint64_t n = r.U();
  f->evidence.clear();
  if (n <= in.size()) f->evidence.resize(n);
  for (Evidence& e : f->evidence) DecodeEvidence(&r, cache, &e);
  f->fingerprint = std::string(r.S());
  f->suppressed = r.U() != 0;
  f->suppression_reason = std::string(r.S());
  return r.ok() && f->evidence.size() == n;
}

namespace {

void EncodeReferenceDate(const ReferenceDate& r, Encoder* w) {
  w->U(r.day.has_value());
  if (r.day) w->Day(*r.day);
  w->S(r.provenance);
  w->S(r.evidence);
  w->D(r.confidence);
  w->U(r.latest.has_value());
  if (r.latest) w->Day(*r.latest);
}

void Assign(absl::string_view v, std::string* s) {
  s->assign(v.data(), v.size());
}

void DecodeReferenceDate(Decoder* r, ReferenceDate* ref) {
  ref->day.reset();
  if (r->U()) ref->day = r->Day();
  Assign(r->S(), &ref->provenance);
  Assign(r->S(), &ref->evidence);
  ref->confidence = r->D();
  ref->latest.reset();
  if (r->U()) ref->latest = r->Day();
}

}  // namespace

void EncodeDocument(const DocumentResult& d, std::string* out) {
  Encoder w(out);
  const Document& doc = d.doc;
  w.S(doc.id);
  w.S(doc.path);
  w.I(doc.record_line);
  w.S(doc.format);
  w.S(doc.title);
  w.S(doc.source);
  w.S(doc.byline);
  w.S(doc.url);
  EncodeReferenceDate(doc.reference_date, &w);
  w.S(doc.original);
  w.S(doc.extra_json);
  w.U(d.original_bytes);
}

bool DecodeDocument(absl::string_view in, DocumentResult* d) {
  Decoder r(in);
  Document& doc = d->doc;
  Assign(r.S(), &doc.id);
  Assign(r.S(), &doc.path);
  doc.record_line = static_cast<int>(r.I());
  Assign(r.S(), &doc.format);
  Assign(r.S(), &doc.title);
  Assign(r.S(), &doc.source);
  Assign(r.S(), &doc.byline);
  Assign(r.S(), &doc.url);
  DecodeReferenceDate(&r, &doc.reference_date);
  Assign(r.S(), &doc.original);
  Assign(r.S(), &doc.extra_json);
  d->original_bytes = r.U();
  // The line index is rebuilt from the text, as ingestion builds it.
  doc.original_index =
      doc.original.empty() ? LineIndex() : LineIndex(doc.original);
  return r.ok();
}

void EncodeDocumentInfo(const DocumentInfo& d, std::string* out) {
  Encoder w(out);
  w.S(d.id);
  w.S(d.path);
  w.S(d.title);
  w.S(d.source);
  w.S(d.format);
  EncodeReferenceDate(d.reference_date, &w);
  w.U(d.ai_generated);
  w.S(d.ai_evidence);
  w.U(d.ai_span_begin);
  w.U(d.ai_span_end);
  w.I(d.ai_line);
  w.I(d.ai_column);
  w.S(d.syndication_key);
}

bool DecodeDocumentInfo(absl::string_view in, DocumentInfo* d) {
  Decoder r(in);
  Assign(r.S(), &d->id);
  Assign(r.S(), &d->path);
  Assign(r.S(), &d->title);
  Assign(r.S(), &d->source);
  Assign(r.S(), &d->format);
  DecodeReferenceDate(&r, &d->reference_date);
  d->ai_generated = r.U() != 0;
  Assign(r.S(), &d->ai_evidence);
  d->ai_span_begin = r.U();
  d->ai_span_end = r.U();
  d->ai_line = static_cast<int>(r.I());
  d->ai_column = static_cast<int>(r.I());
  Assign(r.S(), &d->syndication_key);
  d->minhash.clear();
  return r.ok();
}

// --- TempDir -------------------------------------------------------------

namespace {

// Spill directories in use, removed by a SIGINT/SIGTERM handler: an
// interrupted run must not leave gigabytes behind. Fixed slots, so that the
// handler reads nothing a signal could find half-written: a slot's path is
// complete before its state turns kLive.
constexpr int kMaxLiveDirs = 16;
enum SlotState : int { kFree = 0, kClaimed = 1, kLive = 2 };
struct LiveDir {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};
LiveDir g_live_dirs[kMaxLiveDirs];
const int kCleanupSignals[] = {SIGINT, SIGTERM};
struct sigaction g_previous[2];

// Empties `path` (spill directories hold only files) and removes it, with
// system calls only: async-signal-safe. Entries removed while listing can
// shift the listing, so it is read again until nothing is left.
void RemoveSpillDir(const char* path) {
  const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    alignas(struct dirent64) char buf[4096];
    for (int pass = 0; pass < 64; ++pass) {
      bool removed = false;
      ::lseek(fd, 0, SEEK_SET);
      for (;;) {
        const ssize_t n = ::getdents64(fd, buf, sizeof buf);
        if (n <= 0) break;
        for (ssize_t off = 0; off < n;) {
          const auto* e = reinterpret_cast<const struct dirent64*>(buf + off);
          off += e->d_reclen;
          if (std::strcmp(e->d_name, ".") == 0 ||
              std::strcmp(e->d_name, "..") == 0) {
            continue;
          }
          removed |= ::unlinkat(fd, e->d_name, 0) == 0;
        }
      }
      if (!removed) break;
    }
    ::close(fd);
  }
  ::rmdir(path);
}

void RemoveLiveDirsAndReraise(int sig) {
  for (LiveDir& d : g_live_dirs) {
    if (d.state.load(std::memory_order_acquire) == kLive) {
      RemoveSpillDir(d.path);
    }
  }
  // The signal's previous disposition (the default: terminate), again.
  for (int i = 0; i < 2; ++i) {
    if (kCleanupSignals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  }
  ::raise(sig);
}

// Installs the handler once, for signals still at their default action (a
// program that handles them itself keeps its handler).
void InstallCleanupHandlers() {
  static const bool installed = [] {
    for (int i = 0; i < 2; ++i) {
      struct sigaction current;
      if (::sigaction(kCleanupSignals[i], nullptr, &current) != 0 ||
          current.sa_handler != SIG_DFL) {
        continue;
      }
      struct sigaction action = {};
      action.sa_handler = RemoveLiveDirsAndReraise;
      sigemptyset(&action.sa_mask);
      for (int s : kCleanupSignals) sigaddset(&action.sa_mask, s);
      ::sigaction(kCleanupSignals[i], &action, &g_previous[i]);
    }
    return true;
  }();
  (void)installed;
}

// The slot now holding `path`, or -1 when all are taken (the directory is
// then only removed on a normal exit).
int RegisterLiveDir(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  InstallCleanupHandlers();
  for (int i = 0; i < kMaxLiveDirs; ++i) {
    int expected = kFree;
    if (g_live_dirs[i].state.compare_exchange_strong(expected, kClaimed)) {
      std::memcpy(g_live_dirs[i].path, path.c_str(), path.size() + 1);
      g_live_dirs[i].state.store(kLive, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TempDir>> TempDir::Create(
    const std::string& parent) {
  std::string templ =
      (std::filesystem::path(parent) / "crosscheck-XXXXXX").string();
  if (::mkdtemp(templ.data()) == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create a temporary directory in '", parent,
                     "': ", std::strerror(errno),
                     " (set --spill-dir or TMPDIR to a writable directory)"));
  }
  std::unique_ptr<TempDir> dir(new TempDir(std::move(templ)));
  dir->slot_ = RegisterLiveDir(dir->path_);
  return dir;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
  if (slot_ >= 0) {
    g_live_dirs[slot_].state.store(kFree, std::memory_order_release);
  }
}

std::string TempDir::File(absl::string_view name) const {
  return absl::StrCat(path_, "/", name);
}

// --- RecordWriter --------------------------------------------------------

RecordWriter::~RecordWriter() {
  if (file_) std::fclose(file_);
}

absl::Status RecordWriter::Open(const std::string& path, size_t buffer_bytes) {
  path_ = path;
  buffer_bytes_ = buffer_bytes;
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    status_ = absl::FailedPreconditionError(absl::StrCat(
        "cannot write temporary file '", path, "': ", std::strerror(errno)));
  }
  return status_;
}

void RecordWriter::Add(absl::string_view record) {
  if (!status_.ok()) return;
  Encoder(&buffer_).U(record.size());
  buffer_.append(record.data(), record.size());
  ++count_;
  if (buffer_.size() >= buffer_bytes_) Drain();
}

void RecordWriter::AddFixed(absl::string_view record) {
  if (!status_.ok()) return;
  buffer_.append(record.data(), record.size());
  ++count_;
  if (buffer_.size() >= buffer_bytes_) Drain();
}

void RecordWriter::Drain() {
  if (status_.ok() && file_ && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    status_ = absl::ResourceExhaustedError(absl::StrCat(
        "cannot write temporary file '", path_, "': ", std::strerror(errno)));
  }
  buffer_.clear();
}

absl::Status RecordWriter::Close() {
  Drain();
  std::string().swap(buffer_);
  if (file_) {
    if (std::fclose(file_) != 0 && status_.ok()) {
      status_ = absl::ResourceExhaustedError(absl::StrCat(
          "cannot write temporary file '", path_, "': ", std::strerror(errno)));
    }
    file_ = nullptr;
  }
  return status_;
}

// --- RecordReader --------------------------------------------------------

RecordReader::~RecordReader() {
  if (file_) std::fclose(file_);
}

absl::Status RecordReader::Open(const std::string& path, size_t buffer_bytes) {
  path_ = path;
  buffer_bytes_ = buffer_bytes;
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) {
    status_ = absl::DataLossError(absl::StrCat(
        "cannot read temporary file '", path, "': ", std::strerror(errno)));
  }
  return status_;
}

// Makes at least `need` bytes available from pos_; false at the end.
bool RecordReader::Fill(size_t need) {
  if (buffer_.size() - pos_ >= need) return true;
  if (!file_) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  const size_t want = std::max(need, buffer_bytes_);
  while (buffer_.size() < want) {
    const size_t old = buffer_.size();
    buffer_.resize(want);
    const size_t got = std::fread(buffer_.data() + old, 1, want - old, file_);
    buffer_.resize(old + got);
    if (got == 0) {
      if (std::ferror(file_)) {
        status_ = absl::DataLossError(
            absl::StrCat("cannot read temporary file '", path_,
                         "': ", std::strerror(errno)));
      }
      std::fclose(file_);
      file_ = nullptr;
      break;
    }
  }
  return buffer_.size() >= need;
}

bool RecordReader::Next(std::string* record) {
  if (!status_.ok()) return false;
  // The length: a varint of at most 10 bytes.
  uint64_t n = 0;
  int shift = 0;
  for (;; shift += 7) {
    if (!Fill(1)) {
      if (shift > 0) {
        status_ = absl::DataLossError(
            absl::StrCat("temporary file '", path_, "' is truncated"));
      }
      return false;
    }
    const uint8_t b = static_cast<uint8_t>(buffer_[pos_++]);
    n |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
    if (shift > 56) {
      status_ = absl::DataLossError(
          absl::StrCat("temporary file '", path_, "' is corrupt"));
      return false;
    }
  }
  if (!Fill(n)) {
    if (status_.ok()) {
      status_ = absl::DataLossError(
          absl::StrCat("temporary file '", path_, "' is truncated"));
    }
    return false;
  }
  record->assign(buffer_, pos_, n);
  pos_ += n;
  return true;
}

// --- FixedRecordReader ---------------------------------------------------

FixedRecordReader::~FixedRecordReader() {
  if (fd_ >= 0) ::close(fd_);
}

absl::Status FixedRecordReader::Open(const std::string& path,
                                     size_t record_bytes) {
  path_ = path;
  record_bytes_ = record_bytes;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    status_ = absl::DataLossError(absl::StrCat(
        "cannot read temporary file '", path, "': ", std::strerror(errno)));
  }
  return status_;
}

bool FixedRecordReader::Read(uint64_t index, char* out) {
  if (!status_.ok()) return false;
  size_t done = 0;
  const off_t at = static_cast<off_t>(index * record_bytes_);
  while (done < record_bytes_) {
    const ssize_t got = ::pread(fd_, out + done, record_bytes_ - done,
                                at + static_cast<off_t>(done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      status_ = absl::DataLossError(
          got < 0 ? absl::StrCat("cannot read temporary file '", path_,
                                 "': ", std::strerror(errno))
                  : absl::StrCat("temporary file '", path_, "' is truncated"));
      return false;
    }
    done += static_cast<size_t>(got);
  }
  return true;
}

}  // namespace crosscheck::pipeline
