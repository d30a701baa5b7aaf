/* serve_limit.c: token buckets for `guarantor serve`'s rate limits: a
 * bucket per key holds at most `burst` requests and refills at `rate` a
 * second. The table is fixed; a new key takes an empty slot near its hash,
 * or the one among them used longest ago, which by then has refilled.
 * Used from the daemon's one thread. */
#include "serve.h"

#include <stdlib.h>

enum { SLOTS = 8192, PROBE = 16 }; /* SLOTS a power of two */

struct gt_srv_limits {
	struct {
		uint64_t key;
		double tokens, last;
		bool used;
	} slot[SLOTS];
};

struct gt_srv_limits *gt_srv_limits_new(void)
{
	return calloc(1, sizeof(struct gt_srv_limits));
}

void gt_srv_limits_free(struct gt_srv_limits *l)
{
	free(l);
}

static size_t home(uint64_t key)
{
	key ^= key >> 33; /* a 64-bit mix (MurmurHash3's finaliser) */
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	key *= 0xc4ceb9fe1a85ec53ULL;
	key ^= key >> 33;
	return (size_t)key & (SLOTS - 1);
}

bool gt_srv_limits_take(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                        double cost, double now, double *wait_s)
{
	*wait_s = 0;
	size_t at = home(key), pick = at;
	bool found = false;
	for (size_t i = 0; i < PROBE; i++) {
		size_t k = (at + i) & (SLOTS - 1);
		if (l->slot[k].used && l->slot[k].key == key) {
			pick = k;
			found = true;
			break;
		}
		if (!l->slot[k].used || (l->slot[pick].used && l->slot[k].last < l->slot[pick].last))
			pick = k;
	}
	if (!found) {
		l->slot[pick].used = true;
		l->slot[pick].key = key;
		l->slot[pick].tokens = burst;
		l->slot[pick].last = now;
	}
	double t = l->slot[pick].tokens + (now - l->slot[pick].last) * rate;
	t = t < burst ? t : burst;
	l->slot[pick].last = now;
	if (t < 1.0 || t < cost) {
		l->slot[pick].tokens = t;
		*wait_s = ((cost > 1.0 ? cost : 1.0) - t) / rate;
		return false;
	}
	l->slot[pick].tokens = t - cost;
	return true;
}
