#include "cluster/stream_order.h"

#include <gtest/gtest.h>

namespace crosscheck::cluster {
namespace {

TEST(StreamOrder, SplitsOriginIntoFileAndPosition) {
  EXPECT_EQ(StreamOrder::SplitOrigin("feeds/a.jsonl:17"), (std::pair<std::string_view, uint64_t>{"feeds/a.jsonl", 17}));
  EXPECT_EQ(StreamOrder::SplitOrigin("cc/x.warc.gz@5120"), (std::pair<std::string_view, uint64_t>{"cc/x.warc.gz", 5120}));
  EXPECT_EQ(StreamOrder::SplitOrigin("examples/000_9c69.txt"), (std::pair<std::string_view, uint64_t>{"examples/000_9c69.txt", 0}));
  EXPECT_EQ(StreamOrder::SplitOrigin("2017-07-18.txt"), (std::pair<std::string_view, uint64_t>{"2017-07-18.txt", 0}));
  EXPECT_EQ(StreamOrder::SplitOrigin("-:3"), (std::pair<std::string_view, uint64_t>{"-", 3}));
}

TEST(StreamOrder, OrdersByDateThenFileThenNumericPositionUndatedFirst) {
  StreamOrder order;
  order.Add("2017-07-18", "b.warc.gz@100");  // 0
  order.Add("2017-07-18", "b.warc.gz@99");   // 1: 99 < 100 as numbers, not as text
  order.Add("2017-07-17", "z.jsonl:5");      // 2: earlier date first
  order.Add("", "c.txt");                    // 3: undated first
  order.Add("2017-07-18", "a.jsonl:7");      // 4: file a before b on the same date
  order.Add("2017-07-18T09:30:00Z", "a.jsonl:2");  // 5: day precision, like the clusterer
  EXPECT_EQ(order.Order(), (std::vector<uint64_t>{3, 2, 5, 4, 1, 0}));
}

TEST(StreamOrder, GivesTheSameOrderWhateverOrderTheDocumentsArrive) {
  // The same documents as two shards read in either order.
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"2017-04-01", "a.jsonl:1"}, {"2017-04-01", "a.jsonl:2"}, {"2017-04-02", "a.jsonl:3"},
      {"2017-04-01", "b.jsonl:1"}, {"", "b.jsonl:2"}, {"2017-04-02", "b.jsonl:3"}};
  auto ordered_origins = [&](const std::vector<size_t>& arrival) {
    StreamOrder order;
    for (size_t i : arrival) order.Add(docs[i].first, docs[i].second);
    std::vector<std::string> out;
    for (uint64_t k : order.Order()) out.push_back(docs[arrival[k]].second);
    return out;
  };
  EXPECT_EQ(ordered_origins({0, 2, 4, 1, 3, 5}), ordered_origins({1, 3, 5, 0, 2, 4}));
  EXPECT_EQ(ordered_origins({0, 1, 2, 3, 4, 5}).front(), "b.jsonl:2");
}

}  // namespace
}  // namespace crosscheck::cluster
