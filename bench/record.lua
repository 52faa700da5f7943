-- One session per request through the API, on the episode in $EPISODE_PATH, each with a
-- submission key of its own (so that every request stores a new session, as distinct forms do).
local path = os.getenv("EPISODE_PATH")
local token = os.getenv("TOKEN")
local date = os.getenv("SESSION_DATE")
local counter = 0

function setup(thread)
  thread:set("id", math.random(1, 2 ^ 30))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"date": "%s", "ors": [5.5, 6, 4.5, 7], "srs": [9, 9.5, 8.5, 9], "submission": "bench-%d-%d"}',
    date, id, counter)
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. token
  return wrk.format("POST", path, headers, body)
end
