-- Request counters per route and status class, and time spent, shown in Prometheus text format at
-- /nginx/metrics.
local M = {}
local dict = ngx.shared.dcos_metrics

function M.record(route, status, seconds, upstream_seconds)
  local class = math.floor(status / 100) .. "xx"
  dict:incr("requests|" .. route .. "|" .. class, 1, 0)
  dict:incr("seconds|" .. route, seconds, 0)
  if upstream_seconds then
    dict:incr("upstream_seconds|" .. route, upstream_seconds, 0)
  end
end

function M.render()
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
