import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { LEASE_KEY } from './state';

/**
 * One poll of a trigger at a time.
 *
 * n8n starts a poll on every tick of the trigger's schedule without waiting for the previous
 * one, so a poll that outlasts the interval (rate-limit waits, transcripts, a backlog) overlaps
 * the next. Both would read the same committed state and emit the same calls. A poll therefore
 * takes a lease first; a poll that finds a live lease of another poll does nothing (returns
 * "nothing new" and leaves the state alone): the overlapping window of the next poll lists what
 * it would have seen.
 *
 * The lease is held in two places, because n8n hands overlapping polls either the same static
 * data object (n8n 1.x, 2.x without durable cursors) or a private copy each (2.x durable
 * cursors): in a registry of this module, keyed by workflow and node, and in the static data.
 * The static-data copy carries this process's instance tag: one left behind by another process
 * (persisted while a poll ran, then n8n restarted) is ignored.
 *
 * A lease expires `ttl` after its last renewal (renewed at every page received), so a poll that
 * hangs cannot block the trigger forever. A poll whose lease expired and was taken over does not
 * commit: it throws its work away (see `holds`), so the two never emit the same call.
 */

/** Lease duration when n8n gives the poll no time budget (n8n 1.x); renewed at every page. */
export const DEFAULT_LEASE_MS = 15 * 60 * 1000;
/** Shortest lease (n8n polls at most once a minute). */
export const MIN_LEASE_MS = 60 * 1000;

/** Identifies this loaded copy of the node (one per n8n process). */
const INSTANCE = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
let sequence = 0;

interface LeaseRecord {
	owner: string;
	until: number;
}

/** Leases of the polls running in this process, by workflow and node. */
const running = new Map<string, LeaseRecord>();

export interface Lease {
	key: string;
	owner: string;
	ttl: number;
	staticData: IDataObject;
}

function leaseKey(ctx: IPollFunctions): string {
	const workflow = ctx.getWorkflow();
	const node = ctx.getNode();
	return `${String(workflow.id ?? '')}\u0000${String(node.id ?? node.name)}`;
}

function asRecord(value: unknown): LeaseRecord | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { owner, until } = value as IDataObject;
	if (typeof owner !== 'string' || typeof until !== 'number' || !Number.isFinite(until)) return undefined;
	return { owner, until };
}

/**
 * Live: not expired, and not further ahead than any fresh lease could be (else the clock jumped
 * back since it was taken: it is not trusted).
 */
function live(record: LeaseRecord | undefined, now: number, ttl: number): boolean {
	return record !== undefined && record.until > now && record.until <= now + Math.max(ttl, DEFAULT_LEASE_MS) + MIN_LEASE_MS;
}

/** Takes the lease, or returns undefined when another poll of this trigger holds a live one. */
export function acquireLease(ctx: IPollFunctions, staticData: IDataObject, duration: number): Lease | undefined {
	const ttl = Math.max(duration, MIN_LEASE_MS);
	const now = Date.now();
	const key = leaseKey(ctx);
	if (live(running.get(key), now, ttl)) return undefined;
	const stored = asRecord(staticData[LEASE_KEY]);
	if (stored && stored.owner.startsWith(`${INSTANCE}:`) && live(stored, now, ttl)) return undefined;
	const lease: Lease = { key, owner: `${INSTANCE}:${++sequence}`, ttl, staticData };
	running.set(key, { owner: lease.owner, until: now + ttl });
	staticData[LEASE_KEY] = { owner: lease.owner, until: now + ttl };
	return lease;
}

/** Whether the poll still holds its lease (nobody took over after it expired). */
export function holds(lease: Lease): boolean {
	const stored = asRecord(lease.staticData[LEASE_KEY]);
	return running.get(lease.key)?.owner === lease.owner && stored?.owner === lease.owner;
}

/** Extends a held lease by its duration from now (the poll is making progress). */
export function renewLease(lease: Lease): void {
	if (!holds(lease)) return;
	const until = Date.now() + lease.ttl;
	running.set(lease.key, { owner: lease.owner, until });
	lease.staticData[LEASE_KEY] = { owner: lease.owner, until };
}

/** Gives the lease up (only if still held: a poll that took over keeps its own). */
export function releaseLease(lease: Lease): void {
	if (running.get(lease.key)?.owner === lease.owner) running.delete(lease.key);
	if (asRecord(lease.staticData[LEASE_KEY])?.owner === lease.owner) delete lease.staticData[LEASE_KEY];
}
