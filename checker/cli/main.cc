// crosscheck command-line entry point: parses flags, wires the pipeline
// stages and maps outcomes to exit codes. No checking logic lives here.
//
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
// configuration or unusable input.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "checker/cli/args.h"
#include "checker/cli/commands.h"

namespace crosscheck::cli {
namespace {

constexpr char kUsage[] =
    R"(crosscheck: compare what news sources say about the same story.

Usage: crosscheck <command> [options]

Commands:
  check PATH...        extract claims, align them across articles and report
                       agreements, conflicts, superseded claims, anachronisms
  extract PATH...      print every claim as JSON Lines (input of `align`)
  align CLAIMS.jsonl...
                       judge claims written by `extract` (map/reduce runs)
  baseline PATH... -o FILE
                       record the current findings as accepted
  review DRAFT --against PATH...
                       check a draft's claims against published sources
  rules test           run every rule's inline examples
  rules lint           validate rule packs

Run `crosscheck <command> --help` for a command's options.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
configuration or unusable input.
)";

}  // namespace

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "version") {
    std::cout << "crosscheck " << CROSSCHECK_VERSION << "\n";
    return kExitClean;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return kExitClean;
  }
  if (cmd == "check") return RunCheckCommand(argc, argv);
  if (cmd == "extract") return RunExtractCommand(argc, argv);
  if (cmd == "align") return RunAlignCommand(argc, argv);
  if (cmd == "baseline") return RunBaselineCommand(argc, argv);
  if (cmd == "review") return RunReviewCommand(argc, argv);
  if (cmd == "rules") return RunRulesCommand(argc, argv);
  std::cerr << "crosscheck: unknown command '" << cmd << "'\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace crosscheck::cli

int main(int argc, char** argv) { return crosscheck::cli::Main(argc, argv); }
