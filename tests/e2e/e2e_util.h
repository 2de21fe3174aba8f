// Helpers of the end-to-end tests: run the real binary, parse its JSONL.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

CommandResult RunCrosscheck(const std::string& args) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("crosscheck_e2e_" + std::to_string(::getpid()) + ".err");
  const std::string command = std::string(CROSSCHECK_BINARY) + " " + args + " 2>" + err_path.string();
  CommandResult run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  run.err.assign(std::istreambuf_iterator<char>(err), {});
  std::filesystem::remove(err_path);
  return run;
}

std::vector<nlohmann::json> ParseLines(const std::string& jsonl) {
  std::vector<nlohmann::json> docs;
  size_t start = 0;
  while (start < jsonl.size()) {
    const size_t end = jsonl.find('\n', start);
    const std::string line = jsonl.substr(start, end - start);
    if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return docs;
}

}  // namespace
