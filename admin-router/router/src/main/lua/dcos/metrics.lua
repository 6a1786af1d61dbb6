-- Request counters per route and status class, and time spent, shown in Prometheus text format at
-- /nginx/metrics. Each worker counts in a plain Lua table (no lock, no shared memory on the request
-- path) and adds its counts to the shared dict every `flush_interval` seconds from a timer, and on
-- exit; a scrape adds the answering worker's own counts first, so other workers' counts are at most
-- one interval behind.
local M = {}
local dict = ngx.shared.dcos_metrics

-- Counts of this worker not yet in the shared dict: key -> number.
local pending = {}
local pending_keys = 0
-- Keys are built once per route and status class, not per request.
local request_keys = {}
local seconds_keys = {}
local upstream_keys = {}
local MAX_PENDING_KEYS = 1000

local function add(key, value)
  local v = pending[key]
  if v then
    pending[key] = v + value
  else
    pending[key] = value
    pending_keys = pending_keys + 1
  end
end

-- Moves this worker's counts into the shared dict.
function M.flush()
  if pending_keys == 0 then
    return
  end
  local counts = pending
  pending, pending_keys = {}, 0
  for key, value in pairs(counts) do
    local _, err = dict:incr(key, value, 0)
    if err then
      ngx.log(ngx.WARN, "cannot count ", key, ": ", err)
    end
  end
end

-- Starts the periodic flush of this worker; called from init_worker_by_lua.
function M.start(interval)
  -- Also runs once more, premature, when the worker exits: its last counts are kept.
  local ok, err = ngx.timer.every(interval, M.flush)
  if not ok then
    ngx.log(ngx.ERR, "cannot start the metrics flush: ", err)
  end
end

function M.record(route, status, seconds, upstream_seconds)
  local by_class = request_keys[route]
  if not by_class then
    by_class = {}
    request_keys[route] = by_class
    seconds_keys[route] = "seconds|" .. route
    upstream_keys[route] = "upstream_seconds|" .. route
  end
  local class = status - status % 100
  local key = by_class[class]
  if not key then
    key = "requests|" .. route .. "|" .. (class / 100) .. "xx"
    by_class[class] = key
  end
  add(key, 1)
  add(seconds_keys[route], seconds)
  if upstream_seconds then
    add(upstream_keys[route], upstream_seconds)
  end
  if pending_keys > MAX_PENDING_KEYS then
    M.flush()
  end
end

function M.render()
  M.flush()
  local lines = {
    "# HELP dcos_router_requests_total Requests answered, by route and status class.",
    "# TYPE dcos_router_requests_total counter",
  }
  local seconds = {
    "# HELP dcos_router_request_seconds_total Time spent answering requests, by route.",
    "# TYPE dcos_router_request_seconds_total counter",
  }
  local upstream = {
    "# HELP dcos_router_upstream_seconds_total Time spent waiting for upstreams, by route.",
    "# TYPE dcos_router_upstream_seconds_total counter",
  }
  local names = dict:get_keys(0)
  table.sort(names)
  for _, k in ipairs(names) do
    local kind, route, class = k:match("^([^|]+)|([^|]+)|?(.*)$")
    local v = dict:get(k)
    if kind == "requests" then
      lines[#lines + 1] = string.format('dcos_router_requests_total{route="%s",status="%s"} %d', route, class, v)
    elseif kind == "seconds" then
      seconds[#seconds + 1] = string.format('dcos_router_request_seconds_total{route="%s"} %.3f', route, v)
    elseif kind == "upstream_seconds" then
      upstream[#upstream + 1] = string.format('dcos_router_upstream_seconds_total{route="%s"} %.3f', route, v)
    end
  end
  local shared = "# TYPE dcos_router_connections gauge\ndcos_router_connections{state=\"active\"} "
    .. (ngx.var.connections_active or 0)
  return table.concat(lines, "\n") .. "\n" .. table.concat(seconds, "\n") .. "\n"
    .. table.concat(upstream, "\n") .. "\n" .. shared .. "\n"
end

return M
