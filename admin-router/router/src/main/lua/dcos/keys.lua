-- The identity service's token signing key, fetched through an internal location and kept per
-- worker; it is fetched again after key_ttl, or early (at most every 5 s) when a token fails the
-- check, so that a new key is picked up. While the identity service is unreachable the last key
-- keeps working.
local jwt = require "dcos.jwt"

local M = {}
local dict = ngx.shared.dcos_cache
local key, fetched_at = nil, 0

local function fetch()
  local res = ngx.location.capture("/internal/acs/public-key")
  if res.status ~= 200 then
    return nil, "identity service answered " .. res.status
  end
  local k, err = jwt.load_key(res.body)
  if not k then
    return nil, err
  end
  return k
end

-- The current key, or nil and why.
function M.current(ttl)
  if key and ngx.now() - fetched_at < ttl then
    return key
  end
  local k, err = fetch()
  if k then
    key, fetched_at = k, ngx.now()
    return key
  end
  if key then
    return key
  end
  return nil, err
end

-- Fetches the key again unless that happened in the last 5 s (in any worker); true if refetched.
function M.refetch()
  if not dict:add("acs:refetch", true, 5) then
    return false
  end
  local k = fetch()
  if k then
    key, fetched_at = k, ngx.now()
    return true
  end
  return false
end

return M
