-- /agent/<id>/: the agent's host:port from the leader's /master/slaves, cached like service routes.
local cache = require "dcos.cache"
local leader = require "dcos.leader"

local M = {}
local KEY = "routes:agents"

function M.resolve(settings, id)
  return cache.lookup(KEY, function()
    local doc = leader.query(settings, "/master/slaves")
    if not doc then
      return nil
    end
    local routes = {}
    for _, a in ipairs(doc.slaves or {}) do
      local host, port = a.hostname, a.port
      if a.pid then
        local h, p = a.pid:match("@([^:]+):(%d+)$")
        host, port = host or h, port or p
      end
      if a.id and host and port then
        routes[a.id] = host .. ":" .. port
      end
    end
    return routes
  end, id, settings.route_ttl, settings.min_refresh)
end

function M.forget()
  cache.forget(KEY)
end

return M
