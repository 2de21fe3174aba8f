// extract_html_text: writes the main text that ingest extracts from each HTML
// page in a directory (plain or .gz) to OUT_DIR/<page name>.txt, one file per
// page, for scoring with an external benchmark (see tools/eval-html-extraction).
// Usage: extract_html_text PAGES_DIR OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>

#include "ingest/document_source.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: extract_html_text PAGES_DIR OUT_DIR\n";
    return 1;
  }
  namespace ingest = crosscheck::ingest;
  const std::filesystem::path out_dir = argv[2];
  std::filesystem::create_directories(out_dir);
  ingest::IngestOptions options;
  options.on_error = [](const ingest::InputError&) {};  // pages without text score as empty
  auto source = ingest::DocumentSource::Open({argv[1]}, options);
  if (!source) return 1;
  crosscheck::Document doc;
  size_t pages = 0;
  while (source->Next(&doc)) {
    std::string name = doc.id;  // "NAME.html.gz" or "NAME.html"
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
    std::ofstream(out_dir / (name + ".txt"), std::ios::binary) << doc.text << '\n';
    ++pages;
  }
  std::cerr << "extract_html_text: " << pages << " pages with text, " << source->error_count()
            << " without\n";
  return 0;
}
