// Step 1 of an ingest: one analysed document into its tables.
#include <cmath>
#include <ctime>

#include "cluster/document_record.h"
#include "core/binary_io.h"
#include "core/json_writer.h"
#include "store/analysis_codec.h"
#include "store/ingest_steps.h"

namespace crosscheck::store {
namespace {

std::string Hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = digits[v & 15];
  return out;
}

std::string ExtraJson(const Document& doc) {
  if (doc.extra.empty()) return {};
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  for (const auto& [key, raw] : doc.extra) { w.Key(key); w.Raw(raw); }
  w.EndObject();
  return out;
}

std::string AttributionJson(const Claim& claim) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const Attribution& a : claim.attribution) w.String(a.source);
  w.EndArray();
  return out;
}

}  // namespace

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string ContentHash(std::string_view text) {
  const uint64_t a = HashString(text);
  const uint64_t b = Mix64(FnvBytes(0x84222325cbf29ce4ull, text) ^ text.size());
  return Hex64(a) + Hex64(b);
}

struct DocumentInserter::Statements {
  explicit Statements(Db& db)
      : document(db, "INSERT INTO documents(id, url, content_hash, source, title, date, day, language, origin, extra,"
                     " text, tokens, sentences, analysis, record, ingested)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        sentence(db, "INSERT INTO sentences(doc, n, begin, end, paragraph) VALUES (?,?,?,?,?)"),
        entity(db, "INSERT INTO entities(doc, n, name, type, mentions, place) VALUES (?,?,?,?,?,?)"),
        claim(db, "INSERT INTO claims(doc, n, sentence, event, trigger, agent, patient, value_low, value_high,"
                  " modality, attributed_to, begin, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        quote(db, "INSERT INTO quotes(doc, n, sentence, kind, speaker, verb, begin, end) VALUES (?,?,?,?,?,?,?,?)"),
        fts(db, "INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)") {}
  Stmt document, sentence, entity, claim, quote, fts;
  Db* db = nullptr;
};

DocumentInserter::DocumentInserter(Db& db) : s_(std::make_unique<Statements>(db)) { s_->db = &db; }
DocumentInserter::~DocumentInserter() = default;

StoredDocumentLookup::StoredDocumentLookup(std::unique_ptr<Db> db)
    : db_(std::move(db)),
      by_id_(*db_, "SELECT 1 FROM documents WHERE id = ?"),
      by_url_(*db_, "SELECT 1 FROM documents WHERE url = ? AND content_hash = ? AND url <> ''") {}

Result<std::unique_ptr<StoredDocumentLookup>> StoredDocumentLookup::Open(const std::string& path) {
  auto db = Db::Open(path, true);
  if (!db.ok()) return db.status();
  return std::unique_ptr<StoredDocumentLookup>(new StoredDocumentLookup(std::move(db).value()));
}

bool StoredDocumentLookup::Contains(const Document& doc, const std::string& content_hash) {
  by_id_.Bind(1, doc.id);
  const bool by_id = by_id_.Step();
  by_id_.Reset();
  if (by_id || doc.url.empty()) return by_id;
  by_url_.Bind(1, doc.url).Bind(2, content_hash);
  const bool by_url = by_url_.Step();
  by_url_.Reset();
  return by_url;
}

Result<int64_t> DocumentInserter::Insert(const AnalyzedDocument& d, const std::string& ingested) {
  const Document& doc = d.doc;
  const cluster::DocumentRecord record = cluster::MakeRecord(d);
  Stmt& st = s_->document;
  st.Bind(1, doc.id).Bind(2, doc.url).Bind(3, ContentHash(doc.text)).Bind(4, doc.source).Bind(5, doc.title)
      .Bind(6, doc.date);
  if (record.time == cluster::kUnknownTime) st.BindNull(7); else st.Bind(7, record.time);
  st.Bind(8, doc.language).Bind(9, doc.origin).BindOrNull(10, ExtraJson(doc)).Bind(11, doc.text)
      .Bind(12, static_cast<int64_t>(d.tokens.size())).Bind(13, static_cast<int64_t>(d.sentences.size()))
      .BindBlob(14, EncodeAnalysis(d)).BindBlob(15, EncodeRecord(record)).Bind(16, ingested);
  if (Status s = st.Run(); !s.ok()) return Status::Error(doc.id + ": " + s.message());
  const int64_t key = s_->db->LastInsertRowid();

  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const Sentence& s = d.sentences[i];
    s_->sentence.Bind(1, key).Bind(2, static_cast<int64_t>(i)).Bind(3, s.span.begin).Bind(4, s.span.end).Bind(5, s.paragraph);
    if (Status e = s_->sentence.Run(); !e.ok()) return e;
  }
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const Entity& e = d.entities[i];
    s_->entity.Bind(1, key).Bind(2, static_cast<int64_t>(i)).Bind(3, e.name).Bind(4, e.type)
        .Bind(5, static_cast<int64_t>(e.mentions.size())).Bind(6, e.place.source_id);
    if (Status s = s_->entity.Run(); !s.ok()) return s;
  }
  for (size_t i = 0; i < d.claims.size(); ++i) {
    const Claim& c = d.claims[i];
    std::optional<double> low, high;
    if (c.quantity >= 0 && static_cast<size_t>(c.quantity) < d.quantities.size()) {
      const Quantity& q = d.quantities[c.quantity];
      if (std::isfinite(q.low)) low = q.low;
      if (std::isfinite(q.high)) high = q.high;
    }
    s_->claim.Bind(1, key).Bind(2, static_cast<int64_t>(i)).Bind(3, c.sentence).Bind(4, c.event).Bind(5, c.trigger)
        .Bind(6, c.agent).Bind(7, c.patient).BindOrNull(8, low).BindOrNull(9, high).Bind(10, c.modality)
        .Bind(11, AttributionJson(c)).Bind(12, c.span.begin).Bind(13, c.span.end);
    if (Status s = s_->claim.Run(); !s.ok()) return s;
  }
  for (size_t i = 0; i < d.quotes.size(); ++i) {
    const Quote& q = d.quotes[i];
    s_->quote.Bind(1, key).Bind(2, static_cast<int64_t>(i)).Bind(3, q.sentence).Bind(4, q.kind).Bind(5, q.speaker)
        .Bind(6, q.verb).Bind(7, q.content.begin).Bind(8, q.content.end);
    if (Status s = s_->quote.Run(); !s.ok()) return s;
  }
  s_->fts.Bind(1, key).Bind(2, doc.title).Bind(3, doc.text);
  if (Status s = s_->fts.Run(); !s.ok()) return s;
  return key;
}

}  // namespace crosscheck::store
