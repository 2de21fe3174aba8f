// render_pictures: writes HTML pages holding the brief's pictures, for
// tools/render-pictures to screenshot with headless Chromium.
//   render_pictures OUTDIR            draws the synthetic example-shaped brief
//                                     of tests/report/svg_test_briefs.h
//   render_pictures OUTDIR many|single  the 40-outlet or the one-document test brief
//   render_pictures OUTDIR PAGE.html  takes the first <svg class="cc-pic ..."> of
//                                     each kind from PAGE (e.g. the HTML brief)
// Writes OUTDIR/pictures.html (all three) and, per picture NAME (figures,
// relays, timeline), pictures-NAME.html and pictures-NAME.svg; prints
// "NAME WIDTH HEIGHT" per picture.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "report/pictures.h"
#include "svg_test_briefs.h"

namespace {

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head>\n<body style=\"margin:16px;background:#fff;font-family:sans-serif\">\n" +
         body + "</body></html>\n";
}

// The first <svg ...cc-NAME...>...</svg> of each kind in `html`.
std::map<std::string, std::string> SvgsOf(const std::string& html) {
  std::map<std::string, std::string> out;
  for (size_t pos = html.find("<svg"); pos != std::string::npos; pos = html.find("<svg", pos + 4)) {
    size_t end = html.find("</svg>", pos);
    if (end == std::string::npos) break;
    std::string svg = html.substr(pos, end + 6 - pos), head = svg.substr(0, svg.find('>'));
    for (const char* name : {"figures", "relays", "timeline"})
      if (head.find(std::string("cc-") + name) != std::string::npos && !out.count(name)) out[name] = svg;
  }
  return out;
}

std::string Attribute(const std::string& svg, const std::string& name) {
  size_t at = svg.find(" " + name + "=\"");
  if (at == std::string::npos) return "0";
  at += name.size() + 3;
  return svg.substr(at, svg.find('"', at) - at);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: render_pictures OUTDIR [PAGE.html|many|single]\n";
    return 2;
  }
  std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  std::map<std::string, std::string> svgs;
  std::string arg = argc > 2 ? argv[2] : "";
  if (arg == "many" || arg == "single") {
    namespace t = crosscheck::report::testing;
    auto brief = arg == "many" ? t::ManyOutletsBrief(40) : t::SingleDocumentBrief();
    svgs["figures"] = crosscheck::report::FiguresSvg(brief);
    svgs["relays"] = crosscheck::report::RelayGraphSvg(brief);
    svgs["timeline"] = crosscheck::report::TimelineSvg(brief);
  } else if (argc > 2) {
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    svgs = SvgsOf(ss.str());
  } else {
    auto brief = crosscheck::report::testing::DeathTollBrief();
    svgs["figures"] = crosscheck::report::FiguresSvg(brief);
    svgs["relays"] = crosscheck::report::RelayGraphSvg(brief);
    svgs["timeline"] = crosscheck::report::TimelineSvg(brief);
  }
  std::string all;
  for (const auto& [name, svg] : svgs) {
    if (svg.empty()) continue;
    all += "<h2>" + name + "</h2>\n" + svg;
    std::ofstream(out / ("pictures-" + name + ".svg"), std::ios::binary) << svg;
    std::ofstream(out / ("pictures-" + name + ".html"), std::ios::binary) << Page(name, svg);
    std::cout << name << " " << Attribute(svg, "width") << " " << Attribute(svg, "height") << "\n";
  }
  std::ofstream(out / "pictures.html", std::ios::binary) << Page("crosscheck pictures", all);
  return 0;
}
