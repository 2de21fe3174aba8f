// Helpers for server tests: a store built with the real binary, the real
// `crosscheck serve` on a free loopback port, and raw HTTP for requests no
// well-behaved client would send.
#pragma once
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace crosscheck::serve::testing {

inline std::filesystem::path MakeTempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cc_serve_XXXXXX").string();
  return ::mkdtemp(tmpl.data());
}

inline pid_t Spawn(std::vector<std::string> args, const std::string& err_file) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  if (posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

inline int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The real server on 127.0.0.1 and a free port, stopped (SIGTERM) on destruction.
class RunningServer {
 public:
  RunningServer(const std::string& db, const std::string& token, const std::string& log) {
    std::vector<std::string> args = {CROSSCHECK_BINARY, "serve", "--db", db, "--port", "0", "--threads", "2"};
    if (!token.empty()) { args.push_back("--token"); args.push_back(token); }
    pid_ = Spawn(args, log);
    const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      std::smatch m;
      if (std::regex_search(text, m, url)) port_ = std::stoi(m[1]);
    }
  }
  ~RunningServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      exit_code_ = Wait(pid_);
    }
  }
  int port() const { return port_; }
  bool alive() const { return pid_ > 0 && ::kill(pid_, 0) == 0; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
};

// Sends `bytes` on a fresh connection and returns the status code of the
// answer (-1 if the server closed without one). Reads until one whole
// response has come. With `half_close` the sending side is shut after the
// bytes, for requests the server would otherwise wait on; httplib then takes
// the peer for gone and may close without answering.
inline int RawRequest(int port, const std::string& bytes, std::string* response = nullptr, bool half_close = false) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{15, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) { ::close(fd); return -1; }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);
  std::string in;
  char buf[8192];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) {
    in.append(buf, static_cast<size_t>(n));
    const size_t head = in.find("\r\n\r\n");
    if (head == std::string::npos) continue;
    const size_t length = in.find("Content-Length: ");
    const size_t body = length == std::string::npos || length > head ? 0 : std::stoul(in.substr(length + 16));
    if (in.size() >= head + 4 + body) break;
  }
  ::close(fd);
  if (response) *response = in;
  if (in.rfind("HTTP/1.", 0) != 0 || in.size() < 12) return -1;
  return std::atoi(in.c_str() + 9);
}

}  // namespace crosscheck::serve::testing
