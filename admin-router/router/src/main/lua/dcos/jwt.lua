-- RS256 JSON Web Tokens: signature checked with the identity service's public key (luaossl),
-- expiry enforced, the uid claim required. Pure: no nginx state besides base64 decoding.
local cjson = require "cjson.safe"
local pkey = require "openssl.pkey"
local digest = require "openssl.digest"

local M = {}

local function b64url(s)
  s = s:gsub("-", "+"):gsub("_", "/")
  local rest = #s % 4
  if rest == 1 then
    return nil
  end
  if rest > 0 then
    s = s .. string.rep("=", 4 - rest)
  end
  return ngx.decode_base64(s)
end

-- A public key from PEM text, or nil and a reason.
function M.load_key(pem)
  local ok, key = pcall(pkey.new, pem)
  if not ok then
    return nil, "unreadable public key"
  end
  return key
end

-- The token's claims when it is a valid, unexpired RS256 token signed by key; else nil and why.
function M.verify(token, key, now)
  local h64, p64, s64 = token:match("^([%w_-]+)%.([%w_-]+)%.([%w_-]+)$")
  if not h64 then
    return nil, "malformed token"
  end
  local header = cjson.decode(b64url(h64) or "")
  if type(header) ~= "table" or header.alg ~= "RS256" then
    return nil, "unsupported token algorithm"
  end
  local claims = cjson.decode(b64url(p64) or "")
  if type(claims) ~= "table" then
    return nil, "malformed token claims"
  end
  local signature = b64url(s64)
  if not signature then
    return nil, "malformed token signature"
  end
  local d = digest.new("sha256")
  d:update(h64 .. "." .. p64)
  local ok, valid = pcall(key.verify, key, signature, d)
  if not ok or not valid then
    return nil, "invalid token signature"
  end
  if type(claims.exp) ~= "number" or claims.exp <= now then
    return nil, "token expired"
  end
  if type(claims.uid) ~= "string" or claims.uid == "" then
    return nil, "token without uid"
  end
  return claims
end

return M
