/* format.h: number formatting shared by the renderers (private). */
#ifndef GT_RENDER_FORMAT_H
#define GT_RENDER_FORMAT_H

/* Writes n with thousands separators ("1,234,567") into buf; returns buf. */
const char *gt__render_thousands(long n, char buf[32]);

#endif
