-- Route tables cached in a shared dict for all workers. A table lives `ttl` seconds; a name not
-- found in a cached table triggers a refresh (at most every `min_refresh` seconds), so new routes
-- appear at once and removed ones go within `ttl`. One request refreshes while the others keep the
-- stale copy, and a failed refresh keeps the stale copy: no request waits behind a slow upstream
-- longer than one bounded subrequest.
local cjson = require "cjson.safe"

local M = {}
local dict = ngx.shared.dcos_cache

-- The last table decoded by this worker for each key, with its version: while the shared version
-- is unchanged a hit costs one read of a number, whatever the table's size.
local decoded = {}

local function decode(key, raw, version)
  if not raw then
    return nil
  end
  local last = decoded[key]
  if last and last.raw == raw then
    last.version = version
    return last.value
  end
  local value = cjson.decode(raw)
  decoded[key] = { raw = raw, value = value, version = version }
  return value
end

local function refresh(key, fetch, ttl)
  local fresh = fetch()
  dict:delete(key .. ":lock")
  if fresh ~= nil then
    -- The table first, then its version (unique over time), both living ttl seconds.
    local version = dict:incr(key .. ":seq", 1, 0)
    dict:set(key, cjson.encode(fresh), ttl)
    dict:set(key .. ":v", version, ttl)
    dict:set(key .. ":at", ngx.now())
  end
  return fresh
end

local function load(key, fetch, ttl)
  local version = dict:get(key .. ":v")
  local last = decoded[key]
  if version and last and last.version == version then
    return last.value, false
  end
  local raw = dict:get(key)
  if raw then
    return decode(key, raw, version), false
  end
  local stale = dict:get_stale(key)
  if stale and not dict:add(key .. ":lock", true, 2) then
    return decode(key, stale), false
  end
  local fresh = refresh(key, fetch, ttl)
  if fresh == nil then
    return decode(key, stale), false
  end
  return fresh, true
end

-- The entry `name` of the table `key`, built by fetch() (nil when the upstream failed).
function M.lookup(key, fetch, name, ttl, min_refresh)
  local t, fresh = load(key, fetch, ttl)
  if t and t[name] ~= nil then
    return t[name]
  end
  if fresh then
    return nil
  end
  local at = dict:get(key .. ":at") or 0
  if ngx.now() - at < min_refresh then
    return nil
  end
  if not dict:add(key .. ":lock", true, 2) then
    return nil
  end
  t = refresh(key, fetch, ttl)
  return t and t[name]
end

-- Forgets table `key`, after its upstream failed: the next request rebuilds it.
function M.forget(key)
  dict:delete(key .. ":v")
  dict:delete(key)
end

-- A single value (such as the leader) cached for ttl seconds.
function M.get(key)
  return dict:get(key)
end

function M.set(key, value, ttl)
  dict:set(key, value, ttl)
end

return M
