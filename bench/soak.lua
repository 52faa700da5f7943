-- Mixed reading and writing for bench/soak.sh: of every ten requests, five load the initiative
-- list page, three search the API, two rewrite one of the soak's initiatives over the API (each
-- write is a transaction with its audit entry). The session cookie, the API token and the ids of
-- the initiatives to rewrite come from the environment (PARAT_COOKIE, PARAT_TOKEN, PARAT_IDS).
local cookie = os.getenv("PARAT_COOKIE")
local token = os.getenv("PARAT_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("PARAT_IDS"), "%d+") do
  table.insert(ids, id)
end
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  local kind = n % 10
  local headers = { ["Cookie"] = cookie, ["Authorization"] = "Bearer " .. token }
  if kind < 5 then
    return wrk.format("GET", "/initiatives", headers)
  elseif kind < 8 then
    return wrk.format("GET", "/api/v1/initiatives?q=" .. (n % 7) .. "&page=1", headers)
  else
    headers["Content-Type"] = "application/json"
    local target = ids[(n + id) % #ids + 1]
    local body = string.format('{"name": "Soak %s", "topic": "integration", "target_group": "Unga vuxna %d-%d"}', target, id, n)
    return wrk.format("PUT", "/api/v1/initiatives/" .. target, headers, body)
  end
end

function done(summary, latency, requests)
  io.write(string.format("SLICE requests=%d errors=%d non2xx=%d p99_ms=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(99) / 1000))
end
