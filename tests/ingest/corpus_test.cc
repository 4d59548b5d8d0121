// ListCorpus: walking, ordering, de-duplication and diagnostics.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WithCode;

TEST(CorpusTest, WalksSortedSkipsHiddenAndNonArticles) {
  TempDir dir;
  dir.Write("b.txt", "B");
  dir.Write("a.md", "A");
  dir.Write("sub/c.html", "<p>C</p>");
  dir.Write("sub/d.jsonl", "{}");
  dir.Write("Z.ndjson", "{}");
  dir.Write(".hidden.txt", "H");
  dir.Write(".git/e.txt", "E");
  dir.Write("expected.json", "{}");
  dir.Write("EXPECTED.md", "notes");
  dir.Write("image.png", "\x89PNG");
  std::vector<Diagnostic> diags;
  std::vector<std::string> files = ListCorpus({dir.path()}, &diags);
  const std::vector<std::string> want = {
      dir.Join("Z.ndjson"), dir.Join("a.md"), dir.Join("b.txt"),
      dir.Join("sub/c.html"), dir.Join("sub/d.jsonl")};
  EXPECT_EQ(files, want);
  // image.png and EXPECTED.md are noted; expected.json is silent.
  auto skipped = WithCode(diags, "ingest.skipped-file");
  ASSERT_EQ(skipped.size(), 2u) << testing::Codes(diags);
  EXPECT_EQ(skipped[0].severity, Severity::kInfo);
  EXPECT_EQ(diags.size(), 2u) << testing::Codes(diags);
}

TEST(CorpusTest, ExplicitFilesAnyExtensionAndDeduplicated) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "A");
  const std::string data = dir.Write("notes.data", "text");
  std::vector<Diagnostic> diags;
  std::vector<std::string> files =
      ListCorpus({data, a, dir.path(), a, "-"}, &diags);
  const std::vector<std::string> want = {data, a, "-"};
  EXPECT_EQ(files, want);
  EXPECT_TRUE(diags.empty()) << testing::Codes(diags);
}

TEST(CorpusTest, MissingPath) {
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(ListCorpus({"/no/such/place.txt"}, &diags).empty());
  auto missing = WithCode(diags, "ingest.missing-path");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].path, "/no/such/place.txt");
  EXPECT_EQ(missing[0].severity, Severity::kError);
  // Reading it directly says the same.
  diags.clear();
  EXPECT_TRUE(ReadDocumentFile("/no/such/place.txt", {}, &diags).empty());
  EXPECT_EQ(WithCode(diags, "ingest.missing-path").size(), 1u);
}

TEST(CorpusTest, EmptyDirectory) {
  TempDir dir;
  fs::create_directories(dir.Join("empty/nested"));
  dir.Write("only-json/expected.json", "{}");
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(
      ListCorpus({dir.Join("empty"), dir.Join("only-json")}, &diags).empty());
  auto empty = WithCode(diags, "ingest.empty-directory");
  ASSERT_EQ(empty.size(), 2u);
  EXPECT_EQ(empty[0].path, dir.Join("empty"));
  EXPECT_EQ(empty[1].path, dir.Join("only-json"));
}

TEST(CorpusTest, SymlinkLoopDiagnosedAndWalkFinishes) {
  TempDir dir;
  dir.Write("root/a.txt", "A");
  dir.Write("root/sub/b.txt", "B");
  std::error_code ec;
  fs::create_directory_symlink(dir.Join("root"), dir.Join("root/sub/loop"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink(dir.Join("root/nowhere.txt"),
                     dir.Join("root/dangling.txt"), ec);
  ASSERT_FALSE(ec) << ec.message();
  std::vector<Diagnostic> diags;
  std::vector<std::string> files = ListCorpus({dir.Join("root")}, &diags);
  const std::vector<std::string> want = {dir.Join("root/a.txt"),
                                         dir.Join("root/sub/b.txt")};
  EXPECT_EQ(files, want);
  auto loops = WithCode(diags, "ingest.symlink-loop");
  ASSERT_EQ(loops.size(), 1u) << testing::Codes(diags);
  EXPECT_EQ(loops[0].path, dir.Join("root/sub/loop"));
  EXPECT_EQ(WithCode(diags, "ingest.broken-symlink").size(), 1u);
}

TEST(CorpusTest, SymlinkedDuplicateListedOnce) {
  TempDir dir;
  dir.Write("real/a.txt", "A");
  std::error_code ec;
  fs::create_directory_symlink(dir.Join("real"), dir.Join("alias"), ec);
  ASSERT_FALSE(ec);
  std::vector<Diagnostic> diags;
  std::vector<std::string> files = ListCorpus({dir.path()}, &diags);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0], dir.Join("alias/a.txt"));  // first in byte order
}

TEST(CorpusTest, UnreadableDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  TempDir dir;
  dir.Write("locked/a.txt", "A");
  fs::permissions(dir.Join("locked"), fs::perms::none);
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(ListCorpus({dir.Join("locked")}, &diags).empty());
  EXPECT_EQ(WithCode(diags, "ingest.unreadable").size(), 1u);
  fs::permissions(dir.Join("locked"), fs::perms::owner_all);
}

TEST(CorpusTest, ReadCorpusKeepsGoingPastBadFiles) {
  TempDir dir;
  dir.Write("a.txt", "Alpha text.\n");
  dir.Write("b.txt", std::string("\0\1\2binary", 9));
  dir.Write("c.txt", "Gamma text.\n");
  std::vector<Diagnostic> diags;
  std::vector<Document> docs = ReadCorpus({dir.path()}, {}, &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[1].id, "c");
  EXPECT_EQ(WithCode(diags, "ingest.binary").size(), 1u);
}

}  // namespace
}  // namespace crosscheck::ingest
