-- Releases the lock KEYS[1] only while it still holds this holder's token ARGV[1]: a holder whose lease ran out
-- must not free the lock of whoever took it next.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
