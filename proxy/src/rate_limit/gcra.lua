-- GCRA (the token bucket as one timestamp per key), atomic in Redis. KEYS[1]: the bucket.
-- ARGV[1]: microseconds between tokens; ARGV[2]: burst. Redis's own clock, so instances
-- with skewed clocks agree. Returns 0 when the request may pass, else the microseconds
-- until it would. The key expires once its bucket is full again, so idle keys vanish.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then
  tat = now
end
local allow_at = tat + interval - burst * interval
if allow_at > now then
  return math.ceil(allow_at - now)
end
local new_tat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.max(1, math.ceil((new_tat - now) / 1000)))
return 0
