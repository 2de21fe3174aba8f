// The web page: one HTML shell for every page path (app.js renders the page
// from the JSON API), the embedded files under /assets/, and the brief
// stylesheet of report/. Files come only from the embedded table: no path
// reaches the file system.
#include "report/brief_writer.h"
#include "serve/routes.h"
#include "serve/web_assets.h"

namespace crosscheck::serve {
namespace {

// Page paths the shell answers (the rest of the path is read by app.js).
constexpr std::string_view kPages[] = {"/story/", "/doc/", "/entity/"};

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) { return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext; };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

const WebAsset* Find(std::string_view name) {
  for (const WebAsset& a : WebAssets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

void SendAsset(const WebAsset& asset, httplib::Response& res) {
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::string(asset.bytes), std::string(ContentType(asset.name)));
}

void SendShell(httplib::Response& res) {
  const WebAsset* shell = Find("index.html");
  if (!shell) { SendError(res, 500, "index.html is not embedded"); return; }
  // The page's own script and styles only; brief figures are inline SVG.
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  SendAsset(*shell, res);
}

}  // namespace

void HandleWeb(const httplib::Request& req, httplib::Response& res) {
  const std::string& path = req.path;
  if (path == "/" || path == "/index.html") return SendShell(res);
  for (std::string_view page : kPages) {
    if (path.size() > page.size() && path.compare(0, page.size(), page) == 0) return SendShell(res);
  }
  constexpr std::string_view kAssets = "/assets/";
  if (path.rfind(kAssets, 0) == 0) {
    const std::string_view name = std::string_view(path).substr(kAssets.size());
    if (name == "brief.css") {
      res.status = 200;
      res.set_header("Cache-Control", "no-cache");
      res.set_content(report::BriefStylesheet(), "text/css; charset=utf-8");
      return;
    }
    if (const WebAsset* asset = Find(name); asset && name != "index.html") return SendAsset(*asset, res);
  }
  if (path == "/favicon.ico") {
    if (const WebAsset* icon = Find("favicon.svg")) return SendAsset(*icon, res);
  }
  SendError(res, 404, "not found");
}

}  // namespace crosscheck::serve
