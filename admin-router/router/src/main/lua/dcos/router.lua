-- Entry points called from the generated nginx.conf: one per kind of route, and the log phase.
local auth = require "dcos.auth"
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

function M.settings()
  return settings
end

-- Sends the request to base ("scheme://host:port"): through the keepalive upstream "dynamic"
-- when host is an IP address, else by name (which needs ROUTER_RESOLVER).
local function route_to(base)
  local scheme, host, port = base:match("^(https?)://([^:/]+):(%d+)$")
  if scheme and host:match("^%d+%.%d+%.%d+%.%d+$") then
    ngx.ctx.peer = { host = host, port = tonumber(port) }
    ngx.var.backend = scheme .. "://dynamic"
  else
    ngx.var.backend = base
  end
end

-- balancer_by_lua of the upstream "dynamic": the peer chosen in the access phase.
function M.balance()
  local peer = ngx.ctx.peer
  local ok, err = require("ngx.balancer").set_current_peer(peer.host, peer.port)
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
  if settings.auth then
    ngx.ctx.uid = auth.require(settings)
  end
  if not keep_cookies then
    auth.strip_cookies()
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

-- Log phase: counts the request and forgets cached routes whose upstream just failed.
function M.log()
  local route = ngx.ctx.route or ngx.var.route or "other"
  local status = tonumber(ngx.var.status) or 0
  metrics.record(route, status, tonumber(ngx.var.request_time) or 0, tonumber(ngx.var.upstream_response_time))
  local upstream_status = ngx.var.upstream_status
  if upstream_status and ngx.var.backend and ngx.var.backend ~= "" then
    local failed = upstream_status:match("50[234]") or (route == "mesos" and upstream_status:match("307"))
    if failed then
      if route == "mesos" then
        leader.forget()
      elseif route == "service" then
        services.forget()
      elseif route == "agent" then
        agents.forget()
      end
    end
  end
end

function M.metrics()
  ngx.header["Content-Type"] = "text/plain; version=0.0.4"
  ngx.print(metrics.render())
end

return M
