// Streamed reports: the bytes written a piece at a time equal the whole
// report, the JSON layout equals nlohmann's own indented dump, and the
// buffer handed to the writer stays small whatever the report's size.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/core/json_codec.h"
#include "checker/core/json_writer.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reports/report.h"
#include "reports/report_util.h"
#include "tests/reports/sample_result.h"

namespace crosscheck::reports {
namespace {

using nlohmann::json;
using testing::SampleResult;

namespace fs = std::filesystem;

RenderOptions Options() {
  RenderOptions o;
  o.tool_version = "9.9.9";
  return o;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Values whose compact and indented forms differ in every way the writer
// must reproduce: nesting, empty containers at any depth, and strings full
// of the characters that are structure outside a string.
std::vector<json> Trees() {
  return {
      json::object(),
      json::array(),
      json(nullptr),
      json(true),
      json(-12.5),
      json(1e20),
      json("a, \"b\": {c} [d] \\ e\n\t\x01"),
      json::array({1, json::array(), json::object(), "x"}),
      json{{"a", json::array({json::array({json::object(), 2}), "]"})},
           {"b", json{{"c", json{{"d", json::array()}}}}},
           {"e:", "{"},
           {"f", 0.15},
           {"g", std::string("bad \xff utf-8 \xc3(")}},
  };
}

TEST(PrettyJsonWriterTest, AValueIsIndentedLikeDump) {
  for (const json& t : Trees()) {
    ReportSink sink;
    PrettyJsonWriter w(&sink);
    w.Value(t);
    EXPECT_EQ(sink.Take(), Dump(t, 2)) << Dump(t, -1);
  }
}

TEST(PrettyJsonWriterTest, StreamedContainersEqualTheWholeDump) {
  // The trees as members of an object and as elements of an array two
  // levels down, written member by member.
  std::vector<json> trees = Trees();
  json whole = json::object();
  json inner = json::array();
  for (size_t i = 0; i < trees.size(); ++i) {
    whole[absl::StrCat("k", i)] = trees[i];
    inner.push_back(trees[i]);
  }
  whole["list"] = json::array({inner, json::array()});

  ReportSink sink;
  PrettyJsonWriter w(&sink);
  w.BeginObject();
  for (size_t i = 0; i < trees.size(); ++i) {
    w.Key(absl::StrCat("k", i));
    w.Value(trees[i]);
  }
  w.Key("list");
  w.BeginArray();
  w.BeginArray();
  for (const json& t : trees) w.CompactValue(Dump(t, -1));
  w.EndArray();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(sink.Take(), Dump(whole, 2));
}

TEST(PrettyJsonWriterTest, EmptyStreamedContainersAreBrackets) {
  ReportSink sink;
  PrettyJsonWriter w(&sink);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.EndArray();
  w.Key("b");
  w.BeginObject();
  w.EndObject();
  w.EndObject();
  EXPECT_EQ(sink.Take(), "{\n  \"a\": [],\n  \"b\": {}\n}");
}

TEST(PrettyJsonWriterTest, ClaimsFromTheStreamingCodecMatchTheirTrees) {
  for (const Claim& c : SampleResult().claims) {
    std::string compact;
    JsonWriter cw(&compact);
    WriteClaimJson(c, &cw);
    ReportSink sink;
    PrettyJsonWriter w(&sink);
    w.BeginArray();
    w.CompactValue(compact);
    w.EndArray();
    EXPECT_EQ(sink.Take(), Dump(json::array({ClaimToJson(c)}), 2));
  }
}

// The JSON reports are what nlohmann prints for their own parse: the same
// key order, indentation and number forms as the tree they used to be.
TEST(StreamedReportTest, JsonLayoutsAreNlohmanns) {
  CheckResult hostile = SampleResult(/*hostile=*/true);
  hostile.findings[0].message = "\xff\xfe\x01 {\"x\": [1, 2]}";
  for (const CheckResult& r : {SampleResult(), hostile, CheckResult()}) {
    for (const std::string& out :
         {RenderJson(r, Options()), RenderSarif(r, Options())}) {
      json j = json::parse(out, nullptr, false);
      ASSERT_FALSE(j.is_discarded());
      EXPECT_EQ(Dump(j, 2) + "\n", out);
    }
  }
}

// Many findings: a report of several megabytes.
CheckResult BigResult() {
  CheckResult r = SampleResult();
  const std::vector<Finding> base = r.findings;
  const std::vector<Claim> claims = r.claims;
  for (int i = 0; i < 6000; ++i) {
    for (Finding f : base) {
      f.fingerprint = absl::StrCat(f.fingerprint, "-", i);
      r.findings.push_back(std::move(f));
    }
    for (Claim c : claims) {
      c.id = absl::StrCat(c.id, "-", i);
      r.claims.push_back(std::move(c));
    }
  }
  return r;
}

TEST(StreamedReportTest, PiecesAreBoundedAndJoinToTheWholeReport) {
  const CheckResult r = BigResult();
  for (const std::string& format : FormatNames()) {
    const std::string whole = FindRenderer(format)->Render(r, Options());
    std::string joined;
    size_t pieces = 0, largest = 0;
    ReportSink sink([&](absl::string_view piece) {
      joined.append(piece.data(), piece.size());
      ++pieces;
      largest = std::max(largest, piece.size());
      return absl::OkStatus();
    });
    FindRenderer(format)->Write(r, Options(), &sink);
    ASSERT_TRUE(sink.Finish().ok()) << format;
    EXPECT_EQ(joined, whole) << format;
    if (format == "md") continue;  // capped: small whatever the findings
    EXPECT_GT(whole.size(), 2u << 20) << format;
    EXPECT_GE(pieces, 2u) << format;
    // A megabyte gathers, plus the record that crossed it.
    EXPECT_LT(largest, 2u << 20) << format;
  }
}

TEST(StreamedReportTest, AWriterErrorStopsTheWritingAndIsReturned) {
  const CheckResult r = BigResult();
  int calls = 0;
  ReportSink sink([&](absl::string_view) {
    ++calls;
    return absl::UnavailableError("disk full");
  });
  WriteText(r, Options(), &sink);
  absl::Status s = sink.Finish();
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(s.message(), "disk full");
  EXPECT_EQ(calls, 1);  // nothing more is written after a failure
}

TEST(StreamedReportTest, FilesAndStreamsGetTheRenderedBytes) {
  const fs::path dir =
      fs::temp_directory_path() /
      absl::StrCat("crosscheck-streaming-report-test-", getpid());
  fs::create_directories(dir);
  const CheckResult r = SampleResult();
  for (const std::string& format : FormatNames()) {
    const std::string want = *RenderFormat(format, r, Options());
    const fs::path file = dir / absl::StrCat("report.", format);
    ASSERT_TRUE(WriteReportFile(file.string(), format, r, Options()).ok());
    EXPECT_EQ(ReadAll(file), want) << format;
    std::ostringstream os;
    ASSERT_TRUE(WriteReport(os, format, r, Options()).ok());
    EXPECT_EQ(os.str(), want) << format;
  }
  absl::Status bad =
      WriteReportFile((dir / "report.pdf").string(), "pdf", r, Options());
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  std::ostringstream os;
  EXPECT_EQ(WriteReport(os, "pdf", r, Options()).code(),
            absl::StatusCode::kInvalidArgument);
  // Only the finished reports: no temporary file is left behind.
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
    ++files;
  }
  EXPECT_EQ(files, FormatNames().size());
  fs::remove_all(dir);
}

TEST(StreamedReportTest, AFailedFileWriteNamesThePathAndLeavesNothing) {
  const std::string path = "/nonexistent-crosscheck-dir/crosscheck.json";
  absl::Status s = WriteReportFile(path, "json", SampleResult(), Options());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path), absl::string_view::npos) << s.message();
}

}  // namespace
}  // namespace crosscheck::reports
