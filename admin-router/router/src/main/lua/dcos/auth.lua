-- Authentication of every protected request: the token from "Authorization: token=...", "Bearer
-- ...", or the dcos-acs-auth-cookie cookie must be an RS256 JWT of the identity service, unexpired,
-- with a uid. Otherwise 401 with "WWW-Authenticate: oauthjwt" in the DC/OS error shape.
local cjson = require "cjson.safe"
local jwt = require "dcos.jwt"
local keys = require "dcos.keys"

local M = {}
-- Credentials already verified by this worker, until their token's exp: the signature is checked
-- once per token. The key is the Authorization header as sent (or the token of the cookie), so a
-- known header costs one lookup, without parsing.
local verified = require("resty.lrucache").new(2000)
local AUTH_COOKIE = "dcos-acs-auth-cookie"
local STRIPPED = { ["dcos-acs-auth-cookie"] = true, ["dcos-acs-info-cookie"] = true }

-- The cookies of a Cookie header, in order, as {name, value} pairs.
local function cookies(header)
  local list = {}
  for pair in header:gmatch("[^;]+") do
    local name, value = pair:match("^%s*([^=]-)%s*=%s*(.-)%s*$")
    if name then
      list[#list + 1] = { name = name, value = value }
    end
  end
  return list
end

-- The presented token, or nil, from the request's Authorization and Cookie headers (read once by
-- the caller), and the string it came in (the header, or the cookie's value). The cookie header is
-- only parsed when it holds the login cookie's name.
function M.token(authorization, cookie)
  if authorization then
    local t = authorization:match("^token=(%S+)%s*$") or authorization:match("^[Bb]earer%s+(%S+)%s*$")
    if t then
      return t, authorization
    end
  end
  if cookie and cookie:find(AUTH_COOKIE, 1, true) then
    for _, c in ipairs(cookies(cookie)) do
      if c.name == AUTH_COOKIE and c.value ~= "" then
        return c.value, c.value
      end
    end
  end
  return nil
end

-- Removes the DC/OS login cookies of the Cookie header before the request goes to a service; keeps
-- the others. A header without them is left as it is, unparsed.
function M.strip_cookies(cookie)
  if not cookie or not cookie:find("dcos-acs-", 1, true) then
    return
  end
  local list = cookies(cookie)
  local kept = {}
  for _, c in ipairs(list) do
    if not STRIPPED[c.name] then
      kept[#kept + 1] = c.name .. "=" .. c.value
    end
  end
  if #kept ~= #list then
    ngx.req.set_header("Cookie", #kept > 0 and table.concat(kept, "; ") or nil)
  end
end

function M.reject(status, code, description)
  ngx.status = status
  if status == 401 then
    ngx.header["WWW-Authenticate"] = "oauthjwt"
  end
  ngx.header["Content-Type"] = "application/json"
  ngx.say(cjson.encode({
    title = status == 401 and "Unauthorized" or "Service Unavailable",
    description = description,
    code = code,
  }))
  return ngx.exit(ngx.HTTP_OK)
end

-- The uid of a valid token presented in the given headers; otherwise the request ends here with 401
-- (or 503 without a key).
function M.require(settings, authorization, cookie)
  local known = authorization and verified:get(authorization)
  if known and known.exp > ngx.time() then
    return known.uid
  end
  local token, credential = M.token(authorization, cookie)
  if not token then
    return M.reject(401, "ERR_MISSING_AUTH_TOKEN", "Authentication token required.")
  end
  if credential ~= authorization then
    known = verified:get(credential)
    if known and known.exp > ngx.time() then
      return known.uid
    end
  end
  local key, err = keys.current(settings.key_ttl)
  if not key then
    ngx.log(ngx.ERR, "cannot check tokens: ", err)
    return M.reject(503, "ERR_IDENTITY_UNAVAILABLE", "Tokens cannot be checked right now.")
  end
  local claims, why = jwt.verify(token, key, ngx.time())
  if not claims and why == "invalid token signature" and keys.refetch() then
    claims, why = jwt.verify(token, keys.current(settings.key_ttl), ngx.time())
  end
  if not claims then
    return M.reject(401, "ERR_INVALID_AUTH_TOKEN", "Invalid authentication token: " .. why .. ".")
  end
  verified:set(credential, { uid = claims.uid, exp = claims.exp }, claims.exp - ngx.time())
  return claims.uid
end

return M
