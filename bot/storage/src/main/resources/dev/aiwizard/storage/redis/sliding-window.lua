-- Counts one use of KEYS[1] in a sliding window, atomically.
-- ARGV[1]: window in milliseconds, ARGV[2]: limit, ARGV[3]: a unique member for this use.
-- Returns -1 when the use is allowed (and counted), else the milliseconds until the oldest counted use leaves
-- the window. Time is the Redis server's, so the clocks of the replicas do not matter.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return -1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
