// serve/web_assets.h: the web page's files (src/serve/web/), embedded in the
// binary at build time by src/serve/embed_assets.cmake.
#pragma once
#include <span>
#include <string_view>

namespace crosscheck::serve {

struct WebAsset {
  std::string_view name;   // file name: "app.js"
  std::string_view bytes;
};

std::span<const WebAsset> WebAssets();

}  // namespace crosscheck::serve
