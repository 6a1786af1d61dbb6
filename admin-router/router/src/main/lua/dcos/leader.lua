-- The leading master's host:port. Asked of any master with /master/redirect (the internal location
-- tries each master in turn with short timeouts), cached for leader_ttl seconds and forgotten as
-- soon as a request to the cached leader fails, so /mesos/ follows a failover.
local cache = require "dcos.cache"

local M = {}
local KEY = "mesos:leader"

function M.get(settings)
  local leader = cache.get(KEY)
  if leader then
    return leader
  end
  local res = ngx.location.capture("/internal/mesos/redirect")
  if res.status == 307 or res.status == 302 then
    local location = res.header["Location"] or ""
    leader = location:match("^%a*:?//([^/?]+)")
    if leader then
      cache.set(KEY, leader, settings.leader_ttl)
      return leader
    end
  end
  return nil, "no leading master (masters answered " .. res.status .. ")"
end

function M.forget()
  cache.forget(KEY)
end

-- GET path on the leader through the internal location; the decoded JSON or nil.
function M.query(settings, path)
  local leader = M.get(settings)
  if not leader then
    return nil
  end
  local res = ngx.location.capture("/internal/leader" .. path, { ctx = { leader = leader } })
  if res.status ~= 200 then
    M.forget()
    return nil
  end
  return require("cjson.safe").decode(res.body)
end

return M
