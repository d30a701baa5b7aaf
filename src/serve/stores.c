/* stores.c: the service's connections to its store, one for each thread
 * that may use it at once. A store is used from one thread at a time
 * (monitor.h); the database keeps the connections' transactions apart
 * (SQLite in WAL: readers beside the one writer; PostgreSQL: its own). */
#include "serve/serve.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct gt_srv_stores {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	size_t n;
	bool owned; /* the stores are the pool's to close */
	struct {
		struct gt_store *st;
		bool busy;
	} *slot;
};

static struct gt_srv_stores *pool_new(size_t n)
{
	struct gt_srv_stores *p = calloc(1, sizeof(*p));
	if (!p || !(p->slot = calloc(n, sizeof(p->slot[0])))) {
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->freed, NULL);
	p->n = n;
	return p;
}

void gt_srv_stores_free(struct gt_srv_stores *p)
{
	if (!p)
		return;
	for (size_t i = 0; p->owned && i < p->n; i++)
		gt_store_close(p->slot[i].st);
	pthread_cond_destroy(&p->freed);
	pthread_mutex_destroy(&p->lock);
	free(p->slot);
	free(p);
}

enum gt_status gt_srv_stores_open(struct gt_store *first, const char *path,
                                  const struct gt_store_options *o, size_t n, int64_t max_bytes,
                                  struct gt_srv_stores **out, struct gt_err *err)
{
	*out = NULL;
	struct gt_srv_stores *p = pool_new(n ? n : 1);
	if (!p) {
		gt_store_close(first);
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	}
	p->owned = true;
	p->slot[0].st = first;
	for (size_t i = 0; i < p->n; i++) {
		enum gt_status s = i == 0 ? GT_OK : gt_store_open_with(path, o, &p->slot[i].st, err);
		if (s == GT_OK && max_bytes > 0)
			s = gt_store_limit(p->slot[i].st, max_bytes, err);
		if (s != GT_OK) {
			gt_srv_stores_free(p);
			return s;
		}
	}
	*out = p;
	return GT_OK;
}

struct gt_srv_stores *gt_srv_stores_wrap(struct gt_store *st)
{
	struct gt_srv_stores *p = pool_new(1);
	if (p)
		p->slot[0].st = st;
	return p;
}

struct gt_store *gt_srv_stores_any(struct gt_srv_stores *p)
{
	return p->slot[0].st;
}

struct gt_store *gt_srv_stores_take(struct gt_srv_stores *p, unsigned wait_ms)
{
	struct timespec until = gt_srv_deadline(wait_ms);
	struct gt_store *got = NULL;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		for (size_t i = 0; i < p->n && !got; i++)
			if (!p->slot[i].busy) {
				p->slot[i].busy = true;
				got = p->slot[i].st;
			}
		if (got || pthread_cond_timedwait(&p->freed, &p->lock, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&p->lock);
	return got;
}

void gt_srv_stores_give(struct gt_srv_stores *p, struct gt_store *st)
{
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->n; i++)
		if (p->slot[i].st == st)
			p->slot[i].busy = false;
	pthread_cond_signal(&p->freed);
	pthread_mutex_unlock(&p->lock);
}
