/**
 * Bounds on what a server's answers can make the transport do. Kept in one small module so the
 * values are documented in one place (and tests can replace them with small ones).
 */

/**
 * Most pages one listing follows (Return All, the trigger, dropdowns). Gong's pages hold up to
 * 100 records, so this allows lists of 1,000,000 records — and 10,000 requests is the whole
 * daily quota of a Gong company, so no legitimate listing can need more in one run.
 */
export const MAX_PAGES = 10_000;

/**
 * Longest one HTTP exchange with Gong may take, from sending the request to the last byte of
 * the answer (5 minutes). The 120 s timeout only limits silence; this bounds a server that keeps
 * trickling bytes. Gong's slowest answers (AI briefs, 100 transcripts) take well under a minute.
 */
export const REQUEST_DEADLINE_MS = 300_000;

/** Idle time (no byte received) after which a request is given up (n8n's request timeout). */
export const IDLE_TIMEOUT_MS = 120_000;
