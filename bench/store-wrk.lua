-- wrk script for bench/store-bench: GET $PATH_PREFIX<id>$PATH_SUFFIX for the
-- story ids listed in the file $STORY_IDS, in turn.
local ids = {}
for line in io.lines(os.getenv("STORY_IDS")) do ids[#ids + 1] = line end
local prefix = os.getenv("PATH_PREFIX") or "/api/stories/"
local suffix = os.getenv("PATH_SUFFIX") or ""
local i = math.random(#ids)
request = function()
  i = i % #ids + 1
  return wrk.format("GET", prefix .. ids[i] .. suffix)
end
