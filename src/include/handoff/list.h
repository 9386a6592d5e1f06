#line 61 "chapters/07-buddy.nw" /* <include/handoff/list.h> */
#ifndef _HANDOFF_LIST_H
#define _HANDOFF_LIST_H
#include <handoff/types.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)
#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))
#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)
#define list_for_each_entry(pos, head, member)					\
	for ((pos) = list_entry((head)->next, __typeof__(*(pos)), member);	\
	     &(pos)->member != (head);						\
	     (pos) = list_entry((pos)->member.next, __typeof__(*(pos)), member))

static inline void INIT_LIST_HEAD(struct list_head *h) { h->next = h->prev = h; }
static inline bool list_empty(const struct list_head *h) { return h->next == h; }

#line 86 "chapters/07-buddy.nw" /* <include/handoff/list.h> */
static inline void __list_link(struct list_head *n, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

/** list_add - insert @n right after @head: a stack. */
static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_link(n, head, head->next);
}

/** list_add_tail - insert @n right before @head: a queue. */
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_link(n, head->prev, head);
}

#line 110 "chapters/07-buddy.nw" /* <include/handoff/list.h> */
/** list_del - unlink @e; its links are poisoned, so that a second list_del faults. */
static inline void list_del(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	e->next = e->prev = NULL;
}

/** list_move - unlink @e and add it after @head. */
static inline void list_move(struct list_head *e, struct list_head *head)
{
	list_del(e);
	list_add(e, head);
}
#endif
