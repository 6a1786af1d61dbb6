-- /service/<name>/: Marathon apps labelled DCOS_SERVICE_NAME (with DCOS_SERVICE_SCHEME and
-- DCOS_SERVICE_PORT_INDEX) that have running tasks (healthy, when health checked), else an active framework of that name with a
-- webui_url. Both tables come from cache.lua: a new app is routed on the first request after it
-- runs, a deleted one stops being routed within route_ttl.
local cache = require "dcos.cache"
local cjson = require "cjson.safe"
local leader = require "dcos.leader"

local M = {}
local APPS, FRAMEWORKS = "routes:apps", "routes:frameworks"

-- Marathon's /v2/apps JSON to {name = {"scheme://host:port", ...}}.
function M.app_routes(doc)
  local routes = {}
  for _, app in ipairs(type(doc) == "table" and doc.apps or {}) do
    local labels = type(app.labels) == "table" and app.labels or {}
    local name = labels.DCOS_SERVICE_NAME
    if type(name) == "string" and name ~= "" then
      local scheme = labels.DCOS_SERVICE_SCHEME or "http"
      local index = (tonumber(labels.DCOS_SERVICE_PORT_INDEX or "0") or 0) + 1
      local targets = {}
      for _, task in ipairs(app.tasks or {}) do
        local port = type(task.ports) == "table" and task.ports[index]
        local healthy = true
        for _, check in ipairs(type(task.healthCheckResults) == "table" and task.healthCheckResults or {}) do
          healthy = healthy and check.alive ~= false
        end
        if (task.state == nil or task.state == "TASK_RUNNING") and healthy and task.host and port then
          targets[#targets + 1] = scheme .. "://" .. task.host .. ":" .. port
        end
      end
      if #targets > 0 then
        routes[name] = targets
      end
    end
  end
  return routes
end

local function fetch_apps()
  local res = ngx.location.capture("/internal/marathon/apps")
  if res.status ~= 200 then
    ngx.log(ngx.WARN, "Marathon apps unavailable: ", res.status)
    return nil
  end
  return M.app_routes(cjson.decode(res.body))
end

local function fetch_frameworks(settings)
  return function()
    local doc = leader.query(settings, "/master/frameworks")
    if not doc then
      return nil
    end
    local routes = {}
    for _, f in ipairs(doc.frameworks or {}) do
      local url = f.webui_url
      if f.active ~= false and type(url) == "string" and url:match("^https?://") then
        routes[f.name] = { (url:gsub("/$", "")) }
      end
    end
    return routes
  end
end

-- A base URL ("http://host:port") for service name, or nil.
function M.resolve(settings, name)
  local targets =
    cache.lookup(APPS, fetch_apps, name, settings.route_ttl, settings.min_refresh)
    or cache.lookup(FRAMEWORKS, fetch_frameworks(settings), name, settings.route_ttl, settings.min_refresh)
  if not targets or #targets == 0 then
    return nil
  end
  return targets[math.random(#targets)]
end

function M.forget()
  cache.forget(APPS)
  cache.forget(FRAMEWORKS)
end

return M
