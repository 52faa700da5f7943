-- One submission per request through the open link in $QPATH, each as a new respondent: a
-- browser key of its own (the `parat_anon` cookie, which the form's CSRF field repeats) and the
-- twelve ORIC statements answered.
local path = os.getenv("QPATH")
local hex = "0123456789abcdef"

function setup(thread)
  thread:set("seed", math.random(1, 2 ^ 30))
end

function init(args)
  math.randomseed(seed + os.time())
end

local function key()
  local out = {}
  for i = 1, 64 do
    local n = math.random(1, 16)
    out[i] = hex:sub(n, n)
  end
  return table.concat(out)
end

request = function()
  local k = key()
  local body = "csrf=" .. k .. "&action=submit"
  for _, item in ipairs({"c1", "c2", "c3", "c4", "c5", "e1", "e2", "e3", "e4", "e5", "e6", "e7"}) do
    body = body .. "&a-" .. item .. "=" .. math.random(1, 5)
  end
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = "parat_anon=" .. k
  return wrk.format("POST", path, headers, body)
end
