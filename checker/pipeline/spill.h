// Spill files: claims and findings written to disk and read back, for a
// `check` whose corpus is over the memory budget (see RunCheck).
//
// Records are length-prefixed binary encodings of one Claim or Finding;
// they round-trip exactly (doubles bit for bit, every field), so judging
// claims read back gives the same findings as judging the originals. The
// files live in a TempDir, removed with its contents when it is destroyed.
//
//   auto dir = TempDir::Create("/tmp");            // "crosscheck-XXXXXX"
//   RecordWriter w;
//   w.Open((*dir)->File("claims"));
//   std::string rec;
//   EncodeClaim(claim, &rec);
//   w.Add(rec);
//   absl::Status s = w.Close();                    // names the file on error
//   RecordReader r;
//   r.Open((*dir)->File("claims"));
//   SpillCache cache;
//   while (r.Next(&rec)) DecodeClaim(rec, &cache, &claim);
#ifndef CROSSCHECK_CHECKER_PIPELINE_SPILL_H_
#define CROSSCHECK_CHECKER_PIPELINE_SPILL_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/result.h"
#include "checker/core/types.h"

namespace crosscheck::pipeline {

// Hands memory freed since the last call back to the system. A streamed
// check frees a batch's texts and segments while it keeps small
// allocations of every document, and frees large tables between the
// phases of judging a spill; the allocator keeps the freed pages
// otherwise, and the resident size climbs with the corpus. Whichever
// allocator the binary runs with: tcmalloc when linked (or preloaded), its
// C entry point is then defined; glibc's malloc otherwise.
void ReleaseFreedMemory();

// Texts that consecutive records usually share (the claims of one sentence,
// a group's subject): decoding reuses the last buffer instead of a copy.
struct SpillCache {
  SharedString sentence;
  SharedString subject;
};

void EncodeClaim(const Claim& c, std::string* out);
// False on a malformed record.
bool DecodeClaim(absl::string_view in, SpillCache* cache, Claim* c);
void EncodeFinding(const Finding& f, std::string* out);
bool DecodeFinding(absl::string_view in, SpillCache* cache, Finding* f);
// A document without its blocks, segments or info (which are not written):
// what the reports show of it.
void EncodeDocument(const DocumentResult& d, std::string* out);
bool DecodeDocument(absl::string_view in, DocumentResult* d);
// A document's info without its MinHash signature (which reports never
// show; DecodeDocumentInfo leaves it empty).
void EncodeDocumentInfo(const DocumentInfo& d, std::string* out);
bool DecodeDocumentInfo(absl::string_view in, DocumentInfo* d);

// A directory made for one run under `parent`; removed, with everything in
// it, by the destructor, or on SIGINT/SIGTERM (when those still have their
// default action) before the process ends. Errors name the directory.
class TempDir {
 public:
  static absl::StatusOr<std::unique_ptr<TempDir>> Create(
      const std::string& parent);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(absl::string_view name) const;

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
  int slot_ = -1;  // in the signal handler's list, if any
};

// Appends records to a file, buffered. Errors are kept and returned by
// Close() (naming the file); records added after one are dropped.
class RecordWriter {
 public:
  RecordWriter() = default;
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;
  ~RecordWriter();
  absl::Status Open(const std::string& path, size_t buffer_bytes = 1 << 16);
  bool is_open() const { return file_ != nullptr; }
  void Add(absl::string_view record);
  // Appends `record` without its length: for records of one fixed size,
  // read back at any index by FixedRecordReader.
  void AddFixed(absl::string_view record);
  uint64_t count() const { return count_; }
  absl::Status Close();

 private:
  void Drain();
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  size_t buffer_bytes_ = 0;
  uint64_t count_ = 0;
  absl::Status status_;
};

// Reads the records of a RecordWriter's file back, in order.
class RecordReader {
 public:
  RecordReader() = default;
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;
  ~RecordReader();
  absl::Status Open(const std::string& path, size_t buffer_bytes = 1 << 16);
  // The next record into `record`; false at the end or on an error (then
  // status() says which).
  bool Next(std::string* record);
  const absl::Status& status() const { return status_; }

 private:
  bool Fill(size_t need);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  size_t pos_ = 0;
  size_t buffer_bytes_ = 0;
  absl::Status status_;
};

// Reads records of one fixed size (RecordWriter::AddFixed) at any index.
class FixedRecordReader {
 public:
  FixedRecordReader() = default;
  FixedRecordReader(const FixedRecordReader&) = delete;
  FixedRecordReader& operator=(const FixedRecordReader&) = delete;
  ~FixedRecordReader();
  absl::Status Open(const std::string& path, size_t record_bytes);
  // Record `index` into `out` (record_bytes bytes); false on an error (then
  // status() says which).
  bool Read(uint64_t index, char* out);
  const absl::Status& status() const { return status_; }

 private:
  std::string path_;
  int fd_ = -1;
  size_t record_bytes_ = 0;
  absl::Status status_;
};

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_SPILL_H_
