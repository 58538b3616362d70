-- Renews the lease of lock KEYS[1] to ARGV[2] milliseconds only while it still holds this holder's token ARGV[1]:
-- a holder whose lease ran out must not extend whoever took the lock next.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
