-- Entry points called from the generated nginx.conf: one per kind of route, and the log phase.
local auth = require "dcos.auth"
local balancer = require "ngx.balancer"
local agents = require "dcos.agents"
local cjson = require "cjson.safe"
local leader = require "dcos.leader"
local metrics = require "dcos.metrics"
local services = require "dcos.services"

local M = {}
local settings = {
  auth = true, -- false: a lab cluster without login
  key_ttl = 300, -- seconds a fetched signing key is used before it is fetched again
  route_ttl = 1, -- seconds a service or agent route table is trusted
  min_refresh = 0.2, -- shortest time between two refreshes caused by unknown names
  leader_ttl = 5, -- seconds the leading master is trusted without an error
  metrics_flush = 1, -- seconds between two flushes of a worker's request counts
}

-- Called once from init_by_lua with the values the generator wrote.
function M.configure(values)
  for k, v in pairs(values) do
    if settings[k] == nil then
      error("unknown router setting " .. k)
    end
    settings[k] = v
  end
  math.randomseed(ngx.now() * 1000)
end

-- Called from init_worker_by_lua in every worker.
function M.init_worker()
  metrics.start(settings.metrics_flush)
end

function M.settings()
  return settings
end

-- Targets parsed by this worker (at most 10,000, then forgotten): base -> { backend, peer }.
local targets = {}
local parsed_count = 0

local function parse(base)
  local scheme, host, port = base:match("^(https?)://([^:/]+):(%d+)$")
  if scheme and host:match("^%d+%.%d+%.%d+%.%d+$") then
    return { backend = scheme .. "://dynamic", peer = { host = host, port = tonumber(port) } }
  end
  return { backend = base }
end

-- Sends the request to base ("scheme://host:port"): through the keepalive upstream "dynamic"
-- when host is an IP address, else by name (which needs ROUTER_RESOLVER).
local function route_to(base)
  local t = targets[base]
  if not t then
    if parsed_count >= 10000 then
      targets, parsed_count = {}, 0
    end
    t = parse(base)
    targets[base] = t
    parsed_count = parsed_count + 1
  end
  ngx.ctx.peer = t.peer
  ngx.var.backend = t.backend
end

-- balancer_by_lua of the upstream "dynamic": the peer chosen in the access phase.
function M.balance()
  local peer = ngx.ctx.peer
  local ok, err = balancer.set_current_peer(peer.host, peer.port)
  if not ok then
    ngx.log(ngx.ERR, "cannot route to ", peer.host, ":", peer.port, ": ", err)
    return ngx.exit(502)
  end
end

local function not_found(description)
  ngx.status = 404
  ngx.header["Content-Type"] = "application/json"
  ngx.say(cjson.encode({ title = "Not Found", description = description, code = "ERR_NOT_FOUND" }))
  return ngx.exit(ngx.HTTP_OK)
end

local function unavailable(description)
  ngx.status = 503
  ngx.header["Content-Type"] = "application/json"
  ngx.say(cjson.encode({ title = "Service Unavailable", description = description, code = "ERR_UPSTREAM_UNAVAILABLE" }))
  return ngx.exit(ngx.HTTP_OK)
end

-- Access phase of every protected route: checks the token and strips the login cookies.
function M.protect(keep_cookies)
  ngx.ctx.route = ngx.var.route
  local cookie = ngx.var.http_cookie
  if settings.auth then
    ngx.ctx.uid = auth.require(settings, ngx.var.http_authorization, cookie)
  end
  if cookie and not keep_cookies then
    auth.strip_cookies(cookie)
  end
end

-- /mesos/...: the leading master, prefix stripped.
function M.mesos()
  M.protect()
  local target, err = leader.get(settings)
  if not target then
    return unavailable(err)
  end
  route_to("http://" .. target)
  ngx.req.set_uri(ngx.var.uri:sub(#"/mesos" + 1), false)
end

-- /service/<name>/...: a labelled Marathon app or a framework, prefix stripped.
function M.service()
  M.protect()
  local name, rest = ngx.var.uri:match("^/service/([^/]+)(/?.*)$")
  local target = name and services.resolve(settings, name)
  if not target then
    return not_found("No service named '" .. (name or "") .. "' is running.")
  end
  route_to(target)
  ngx.req.set_uri(rest ~= "" and rest or "/", false)
end

-- /agent/<id>/... and /slave/<id>/...: that agent, prefix stripped.
function M.agent()
  M.protect()
  local id, rest = ngx.var.uri:match("^/[%a]+/([^/]+)(/?.*)$")
  local target = id and agents.resolve(settings, id)
  if not target then
    return not_found("No agent with id '" .. (id or "") .. "'.")
  end
  route_to("http://" .. target)
  ngx.req.set_uri(rest ~= "" and rest or "/", false)
end

-- Log phase: counts the request and forgets cached routes whose upstream just failed (a 502, 503
-- or 504, or a 307 from a master that no longer leads).
function M.log()
  local route = ngx.ctx.route or ngx.var.route or "other"
  local status = ngx.status or 0
  local upstream_time = ngx.var.upstream_response_time
  metrics.record(route, status, ngx.now() - ngx.req.start_time(), upstream_time and tonumber(upstream_time))
  if upstream_time and (status == 502 or status == 503 or status == 504 or status == 307) then
    if route == "mesos" then
      leader.forget()
    elseif status == 307 or ngx.var.backend == "" then
      return
    elseif route == "service" then
      services.forget()
    elseif route == "agent" then
      agents.forget()
    end
  end
end

function M.metrics()
  ngx.header["Content-Type"] = "text/plain; version=0.0.4"
  ngx.print(metrics.render())
end

return M
