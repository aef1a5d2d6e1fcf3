#!/usr/bin/env node
/**
 * Generates the README's operations table from the node's own operation definitions, so the
 * documentation cannot drift from the code. `npm run docs` rewrites README.md between the
 * `<!-- operations:start -->` / `<!-- operations:end -->` markers; the test suite fails when
 * README.md is out of date.
 */
const fs = require('fs');
const path = require('path');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

function escapeCell(text) {
	return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown for every resource and operation, with the Gong endpoint each one calls. */
function renderTable(resources) {
	const ops = resources.flatMap((r) => r.operations);
	const lines = [];
	lines.push(
		`${resources.length} resources, ${ops.length} operations. Every paginated operation has **Return All** / **Limit**; ` +
			'“write” marks operations that change data in Gong (never repeated automatically unless Gong makes them idempotent), ⚠️ those that delete or erase it.',
		'',
		'| Resource | Operation | Gong endpoint | Scope | Notes |',
		'| --- | --- | --- | --- | --- |',
	);
	const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));
	for (const resource of sorted) {
		const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
		for (const op of operations) {
			const notes = [];
			if (op.pagination) notes.push('paginated');
			if (op.method !== 'GET' && !op.retrySafe) notes.push('write');
			else if (op.method !== 'GET') notes.push('read-only POST, retried safely');
			if (op.destructive) notes.push('⚠️ destructive');
			if (op.legacy) notes.push('legacy');
			if (op.jsonBody) notes.push('fields or JSON body');
			if (op.executeAll) notes.push('batched');
			if (op.sharesEndpointWith) notes.push(op.sharesEndpointWith.reason);
			lines.push(
				`| ${escapeCell(resource.name)} | ${escapeCell(op.name)} | \`${op.method} ${op.path}\` | ${op.scope ? `\`${op.scope}\`` : '—'} | ${notes.join(', ')} |`,
			);
		}
	}
	return lines.join('\n');
}

/** README text with the table region replaced. */
function withTable(readme, table) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (require.main === module) {
	const root = path.resolve(__dirname, '..');
	const { resources } = require(path.join(root, 'dist/nodes/Gong/actions/resources'));
	const file = path.join(root, 'README.md');
	const next = withTable(fs.readFileSync(file, 'utf8'), renderTable(resources));
	fs.writeFileSync(file, next);
	console.log(`README.md: operations table written (${resources.flatMap((r) => r.operations).length} operations)`);
}

module.exports = { renderTable, withTable, START, END };
