/* limit.c: token buckets for `guarantor serve`'s rate limits: a
 * bucket per key holds at most `burst` requests and refills at `rate` a
 * second. The table is fixed; a new key takes an empty slot near its hash,
 * or the one among them used longest ago. The hash is keyed with a secret
 * drawn at start (SipHash), so that no client can choose keys that crowd
 * one neighbourhood and empty each other's buckets by turns. A charge may
 * leave a bucket below zero: a debt that the rate repays before the next
 * request goes. The daemon locks around every use. */
#include "serve/serve.h"

#include <sodium.h>
#include <stdlib.h>

enum { SLOTS = 8192, PROBE = 16 }; /* SLOTS a power of two */

struct gt_srv_limits {
	unsigned char secret[crypto_shorthash_KEYBYTES];
	struct {
		uint64_t key;
		double tokens, last;
		bool used;
	} slot[SLOTS];
};

struct gt_srv_limits *gt_srv_limits_new(void)
{
	if (sodium_init() < 0)
		return NULL;
	struct gt_srv_limits *l = calloc(1, sizeof(*l));
	if (l)
		crypto_shorthash_keygen(l->secret);
	return l;
}

void gt_srv_limits_free(struct gt_srv_limits *l)
{
	free(l);
}

static size_t home(const struct gt_srv_limits *l, uint64_t key)
{
	unsigned char in[8], out[crypto_shorthash_BYTES];
	for (int i = 0; i < 8; i++)
		in[i] = (unsigned char)(key >> (8 * i));
	crypto_shorthash(out, in, sizeof(in), l->secret);
	return ((size_t)out[0] | (size_t)out[1] << 8) & (SLOTS - 1);
}

/* The slot of key, a new one full when it had none, refilled up to now. */
static size_t bucket(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                     double now)
{
	size_t at = home(l, key), pick = at;
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
	l->slot[pick].tokens = t < burst ? t : burst;
	l->slot[pick].last = now;
	return pick;
}

bool gt_srv_limits_take(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                        double cost, double now, double *wait_s)
{
	*wait_s = 0;
	size_t k = bucket(l, key, rate, burst, now);
	double t = l->slot[k].tokens;
	if (t < 1.0 || t < cost) {
		*wait_s = ((cost > 1.0 ? cost : 1.0) - t) / rate;
		return false;
	}
	l->slot[k].tokens = t - cost;
	return true;
}

double gt_srv_limits_level(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                           double now)
{
	return l->slot[bucket(l, key, rate, burst, now)].tokens;
}

void gt_srv_limits_charge(struct gt_srv_limits *l, uint64_t key, double rate, double burst,
                          double cost, double now)
{
	size_t k = bucket(l, key, rate, burst, now);
	double t = l->slot[k].tokens - cost; /* a negative cost gives back */
	l->slot[k].tokens = t < burst ? t : burst;
}
