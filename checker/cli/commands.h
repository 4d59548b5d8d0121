// crosscheck's subcommands. Each takes the whole argv (argv[1] is the
// command name) and returns the process exit code.
#ifndef CROSSCHECK_CHECKER_CLI_COMMANDS_H_
#define CROSSCHECK_CHECKER_CLI_COMMANDS_H_

namespace crosscheck::cli {

inline constexpr int kExitClean = 0;     // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitUsage = 2;     // usage, configuration or input error

int RunCheckCommand(int argc, char** argv);
int RunExtractCommand(int argc, char** argv);
int RunAlignCommand(int argc, char** argv);
int RunBaselineCommand(int argc, char** argv);
int RunReviewCommand(int argc, char** argv);
int RunRulesCommand(int argc, char** argv);

}  // namespace crosscheck::cli

#endif  // CROSSCHECK_CHECKER_CLI_COMMANDS_H_
